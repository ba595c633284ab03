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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a quarter's scorecard as Block Kit messages: a header and the overall average grade, then
 * per objective its average grade and for each KR two blocks at most (the facts; the owner's KR
 * retrospective). Any number of KRs fits Slack's limits: every text is at most 3000 characters and
 * {@link MessagePacker} splits the blocks into messages of at most 50 (the later ones go in the
 * first one's thread).
 */
final class ScorecardRenderer {
  /** Longest answer of a KR retrospective shown, in raw characters; longer ones end in "…". */
  static final int RETRO_MAX = 500;

  private ScorecardRenderer() {}

  /**
   * The scorecard as messages.
   *
   * @param quarter e.g. "FY2027-Q4"
   * @param lines {@link Scorecard#of}
   * @param isFinal whether the quarter's scorecard is final (shown in the header)
   */
  static List<List<LayoutBlock>> render(
      String quarter, List<ScorecardLine> lines, boolean isFinal) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        header(
            h ->
                h.text(
                    plainText(
                        "OKR scorecard · " + quarter + (isFinal ? " · final" : " · draft")))));
    String summary =
        lines.isEmpty()
            ? "No key results for " + quarter + "."
            : "*"
                + lines.size()
                + " key results* · average grade *"
                + ScorecardLine.averageGrade(lines)
                + "* (0.0–1.0: progress to target, capped at 1.0)";
    blocks.add(section(s -> s.text(markdownText(summary))));
    for (Map.Entry<String, List<ScorecardLine>> objective : byObjective(lines).entrySet()) {
      blocks.add(divider());
      String title =
          ":dart: *"
              + Mrkdwn.escape(objective.getKey())
              + "* · average grade *"
              + ScorecardLine.averageGrade(objective.getValue())
              + "*";
      blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(title, Mrkdwn.MAX_TEXT)))));
      for (ScorecardLine line : objective.getValue()) {
        blocks.add(section(s -> s.text(markdownText(facts(line)))));
        if (line.retro() != null) {
          blocks.add(section(s -> s.text(markdownText(retro(line.retro())))));
        }
      }
    }
    return MessagePacker.pack(blocks);
  }

  /** Lines grouped by objective title, in order. */
  static Map<String, List<ScorecardLine>> byObjective(List<ScorecardLine> lines) {
    Map<String, List<ScorecardLine>> groups = new LinkedHashMap<>();
    lines.forEach(l -> groups.computeIfAbsent(l.objectiveTitle(), k -> new ArrayList<>()).add(l));
    return groups;
  }

  /**
   * "*KR1.1* title\nGrade *0.7* · final: On track, 700 / 500 ms (71%) · confidence 5 → 7 · owner".
   */
  static String facts(ScorecardLine line) {
    KeyResult kr = line.kr();
    CheckIn last = line.last();
    String status =
        last == null
            ? ":grey_question: never checked in · " + Mrkdwn.escape(kr.describeTarget())
            : last.status().emoji()
                + " "
                + last.status().label()
                + " · "
                + CheckInText.valueVsTarget(kr, last.currentValue())
                + " ("
                + last.isoWeek()
                + ")";
    String text =
        Mrkdwn.truncate(CheckInText.title(kr), Scorecard.MAX_TITLE)
            + "\nGrade *"
            + line.grade()
            + "* · "
            + status
            + " · confidence "
            + line.confidenceTrend()
            + " · <@"
            + kr.ownerId()
            + ">";
    return Mrkdwn.truncate(text, Mrkdwn.MAX_TEXT);
  }

  /** The KR retrospective as a quote: outcome, what worked, what didn't, what we learned. */
  static String retro(KrRetro retro) {
    StringBuilder text = new StringBuilder("> *Outcome:* ").append(shortQuote(retro.outcome()));
    append(text, "What worked", retro.worked());
    append(text, "What didn't", retro.didnt());
    append(text, "What we learned", retro.learned());
    return Mrkdwn.truncate(text.toString(), Mrkdwn.MAX_TEXT);
  }

  private static void append(StringBuilder text, String label, String answer) {
    if (answer != null && !answer.isBlank()) {
      text.append("\n> *").append(label).append(":* ").append(shortQuote(answer));
    }
  }

  /** Escaped, at most {@link #RETRO_MAX} raw characters, line breaks kept inside the quote. */
  private static String shortQuote(String raw) {
    String s = raw.strip();
    if (s.length() > RETRO_MAX) {
      s = s.substring(0, RETRO_MAX - 1) + "…";
    }
    return Mrkdwn.escape(s).replace("\n", "\n> ");
  }
}
