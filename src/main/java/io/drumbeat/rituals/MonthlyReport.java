package io.drumbeat.rituals;

import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.config.TeamConfig;
import io.drumbeat.okr.CheckIn;
import io.drumbeat.okr.KeyResult;
import io.drumbeat.okr.Objective;
import io.drumbeat.okr.OkrRepository;
import io.drumbeat.okr.Quarter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * The month in review (issue 12; handbook "Monthly email updates"), as paragraphs in a {@link
 * ReportStyle} (Slack mrkdwn or Markdown), user text escaped: each objective's KRs with their
 * movement over the month (from the first to the last check-in filed under an ISO week whose Monday
 * is in the month), the KRs whose status changed (from the last check-in before the month, else the
 * month's first, to the month's last), the retros started in the month with their top three topics
 * and the action items opened and closed, and the daily updates per team as a rate (updates posted
 * on workdays ÷ members × workdays; members are the team's listed members, else everyone who posted
 * that month), without names.
 */
final class MonthlyReport {
  private MonthlyReport() {}

  /** The title, e.g. "Month in review · November 2026". */
  static String title(YearMonth month) {
    return "Month in review · "
        + month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + " "
        + month.getYear();
  }

  /** The report of {@code month} (organisation's zone), paragraphs written in {@code style}. */
  static List<String> paragraphs(
      Handle h, YearMonth month, DrumbeatConfig config, ReportStyle style) {
    LocalDate first = month.atDay(1);
    LocalDate last = month.atEndOfMonth();
    List<String> out = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    OkrRepository okrs = h.attach(OkrRepository.class);
    Stream.of(first, last)
        .map(d -> Quarter.containing(d, config.fiscalYearStartMonth()))
        .distinct()
        .forEach(q -> krs(okrs, q.toString(), first, last, out, changes, style));
    if (out.isEmpty()) {
      out.add(style.heading(":dart:", "Key results") + "\nNo key results for this month.");
    }
    out.add(
        style.heading(":arrows_counterclockwise:", "Status changes")
            + "\n"
            + (changes.isEmpty() ? "None." : String.join("\n", changes)));
    out.add(retros(h.attach(MonthlyRepository.class), month, config, style));
    out.add(participation(h.attach(MonthlyRepository.class), first, last, config, style));
    return out;
  }

  private static void krs(
      OkrRepository okrs,
      String quarter,
      LocalDate first,
      LocalDate last,
      List<String> out,
      List<String> changes,
      ReportStyle style) {
    List<KeyResult> krs = okrs.keyResults(quarter);
    for (Objective objective : okrs.objectives(quarter)) {
      StringBuilder text =
          new StringBuilder(
                  style.heading(
                      ":dart:", style.text(objective.objectiveKey() + " · " + objective.title())))
              .append(" (")
              .append(quarter)
              .append(")");
      for (KeyResult kr : krs) {
        if (!kr.objectiveKey().equals(objective.objectiveKey())) {
          continue;
        }
        List<CheckIn> history = okrs.history(quarter, kr.krKey());
        List<CheckIn> inMonth =
            history.stream().filter(c -> inMonth(c.isoWeek(), first, last)).toList();
        String name = style.bold().apply(style.text(kr.krKey())) + " " + style.text(kr.title());
        if (inMonth.isEmpty()) {
          text.append("\n• ").append(name).append(": no check-in this month");
          continue;
        }
        CheckIn from = inMonth.get(0);
        CheckIn to = inMonth.get(inMonth.size() - 1);
        String progress =
            kr.progressPercent(to.currentValue()).stream()
                .mapToObj(p -> " (" + p + "%)")
                .findFirst()
                .orElse("");
        text.append("\n• ")
            .append(name)
            .append(": ")
            .append(style.text(kr.format(from.currentValue())))
            .append(" → ")
            .append(style.text(kr.format(to.currentValue())))
            .append(progress)
            .append(" · ")
            .append(to.status().label());
        CheckIn before =
            history.stream()
                .filter(c -> c.isoWeek().compareTo(from.isoWeek()) < 0)
                .reduce((a, b) -> b)
                .orElse(from);
        if (before.status() != to.status()) {
          changes.add("• " + name + ": " + before.status().label() + " → " + to.status().label());
        }
      }
      out.add(text.toString());
    }
  }

  private static boolean inMonth(String isoWeek, LocalDate first, LocalDate last) {
    LocalDate monday = LocalDate.parse(isoWeek + "-1", DateTimeFormatter.ISO_WEEK_DATE);
    return !monday.isBefore(first) && !monday.isAfter(last);
  }

  private static String retros(
      MonthlyRepository repo, YearMonth month, DrumbeatConfig config, ReportStyle style) {
    Instant from = month.atDay(1).atStartOfDay(config.timezone()).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(config.timezone()).toInstant();
    StringBuilder text = new StringBuilder(style.heading(":busts_in_silhouette:", "Retros"));
    List<MonthlyRepository.RetroHeld> held = repo.retrosStarted(from, to);
    if (held.isEmpty()) {
      text.append("\nNo retros this month.");
    }
    for (MonthlyRepository.RetroHeld retro : held) {
      text.append("\n• ")
          .append(style.bold().apply(style.text(retro.title())))
          .append(" (retro ")
          .append(retro.id())
          .append(")");
      List<String> topics =
          repo.topTopics(retro.id()).stream()
              .map(t -> "“" + style.text(shorten(t.text())) + "” (" + t.votes() + ")")
              .toList();
      if (!topics.isEmpty()) {
        text.append(": top topics ").append(String.join(", ", topics));
      }
    }
    text.append("\nAction items: ")
        .append(repo.actionsOpened(from, to))
        .append(" opened, ")
        .append(repo.actionsClosed(from, to))
        .append(" closed.");
    return text.toString();
  }

  private static String participation(
      MonthlyRepository repo,
      LocalDate first,
      LocalDate last,
      DrumbeatConfig config,
      ReportStyle style) {
    StringBuilder text = new StringBuilder(style.heading(":memo:", "Daily updates"));
    int workdays = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      workdays += config.isWorkday(d) ? 1 : 0;
    }
    if (config.teams().isEmpty()) {
      text.append("\nNo teams.");
    }
    for (TeamConfig team : config.teams()) {
      List<MonthlyRepository.Posted> posted =
          repo.posted(team.id(), first, last).stream()
              .filter(p -> config.isWorkday(p.localDate()))
              .toList();
      Set<String> members = new HashSet<>(team.members());
      if (members.isEmpty()) {
        posted.forEach(p -> members.add(p.userId()));
      }
      int expected = members.size() * workdays;
      text.append("\n• ").append(style.text(team.name())).append(": ");
      if (expected == 0) {
        text.append("no updates");
      } else {
        text.append(Math.round(100.0 * posted.size() / expected))
            .append(" % (")
            .append(posted.size())
            .append(" of ")
            .append(expected)
            .append(" updates on ")
            .append(workdays)
            .append(" workdays)");
      }
    }
    return text.toString();
  }

  /** The report of {@code month} as a Markdown document, with a level-1 title. */
  static String markdown(Handle h, YearMonth month, DrumbeatConfig config) {
    return "# "
        + title(month)
        + "\n\n"
        + String.join(
            "\n\n",
            paragraphs(h, month, config, ReportStyle.MARKDOWN).stream()
                .map(p -> p.replace("\n• ", "\n- "))
                .toList())
        + "\n";
  }

  private static String shorten(String text) {
    String t = text.strip();
    return t.length() <= 150 ? t : t.substring(0, 149) + "…";
  }
}
