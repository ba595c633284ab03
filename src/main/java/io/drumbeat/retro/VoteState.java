package io.drumbeat.retro;

import io.drumbeat.DrumbeatException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the voting modal carries in {@code private_metadata} (at most {@value #MAX_METADATA}
 * characters) from page to page and to the submission.
 *
 * @param retroId the retro voted on
 * @param page the page shown, from 0
 * @param maxItemId the newest item when the modal opened: later items are left out, so every page
 *     of one modal lays out the same items
 * @param selected every item ticked so far, on any page (ids, ascending)
 */
record VoteState(long retroId, int page, long maxItemId, Set<Long> selected) {
  /** Slack's limit on {@code private_metadata}. */
  static final int MAX_METADATA = 3000;

  private static final String VERSION = "v1";

  VoteState {
    selected = Collections.unmodifiableSortedSet(new TreeSet<>(selected));
  }

  /** The state of a modal just opened on page 0 with {@code selected} ticked. */
  static VoteState opened(long retroId, long maxItemId, Collection<Long> selected) {
    return new VoteState(retroId, 0, maxItemId, new TreeSet<>(selected));
  }

  /** The same modal showing {@code newPage} with {@code newSelection} ticked. */
  VoteState turnedTo(int newPage, Collection<Long> newSelection) {
    return new VoteState(retroId, newPage, maxItemId, new TreeSet<>(newSelection));
  }

  /**
   * The compact text form, e.g. {@code v1:12:0:340:9a.1.3}: the selected ids as base-36 gaps from
   * the previous one, so even hundreds of ticks stay far below the limit.
   *
   * @throws DrumbeatException when it would not fit in {@code private_metadata}
   */
  String metadata() {
    List<String> gaps = new ArrayList<>();
    long previous = 0;
    for (long id : selected) {
      gaps.add(Long.toString(id - previous, 36));
      previous = id;
    }
    String text =
        String.join(
            ":",
            VERSION,
            Long.toString(retroId),
            Integer.toString(page),
            Long.toString(maxItemId),
            String.join(".", gaps));
    if (text.length() > MAX_METADATA) {
      throw new DrumbeatException(
          "Too many items are ticked (" + selected.size() + ") to carry between pages.");
    }
    return text;
  }

  /**
   * Reads {@link #metadata()}.
   *
   * @throws DrumbeatException when it is not a state this version wrote
   */
  static VoteState parse(String metadata) {
    String[] parts = metadata == null ? new String[0] : metadata.split(":", -1);
    if (parts.length != 5 || !VERSION.equals(parts[0])) {
      throw outOfDate(null);
    }
    try {
      SortedSet<Long> selected = new TreeSet<>();
      long previous = 0;
      for (String gap : parts[4].isEmpty() ? new String[0] : parts[4].split("\\.")) {
        previous += Long.parseLong(gap, 36);
        selected.add(previous);
      }
      return new VoteState(
          Long.parseLong(parts[1]), Integer.parseInt(parts[2]), Long.parseLong(parts[3]), selected);
    } catch (NumberFormatException e) {
      throw outOfDate(e);
    }
  }

  private static DrumbeatException outOfDate(Throwable cause) {
    return new DrumbeatException(
        "This voting form is out of date. Close it and click Vote again.", cause);
  }
}
