package io.drumbeat.okr;

import io.drumbeat.Feature;
import io.drumbeat.Shared;
import io.drumbeat.admin.AdminAction;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.delivery.Followups;
import java.time.Duration;
import java.util.List;

/**
 * Assembles the weekly OKR check-ins: the modal, Friday reminders and the Monday digest. Its
 * listeners, services and jobs are package-private; Drumbeat gets them only through this class.
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
    CheckInService checkIns =
        new CheckInService(
            s.jdbi(),
            calendar,
            s.outbox(),
            s.replays(),
            () -> config.okr().channel().map(s.channels()::id));
    OkrReminders reminders =
        new OkrReminders(s.jdbi(), calendar, config.okr().reminderAt(), s.outbox(), s.users());
    OkrDigest digest =
        new OkrDigest(
            s.jdbi(),
            calendar,
            config.okr().reminderAt(),
            config.okr().digestAt(),
            s.outbox(),
            () -> s.channels().id(config.okr().digestChannel()),
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
    OkrListeners listeners =
        new OkrListeners(
            checkIns,
            new CheckInModalOpener(checkIns, calendar, s.slack()),
            calendar,
            new CheckInWindow(calendar, config.okr().reminderAt(), config.okr().digestAt()),
            config.okr(),
            new Followups(s.jdbi(), s.outbox()));
    return new Feature(
        jobs.oneTime(),
        jobs.recurring(),
        listeners::register,
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
                () -> new ReminderRun(reminders, calendar).run())),
        "`/okr-update` check in on your key results for this week (`/okr-update help` for more)");
  }
}
