package io.drumbeat.okr;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a {@link Digest} as Block Kit messages: totals by status on top, then per objective each
 * KR with status, current vs target and progress, change since the previous week, confidence,
 * owner, and a clear "no update this week" flag. Any size fits: every text is at most 3000
 * characters and {@link MessagePacker} splits the blocks into messages of at most 50.
 */
final class DigestRenderer {
  /**
   * Longest note shown in the digest, in characters of the raw note; longer ones end in "…" (the
   * full note is in the check-in's echo and history). Keeps a 60-KR digest to a few messages: Slack
   * paces posts to one channel at about one per second.
   */
  public static final int NOTE_MAX = 600;

  private DigestRenderer() {}

  static String shorten(String note) {
    if (note == null || note.strip().length() <= NOTE_MAX) {
      return note;
    }
    return note.strip().substring(0, NOTE_MAX - 1) + "…";
  }

  /** The digest as messages; the first carries the header and totals, the rest go in a thread. */
  public static List<List<LayoutBlock>> render(Digest digest) {
    return render(digest, kr -> "", List.of());
  }

  /**
   * The digest with {@code underKr(kr)} (escaped mrkdwn, "" for nothing) under each KR's line and
   * {@code after} (blocks of at most 3000 characters each) after the KRs, packed into messages.
   */
  public static List<List<LayoutBlock>> render(
      Digest digest, Function<KeyResult, String> underKr, List<LayoutBlock> after) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        header(h -> h.text(plainText("OKR digest · " + digest.quarter() + " · " + digest.week()))));
    blocks.add(section(s -> s.text(markdownText(totals(digest)))));
    if (digest.objectives().isEmpty()) {
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          "No key results for "
                              + digest.quarter()
                              + " yet. An admin imports them with `java -jar drumbeat.jar okrs import FILE`."))));
    }
    for (Digest.Section section : digest.objectives()) {
      blocks.add(divider());
      String title =
          ":dart: *"
              + Mrkdwn.escape(section.objective().objectiveKey())
              + " · "
              + Mrkdwn.escape(section.objective().title())
              + "*";
      blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(title, Mrkdwn.MAX_TEXT)))));
      for (Digest.Row row : section.rows()) {
        blocks.add(
            section(s -> s.text(markdownText(Mrkdwn.truncate(rowText(row), Mrkdwn.MAX_TEXT)))));
        if (row.thisWeek() != null) {
          blocks.addAll(CheckInText.noteBlocks(shorten(row.thisWeek().note())));
        }
        String under = underKr.apply(row.kr());
        if (!under.isEmpty()) {
          Mrkdwn.chunk(under, Mrkdwn.MAX_TEXT)
              .forEach(piece -> blocks.add(section(s -> s.text(markdownText(piece)))));
        }
      }
    }
    blocks.addAll(after);
    return MessagePacker.pack(blocks);
  }

  /** "*12 key results* · 🟢 On track 5 · … · ❔ No update 3". */
  static String totals(Digest digest) {
    Map<CheckInStatus, Integer> totals = digest.totals();
    List<String> parts = new ArrayList<>();
    parts.add("*" + digest.rows().size() + " key results*");
    for (CheckInStatus status : CheckInStatus.values()) {
      parts.add(status.emoji() + " " + status.label() + " " + totals.getOrDefault(status, 0));
    }
    parts.add(":grey_question: No update " + digest.missing());
    return String.join(" · ", parts);
  }

  private static String rowText(Digest.Row row) {
    KeyResult kr = row.kr();
    if (row.thisWeek() != null) {
      return CheckInText.title(kr) + "\n" + CheckInText.facts(kr, row.thisWeek(), row.previous());
    }
    String last =
        row.previous() == null
            ? "never checked in"
            : "last: "
                + row.previous().status().label()
                + ", "
                + CheckInText.valueVsTarget(kr, row.previous().currentValue())
                + " ("
                + row.previous().isoWeek()
                + ")";
    return CheckInText.title(kr)
        + "\n:grey_question: *No update this week* · "
        + last
        + " · <@"
        + kr.ownerId()
        + ">";
  }
}
