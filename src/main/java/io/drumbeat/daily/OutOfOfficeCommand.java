package io.drumbeat.daily;

import io.drumbeat.DrumbeatException;
import io.drumbeat.HomeRefresh;
import io.drumbeat.slack.SlashText;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /daily-update ooo [FIRST LAST | off]}: sets, ends or shows a member's out-of-office period
 * (inclusive dates in the member's own zone). A period that ends before today is refused; one that
 * began before today is kept as typed (the days away still count as away) and the reply says it
 * takes effect today, since past prompts cannot be unsent.
 */
final class OutOfOfficeCommand {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private final Jdbi jdbi;
  private final DailyService service;
  private final HomeRefresh home;

  /**
   * @param home redraws the member's App Home in the transaction that sets or ends the period
   */
  OutOfOfficeCommand(Jdbi jdbi, DailyService service, HomeRefresh home) {
    this.jdbi = jdbi;
    this.service = service;
    this.home = home;
  }

  /**
   * Runs the subcommand.
   *
   * @param args the text after "ooo" as Slack sends it ({@code should_escape}); each word is
   *     decoded once by {@link SlashText#plain}
   * @return the ephemeral reply
   * @throws DrumbeatException with the usage for bad dates
   */
  String run(String userId, String args) {
    DailyRepository repo = jdbi.onDemand(DailyRepository.class);
    String[] words = SlashText.words(args).stream().map(SlashText::plain).toArray(String[]::new);
    if (words.length == 0) {
      Optional<OutOfOffice> period =
          repo.outOfOffice(userId).filter(o -> !o.lastDay().isBefore(service.localDate(userId)));
      return period
          .map(
              o ->
                  "You are out of office from "
                      + DAY.format(o.firstDay())
                      + " to "
                      + DAY.format(o.lastDay())
                      + " (inclusive). `/daily-update ooo off` ends it.")
          .orElse(
              "You are not out of office. Set it with `/daily-update ooo FIRST LAST`, e.g."
                  + " `/daily-update ooo 2026-12-21 2027-01-04`.");
    }
    if (words.length == 1 && words[0].equalsIgnoreCase("off")) {
      jdbi.useTransaction(
          h -> {
            h.attach(DailyRepository.class).clearOutOfOffice(userId);
            home.redraw(h, userId);
          });
      return "Welcome back! Daily prompts start again on your next workday.";
    }
    if (words.length != 2) {
      throw usage("give two dates or `off`");
    }
    LocalDate first = date(words[0]);
    LocalDate last = date(words[1]);
    if (last.isBefore(first)) {
      throw usage(words[1] + " is before " + words[0]);
    }
    LocalDate today = service.localDate(userId);
    if (last.isBefore(today)) {
      throw usage(words[1] + " is in the past");
    }
    jdbi.useTransaction(
        h -> {
          h.attach(DailyRepository.class).setOutOfOffice(new OutOfOffice(userId, first, last));
          home.redraw(h, userId);
        });
    String period =
        ":palm_tree: You are out of office from "
            + DAY.format(first)
            + " to "
            + DAY.format(last)
            + " (inclusive, your time zone)";
    if (first.isBefore(today)) {
      return period
          + ". "
          + DAY.format(first)
          + " has already passed, so it takes effect today, "
          + DAY.format(today)
          + ": no prompts or reminders until you are back, and you are never counted missing.";
    }
    return period + ": no prompts or reminders, and you are never counted missing.";
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw usage("\"" + text + "\" is not a date like 2026-12-21");
    }
  }

  private static DrumbeatException usage(String problem) {
    return new DrumbeatException(
        "Out of office: "
            + problem
            + ". Usage: `/daily-update ooo FIRST LAST` (dates like 2026-12-21), `/daily-update ooo off`"
            + " or `/daily-update ooo`.");
  }
}
