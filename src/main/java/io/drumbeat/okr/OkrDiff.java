package io.drumbeat.okr;

import io.drumbeat.slack.Mrkdwn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a quarter's stored key results with an imported file's: which KRs are added, removed, or
 * change their target, start, unit, owner or objective. Titles and order are not part of the diff:
 * they apply at once.
 */
final class OkrDiff {
  private OkrDiff() {}

  /**
   * @param stored the quarter's KRs in the database
   * @param proposed the file's KRs
   * @return added and changed KRs in file order, then removed KRs in stored order; empty when the
   *     file changes nothing that needs a sign-off
   */
  static List<KrDiff> between(List<KeyResult> stored, List<KeyResult> proposed) {
    Map<String, KeyResult> before =
        stored.stream()
            .collect(
                Collectors.toMap(
                    KeyResult::krKey, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    List<KrDiff> diff = new ArrayList<>();
    for (KeyResult kr : proposed) {
      KeyResult old = before.remove(kr.krKey());
      if (old == null) {
        diff.add(new KrDiff(kr.krKey(), KrDiff.Kind.ADDED, kr.title(), describe(kr)));
        continue;
      }
      List<KrDiff.FieldChange> changes = new ArrayList<>();
      compare(changes, "target", number(old.targetValue()), number(kr.targetValue()));
      compare(changes, "start", number(old.startValue()), number(kr.startValue()));
      compare(changes, "unit", text(old.unit()), text(kr.unit()));
      compare(changes, "owner", old.ownerId(), kr.ownerId());
      compare(changes, "objective", old.objectiveKey(), kr.objectiveKey());
      if (!changes.isEmpty()) {
        diff.add(new KrDiff(kr.krKey(), KrDiff.Kind.CHANGED, kr.title(), changes));
      }
    }
    before
        .values()
        .forEach(
            kr -> diff.add(new KrDiff(kr.krKey(), KrDiff.Kind.REMOVED, kr.title(), List.of())));
    return diff;
  }

  /** The diff as plain text for the command line, one line per KR: {@code ~ KR1.1 target: …}. */
  static String plain(List<KrDiff> diff) {
    return diff.stream().map(OkrDiff::plainLine).collect(Collectors.joining("\n"));
  }

  /**
   * One mrkdwn line per KR, user text escaped and owners as mentions, e.g. {@code :pencil2: *KR1.1*
   * p99 latency: target 500 ms → *400 ms*}.
   */
  static List<String> mrkdwn(List<KrDiff> diff) {
    return diff.stream().map(OkrDiff::mrkdwnLine).toList();
  }

  private static String plainLine(KrDiff d) {
    String sign =
        switch (d.kind()) {
          case ADDED -> "+ ";
          case REMOVED -> "- ";
          case CHANGED -> "~ ";
        };
    String changes =
        d.changes().stream()
            .map(c -> c.field() + ": " + c.before() + " -> " + c.after())
            .collect(Collectors.joining("; "));
    String tail = d.kind() == KrDiff.Kind.REMOVED ? "removed (its check-ins are kept)" : changes;
    return sign + d.krKey() + " \"" + d.title() + "\": " + tail;
  }

  private static String mrkdwnLine(KrDiff d) {
    String head =
        switch (d.kind()) {
          case ADDED -> ":heavy_plus_sign: *New* ";
          case REMOVED -> ":heavy_minus_sign: *Removed* ";
          case CHANGED -> ":pencil2: ";
        };
    String changes =
        d.changes().stream()
            .map(c -> c.field() + ": " + shown(c, c.before()) + " → *" + shown(c, c.after()) + "*")
            .collect(Collectors.joining(" · "));
    String tail = d.kind() == KrDiff.Kind.REMOVED ? "(its check-ins are kept)" : changes;
    String line =
        head
            + "*"
            + Mrkdwn.escape(d.krKey())
            + "* "
            + Mrkdwn.truncate(Mrkdwn.escape(d.title()), 500)
            + ": "
            + tail;
    return Mrkdwn.truncate(line, 2900);
  }

  private static String shown(KrDiff.FieldChange c, String value) {
    if (c.field().equals("owner") && !value.equals("—")) {
      return "<@" + value + ">";
    }
    return Mrkdwn.escape(value);
  }

  private static List<KrDiff.FieldChange> describe(KeyResult kr) {
    List<KrDiff.FieldChange> fields = new ArrayList<>();
    fields.add(new KrDiff.FieldChange("owner", "—", kr.ownerId()));
    if (kr.targetValue() != null) {
      fields.add(new KrDiff.FieldChange("target", "—", number(kr.targetValue())));
    }
    return fields;
  }

  private static void compare(
      List<KrDiff.FieldChange> changes, String field, String before, String after) {
    if (!Objects.equals(before, after)) {
      changes.add(new KrDiff.FieldChange(field, before, after));
    }
  }

  private static String text(String value) {
    return value == null ? "—" : value;
  }

  private static String number(BigDecimal value) {
    return value == null ? "—" : value.stripTrailingZeros().toPlainString();
  }
}
