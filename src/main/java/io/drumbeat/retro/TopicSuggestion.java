package io.drumbeat.retro;

import io.drumbeat.okr.KeyResult;

/**
 * A KR suggested as a retro topic, with why.
 *
 * @param kr the key result
 * @param reason why it is suggested, plain text, e.g. "at risk for 3 weeks"
 */
record TopicSuggestion(KeyResult kr, String reason) {
  /** Longest KR title kept in an item's text, in characters (items hold at most 1000). */
  static final int MAX_TITLE = 600;

  /** The text of the anonymous item it becomes, e.g. "KR: p99 latency under 500 ms — at risk…". */
  String itemText() {
    String title = kr.title().strip();
    if (title.length() > MAX_TITLE) {
      title = title.substring(0, MAX_TITLE - 1) + "…";
    }
    return "KR: " + kr.krKey() + " " + title + " — " + reason;
  }
}
