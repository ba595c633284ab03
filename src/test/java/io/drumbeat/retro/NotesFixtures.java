package io.drumbeat.retro;

import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import io.drumbeat.okr.CheckIn;
import io.drumbeat.okr.CheckInStatus;
import io.drumbeat.okr.KeyResult;
import io.drumbeat.okr.ScorecardLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Reports to render and the texts of rendered messages, for the notes tests. */
final class NotesFixtures {
  static final Instant AT = Instant.parse("2026-11-20T17:30:00Z");

  private NotesFixtures() {}

  static Retro retro(RetroPhase phase, boolean named, String quarter) {
    return new Retro(
        7, "C0RETRO", "Sprint 42", "U0FAC1", phase, named, 3, quarter, "1.1", AT, null);
  }

  static RetroItem item(long id, RetroCategory category, String text, String author) {
    return new RetroItem(id, 7, category, text, author);
  }

  static ActionItem action(long id, String text, String owner, LocalDate due, boolean done) {
    return new ActionItem(id, 7, "C0RETRO", text, owner, due, AT, done ? AT : null, null, null);
  }

  /** A text of exactly {@code length} characters starting with {@code prefix}, full of "&". */
  static String text(String prefix, int length) {
    StringBuilder text = new StringBuilder(prefix);
    while (text.length() < length) {
      text.append(" lorem & ipsum");
    }
    return text.substring(0, length);
  }

  /** {@code count} KR lines over objectives of five KRs; every third has no check-in. */
  static List<ScorecardLine> scorecard(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i -> {
              String key = "KR" + (i / 5 + 1) + "." + (i % 5 + 1);
              KeyResult kr =
                  new KeyResult(
                      "FY2027-Q1",
                      key,
                      "O" + (i / 5 + 1),
                      "Result <" + i + ">",
                      "U0OWN" + i,
                      null,
                      new BigDecimal("200"),
                      "ms",
                      i);
              CheckIn last =
                  i % 3 == 0
                      ? null
                      : new CheckIn(
                          "FY2027-Q1",
                          key,
                          "2026-W47",
                          CheckInStatus.values()[i % 4],
                          new BigDecimal(i),
                          7,
                          null,
                          "U0OWN" + i,
                          AT,
                          null,
                          null);
              return new ScorecardLine("Objective " + (i / 5 + 1), kr, last);
            })
        .toList();
  }

  /** Every header and section text of the messages, in order. */
  static List<String> texts(List<List<LayoutBlock>> messages) {
    List<String> texts = new ArrayList<>();
    for (List<LayoutBlock> message : messages) {
      for (LayoutBlock block : message) {
        if (block instanceof HeaderBlock h) {
          texts.add(h.getText().getText());
        } else if (block instanceof SectionBlock s) {
          texts.add(s.getText().getText());
        }
      }
    }
    return texts;
  }

  /** All texts run together without any whitespace, to find text split over blocks. */
  static String squashed(List<List<LayoutBlock>> messages) {
    return squash(String.join("", texts(messages)));
  }

  static String squash(String text) {
    return text.replaceAll("\\s+", "");
  }
}
