package io.drumbeat.okr;

import io.drumbeat.Feature;
import io.drumbeat.Shared;
import io.drumbeat.admin.AdminAction;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.delivery.Followups;
import java.time.Duration;
import java.util.List;

/**
 * Assembles the OKR week and quarter: the check-in modal, Friday reminders, the Monday digest with
 * its trend chart, the KR owners' retrospectives and the quarterly scorecard. Its listeners,
 * services and jobs are package-private; Drumbeat gets them only through this class.
 *
 * <p>Its constants are the Slack identifiers that code outside the package relies on: {@link
 * io.drumbeat.Drumbeat#COMMANDS} (checked against {@code manifest.yml}), and the demo and tests,
 * which play Slack and press the buttons.
 */
public final class OkrFeature {
  /** The slash command that opens the check-in modal: {@value}. */
  public static final String COMMAND = OkrListeners.COMMAND;

  /** {@code action_id} of the "Update now" button in the Friday reminder DM: {@value}. */
  public static final String UPDATE_NOW = OkrListeners.UPDATE_NOW;

  /** {@code action_id} of the key-result select in the check-in modal: {@value}. */
  public static final String KR_SELECT = CheckInModal.KR_SELECT;

  private OkrFeature() {}

  @SafeVarargs
  private static <T> List<T> concat(List<? extends T>... lists) {
    List<T> all = new java.util.ArrayList<>();
    for (List<? extends T> list : lists) {
      all.addAll(list);
    }
    return List.copyOf(all);
  }

  /**
   * Builds the feature from the shared parts.
   *
   * @param s the parts every feature is built from; {@code s.channels()} must have resolved the
   *     {@code okr} channels of {@code s.config()}
   * @return its jobs, listeners, {@code /drumbeat} actions and help line
   * @throws IllegalStateException when a configured OKR channel was not resolved (a bug)
   */
  public static Feature assemble(Shared s) {
    return assemble(s, DigestAdditions.NONE);
  }

  /**
   * Builds the feature like {@link #assemble(Shared)}, with a Monday digest that shows what {@code
   * additions} add.
   */
  public static Feature assemble(Shared s, DigestAdditions additions) {
    DrumbeatConfig config = s.config();
    OkrCalendar calendar =
        new OkrCalendar(s.clock(), config.timezone(), config.fiscalYearStartMonth());
    s.outbox().register(CheckInEcho.KIND, new CheckInEcho());
    Trends trends = new Trends(config.fiscalYearStartMonth());
    s.outbox().register(SparklineRenderer.KIND, new SparklineRenderer(trends));
    CheckInService checkIns =
        new CheckInService(
            s.jdbi(),
            calendar,
            s.outbox(),
            s.replays(),
            () -> config.okr().channel().map(s.channels()::id),
            s.home());
    OkrReminders reminders =
        new OkrReminders(s.jdbi(), calendar, config.okr().reminderAt(), s.outbox(), s.users());
    QuarterCharts charts = new QuarterCharts(s.jdbi(), trends, s.outbox(), s.admins());
    OkrDigest digest =
        new OkrDigest(
            s.jdbi(),
            calendar,
            config.okr().reminderAt(),
            config.okr().digestAt(),
            s.outbox(),
            () -> s.channels().id(config.okr().digestChannel()),
            charts,
            additions);
    OkrJobs jobs =
        new OkrJobs(
            reminders,
            digest,
            s.admins(),
            config.okr().digestAt(),
            config.timezone(),
            Duration.ofHours(1),
            s.retryDelay().multipliedBy(60));
    KrRetros retros =
        new KrRetros(
            s.jdbi(),
            calendar,
            config.fiscalYearStartMonth(),
            config.okr().retroPrompt(),
            s.outbox(),
            s.replays(),
            s.users());
    ScorecardPost scorecard =
        new ScorecardPost(
            s.jdbi(),
            new Scorecard(s.jdbi()),
            charts,
            s.outbox(),
            () -> s.channels().id(config.okr().scorecardChannelOrDigest()),
            s.clock());
    QuarterJobs quarterJobs =
        new QuarterJobs(
            retros,
            scorecard,
            calendar,
            config.fiscalYearStartMonth(),
            config.okr().digestAt(),
            Duration.ofHours(1),
            s.retryDelay().multipliedBy(60));
    KrRetroListeners retroListeners =
        new KrRetroListeners(retros, s.slack(), new Followups(s.jdbi(), s.outbox()));
    CalendarJobs calendarJobs =
        new CalendarJobs(
            new PlanningCalendar(
                s.jdbi(),
                calendar,
                new QuarterWeeks(config.fiscalYearStartMonth()),
                config.calendar(),
                s.outbox(),
                s.channels()::id),
            s.admins(),
            s.clock(),
            Duration.ofHours(1),
            s.retryDelay().multipliedBy(60));
    OkrListeners listeners =
        new OkrListeners(
            checkIns,
            new CheckInModalOpener(checkIns, calendar, s.slack()),
            calendar,
            new CheckInWindow(calendar, config.okr().reminderAt(), config.okr().digestAt()),
            config.okr(),
            new Followups(s.jdbi(), s.outbox()),
            new CheckInHistory(s.jdbi(), calendar, config, s.outbox()));
    ChangeListeners changes =
        new ChangeListeners(
            new ChangeDecisions(
                s.jdbi(),
                new OkrImporter(s.jdbi()),
                s.outbox(),
                s.clock(),
                config.okrApprovers(),
                () -> s.channels().id(config.okr().channel().orElse(config.okr().digestChannel()))),
            new Followups(s.jdbi(), s.outbox()));
    return new Feature(
        concat(jobs.oneTime(), quarterJobs.oneTime(), List.of(calendarJobs.post())),
        concat(jobs.recurring(), quarterJobs.recurring(), List.of(calendarJobs.planner())),
        app -> {
          listeners.register(app);
          retroListeners.register(app);
          changes.register(app);
        },
        List.of(
            new AdminAction(
                "digest now",
                "post the OKR digest to the digest channel now",
                () ->
                    ":white_check_mark: The OKR digest for "
                        + digest.postNow()
                        + " is on its way to the digest channel."),
            new AdminAction(
                "remind okr now",
                "send this week's KR check-in reminders now (each owner at most once a week)",
                () -> new ReminderRun(reminders, calendar).run()),
            AdminAction.withArgument(
                "scorecard",
                "`[QUARTER]` post a quarter's OKR scorecard (default: the last quarter) to the"
                    + " scorecard channel now",
                quarter ->
                    scorecard.postNow(
                        quarter.isEmpty()
                            ? new QuarterWeeks(config.fiscalYearStartMonth())
                                .previous(calendar.currentQuarter())
                            : Quarter.parse(quarter.toUpperCase(java.util.Locale.ROOT))))),
        "`/okr-update` check in on your key results for this week (`/okr-update help` for more)");
  }
}
