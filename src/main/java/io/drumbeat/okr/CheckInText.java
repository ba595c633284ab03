package io.drumbeat.okr;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.slack.Mrkdwn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * How a key result and its check-in read in messages (echo, digest, reminder). All user text is
 * escaped; every block's text stays within Slack's 3000 characters.
 */
public final class CheckInText {
  private CheckInText() {}

  /** "*KR1.2* Cut p99 latency" with both parts escaped. */
  public static String title(KeyResult kr) {
    return "*" + Mrkdwn.escape(kr.krKey()) + "* " + Mrkdwn.escape(kr.title());
  }

  /**
   * One line of facts: status, current vs target with progress, change since {@code previous},
   * confidence and owner, e.g. ":large_green_circle: On track · 42 / 50 ms (84%) · +4 ms since
   * 2026-W46 · confidence 7/10 · <@U0AAA1>".
   *
   * @param previous the check-in before this one, or null
   */
  public static String facts(KeyResult kr, CheckIn checkIn, CheckIn previous) {
    List<String> parts = new ArrayList<>();
    parts.add(checkIn.status().emoji() + " " + checkIn.status().label());
    parts.add(valueVsTarget(kr, checkIn.currentValue()));
    String change = change(kr, checkIn, previous);
    if (!change.isEmpty()) {
      parts.add(change);
    }
    if (checkIn.confidence() != null) {
      parts.add("confidence " + checkIn.confidence() + "/" + CheckIn.MAX_CONFIDENCE);
    }
    parts.add("<@" + kr.ownerId() + ">");
    return String.join(" · ", parts);
  }

  /** "42 / 50 ms (84%)", "42 ms", or "target 50 ms, no value" depending on what is known. */
  public static String valueVsTarget(KeyResult kr, BigDecimal current) {
    return Mrkdwn.escape(plainValueVsTarget(kr, current));
  }

  /**
   * {@link #valueVsTarget} as plain text, unescaped (the unit is user text), for formats other than
   * mrkdwn such as Markdown.
   */
  public static String plainValueVsTarget(KeyResult kr, BigDecimal current) {
    if (!kr.isMeasured()) {
      return current == null ? "no numeric target" : kr.format(current);
    }
    if (current == null) {
      return "target " + kr.format(kr.targetValue()) + ", no value";
    }
    OptionalInt progress = kr.progressPercent(current);
    String base =
        current.stripTrailingZeros().toPlainString() + " / " + kr.format(kr.targetValue());
    return progress.isPresent() ? base + " (" + progress.getAsInt() + "%)" : base;
  }

  /** "+4 ms, was at risk since 2026-W46", "no change since 2026-W46", or "" without a previous. */
  static String change(KeyResult kr, CheckIn current, CheckIn previous) {
    if (previous == null) {
      return "first check-in";
    }
    List<String> bits = new ArrayList<>();
    if (current.currentValue() != null && previous.currentValue() != null) {
      BigDecimal delta = current.currentValue().subtract(previous.currentValue());
      if (delta.signum() != 0) {
        String sign = delta.signum() > 0 ? "+" : "";
        bits.add(sign + Mrkdwn.escape(kr.format(delta)));
      }
    }
    if (previous.status() != current.status()) {
      bits.add("was " + previous.status().label().toLowerCase(java.util.Locale.ROOT));
    }
    return bits.isEmpty()
        ? "no change since " + previous.isoWeek()
        : String.join(", ", bits) + " since " + previous.isoWeek();
  }

  /**
   * The note as quoted sections: "> " before each line, escaped and split so no block's text passes
   * 3000 characters. Empty when there is no note.
   */
  public static List<LayoutBlock> noteBlocks(String note) {
    if (note == null || note.isBlank()) {
      return List.of();
    }
    String quoted = "> " + Mrkdwn.escape(note.strip()).replace("\n", "\n> ");
    return Mrkdwn.chunk(quoted, Mrkdwn.MAX_TEXT).stream()
        .map(piece -> (LayoutBlock) section(s -> s.text(markdownText(piece))))
        .toList();
  }
}
