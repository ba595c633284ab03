package io.drumbeat.retro;

import io.drumbeat.DrumbeatException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the voting modal carries in {@code private_metadata} (at most {@value #MAX_METADATA}
 * characters) from page to page and to the submission. It comes back from the client, so every
 * submission checks it again: its seal against the voter ({@link #openedFor}), its items against
 * the retro's (a reference of another retro is no item of this one).
 *
 * @param retroId the retro voted on
 * @param page the page shown, from 0
 * @param seal binds the retro id to the voter the modal was opened for ({@link RetroKey#seal})
 * @param selected the references ({@link RetroKey#ref}) of every item ticked so far, on any page
 */
record VoteState(long retroId, int page, String seal, Set<String> selected) {
  /** Slack's limit on {@code private_metadata}. */
  static final int MAX_METADATA = 3000;

  private static final String VERSION = "v2";
  private static final String PURPOSE = "ballot";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  VoteState {
    selected = Collections.unmodifiableSortedSet(new TreeSet<>(selected));
  }

  /** The state of a modal just opened for {@code voter} on page 0 with {@code selected} ticked. */
  static VoteState opened(RetroKey key, long retroId, String voter, Collection<String> selected) {
    return new VoteState(
        retroId, 0, key.seal(PURPOSE, voter, Long.toString(retroId)), new TreeSet<>(selected));
  }

  /** True when the modal was opened for {@code voter}, about this retro. */
  boolean openedFor(RetroKey key, String voter) {
    return key.opens(seal, PURPOSE, voter, Long.toString(retroId));
  }

  /** The same modal showing {@code newPage} with {@code newSelection} ticked. */
  VoteState turnedTo(int newPage, Collection<String> newSelection) {
    return new VoteState(retroId, newPage, seal, new TreeSet<>(newSelection));
  }

  /**
   * The text form, e.g. {@code v2:12:0:<seal>:<ref>.<ref>}.
   *
   * @throws DrumbeatException when it would not fit in {@code private_metadata} (about 240 ticks)
   */
  String metadata() {
    String text =
        String.join(
            ":",
            VERSION,
            Long.toString(retroId),
            Integer.toString(page),
            seal,
            String.join(".", selected));
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
    if (parts.length != 5 || !VERSION.equals(parts[0]) || !TOKEN.matcher(parts[3]).matches()) {
      throw outOfDate(null);
    }
    try {
      SortedSet<String> selected = new TreeSet<>();
      for (String ref : parts[4].isEmpty() ? List.<String>of() : List.of(parts[4].split("\\."))) {
        if (!TOKEN.matcher(ref).matches()) {
          throw outOfDate(null);
        }
        selected.add(ref);
      }
      return new VoteState(
          Long.parseLong(parts[1]), Integer.parseInt(parts[2]), parts[3], selected);
    } catch (NumberFormatException e) {
      throw outOfDate(e);
    }
  }

  private static DrumbeatException outOfDate(Throwable cause) {
    return new DrumbeatException(
        "This voting form is out of date. Close it and click Vote again.", cause);
  }
}
