package io.drumbeat.retro;

import io.drumbeat.DrumbeatException;

/**
 * The ids an item modal carries in {@code private_metadata}, {@code "<retro id>:<item ref or
 * empty>:<seal>"}. The seal ({@link RetroKey#seal}) binds them to the person the modal was opened
 * for; every submission is checked against it ({@link #openedFor}), since {@code private_metadata}
 * comes back from the client.
 *
 * @param retroId the retro
 * @param ref the reference ({@link RetroKey#ref}) of the item edited, or "" for a new item
 * @param seal binds both to the person the modal was opened for
 */
record ItemForm(long retroId, String ref, String seal) {
  /** The seal's purpose. */
  private static final String PURPOSE = "item";

  /** The form for {@code userId}: a new item of {@code retroId} ({@code ref} ""), or item ref. */
  static ItemForm of(RetroKey key, long retroId, String ref, String userId) {
    return new ItemForm(retroId, ref, key.seal(PURPOSE, userId, retroId + ":" + ref));
  }

  /**
   * Reads {@code private_metadata}.
   *
   * @throws DrumbeatException when this version did not write it
   */
  static ItemForm parse(String metadata) {
    String[] parts = metadata == null ? new String[0] : metadata.split(":", -1);
    try {
      if (parts.length == 3 && !parts[2].isEmpty()) {
        return new ItemForm(Long.parseLong(parts[0]), parts[1], parts[2]);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new DrumbeatException(
        "This form is out of date. Open it again from the retro's announcement.");
  }

  /** True when it was opened for {@code userId} with exactly these ids. */
  boolean openedFor(RetroKey key, String userId) {
    return key.opens(seal, PURPOSE, userId, retroId + ":" + ref);
  }

  /** True for editing (or deleting) an item, false for a new one. */
  boolean edits() {
    return !ref.isEmpty();
  }

  /** The {@code private_metadata} text. */
  String metadata() {
    return retroId + ":" + ref + ":" + seal;
  }
}
