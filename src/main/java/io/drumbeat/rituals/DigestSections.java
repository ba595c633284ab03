package io.drumbeat.rituals;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.okr.DigestAdditions;
import io.drumbeat.okr.KeyResult;
import io.drumbeat.slack.Mrkdwn;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;

/**
 * The Monday digest's added sections (issue 12), after the KRs: open retro action items (overdue
 * first), stuck blockers by team, and the VP sync's agenda; under each KR, its open action items. A
 * section is left out when empty. People are named without a mention; user text is escaped and
 * shortened to {@value #MAX_SHOWN} characters; each block's text is at most 3000 characters, so any
 * number of lines fits (the digest packs blocks into messages of at most 50). The agenda items
 * shown are archived with the digest.
 */
final class DigestSections implements DigestAdditions {
  /** Longest action item or blocker text shown, in characters of raw text. */
  static final int MAX_SHOWN = 200;

  private final Function<String, String> names;
  private final Function<String, String> teamNames;
  private final Predicate<LocalDate> isWorkday;
  private final int blockerAgeDays;
  private final Clock clock;

  /**
   * @param names a Slack user id's display name (raw text; the id when unknown)
   * @param teamNames a team id's name (raw text)
   * @param isWorkday the organisation's workdays, holidays excluded
   * @param blockerAgeDays {@code daily.blockerAgeDays}
   * @param clock when agenda items are archived
   */
  DigestSections(
      Function<String, String> names,
      Function<String, String> teamNames,
      Predicate<LocalDate> isWorkday,
      int blockerAgeDays,
      Clock clock) {
    this.names = names;
    this.teamNames = teamNames;
    this.isWorkday = isWorkday;
    this.blockerAgeDays = blockerAgeDays;
    this.clock = clock;
  }

  @Override
  public String underKr(Handle handle, KeyResult kr) {
    List<OpenAction> open =
        handle.attach(RitualsRepository.class).openActionsOf(kr.quarter(), kr.krKey());
    if (open.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder(":hammer_and_wrench: *Open actions*");
    open.forEach(a -> text.append("\n• ").append(actionLine(a, null)));
    return text.toString();
  }

  @Override
  public After after(Handle handle, LocalDate today) {
    RitualsRepository repo = handle.attach(RitualsRepository.class);
    List<LayoutBlock> blocks = new ArrayList<>();
    List<String> actions = repo.openActions().stream().map(a -> actionLine(a, today)).toList();
    add(blocks, ":hammer_and_wrench: *Open retro action items* (" + actions.size() + ")", actions);
    List<StuckBlocker> stuck =
        StuckBlockers.find(
            repo.updatesSince(today.minusDays(StuckBlockers.LOOKBACK_DAYS)),
            today,
            blockerAgeDays,
            isWorkday);
    add(blocks, ":construction: *Stuck blockers* (" + stuck.size() + ")", blockerLines(stuck));
    List<AgendaItem> pending = repo.pendingAgenda();
    List<String> agenda =
        pending.stream()
            .map(
                i ->
                    "*"
                        + i.id()
                        + ".* "
                        + Mrkdwn.escape(i.text())
                        + " — "
                        + Mrkdwn.escape(names.apply(i.author())))
            .toList();
    add(blocks, ":spiral_note_pad: *Agenda* (" + agenda.size() + ")", agenda);
    return new After(
        blocks,
        (h, digestKey) -> {
          RitualsRepository r = h.attach(RitualsRepository.class);
          pending.forEach(i -> r.archiveAgendaItem(i.id(), digestKey, clock.instant()));
        });
  }

  private String actionLine(OpenAction a, LocalDate today) {
    String due =
        a.dueDate() == null
            ? "no due date"
            : (today != null && a.dueDate().isBefore(today) ? ":warning: *overdue*, due " : "due ")
                + a.dueDate();
    String from = today == null ? "" : " · from _" + Mrkdwn.escape(shorten(a.retroTitle())) + "_";
    return Mrkdwn.escape(shorten(a.text()))
        + " — "
        + Mrkdwn.escape(names.apply(a.owner()))
        + " · "
        + due
        + from;
  }

  private List<String> blockerLines(List<StuckBlocker> stuck) {
    List<String> lines = new ArrayList<>();
    stuck.stream()
        .map(b -> b.teamId() == null ? "" : b.teamId())
        .distinct()
        .sorted()
        .forEach(
            team -> {
              lines.add(
                  "*" + Mrkdwn.escape(team.isEmpty() ? "No team" : teamNames.apply(team)) + "*");
              stuck.stream()
                  .filter(b -> team.equals(b.teamId() == null ? "" : b.teamId()))
                  .forEach(b -> lines.add(blockerLine(b)));
            });
    return lines;
  }

  private String blockerLine(StuckBlocker b) {
    return "• "
        + Mrkdwn.escape(names.apply(b.userId()))
        + ": "
        + Mrkdwn.escape(shorten(b.text()))
        + " — "
        + b.workdays()
        + (b.workdays() == 1 ? " workday" : " workdays")
        + " since "
        + b.since()
        + ", in "
        + b.reports()
        + (b.reports() == 1 ? " update" : " updates");
  }

  private static void add(List<LayoutBlock> blocks, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    blocks.add(divider());
    List<String> bulleted =
        lines.stream().map(l -> l.startsWith("• ") || l.startsWith("*") ? l : "• " + l).toList();
    String text = title + "\n" + String.join("\n", bulleted);
    Mrkdwn.chunk(text, Mrkdwn.MAX_TEXT)
        .forEach(piece -> blocks.add(section(s -> s.text(markdownText(piece)))));
  }

  private static String shorten(String text) {
    String t = text.strip();
    return t.length() <= MAX_SHOWN ? t : t.substring(0, MAX_SHOWN - 1) + "…";
  }
}
