package io.drumbeat.okr;

import java.util.List;

/**
 * What an OKR import changes about one key result of a quarter that already has KRs: the diff an
 * approver signs off (handbook {@code recurring-processes.md}: mid-quarter updates "should be
 * signed off by the VP of Engineering").
 *
 * @param krKey e.g. "KR1.2"
 * @param kind added, removed or changed
 * @param title the KR's title (the new one, for an added or changed KR)
 * @param changes for a changed KR, each field that changes; empty otherwise
 */
public record KrDiff(String krKey, Kind kind, String title, List<FieldChange> changes) {
  /** What happens to the KR. */
  public enum Kind {
    /** A KR the quarter did not have. */
    ADDED,
    /** A KR no longer in the file; it is kept with its check-ins, as every import does. */
    REMOVED,
    /** A KR whose target, start, unit, owner or objective changes. */
    CHANGED
  }

  /**
   * One field's change, values as shown to people.
   *
   * @param field "target", "start", "unit", "owner" or "objective"
   * @param before the value before, "—" for none
   * @param after the value after, "—" for none
   */
  public record FieldChange(String field, String before, String after) {}

  /** Copies {@code changes}. */
  public KrDiff {
    changes = List.copyOf(changes);
  }
}
