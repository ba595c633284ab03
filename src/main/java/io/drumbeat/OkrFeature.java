package io.drumbeat;

import io.drumbeat.admin.AdminAction;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.okr.CheckInModalOpener;
import io.drumbeat.okr.CheckInService;
import io.drumbeat.okr.OkrCalendar;
import io.drumbeat.okr.OkrDigest;
import io.drumbeat.okr.OkrJobs;
import io.drumbeat.okr.OkrListeners;
import io.drumbeat.okr.OkrReminders;
import java.time.Duration;
import java.util.List;

/** Assembles the weekly OKR check-ins: the modal, Friday reminders and the Monday digest. */
final class OkrFeature {
  private OkrFeature() {}

  /** Builds the feature from the shared parts. */
  static Feature assemble(Shared s) {
    DrumbeatConfig config = s.config();
    OkrCalendar calendar =
        new OkrCalendar(s.clock(), config.timezone(), config.fiscalYearStartMonth());
    CheckInService checkIns =
        new CheckInService(
            s.jdbi(),
            calendar,
            s.slack(),
            s.users(),
            s.admins(),
            config.okr().channel().map(s.channels()::id));
    OkrReminders reminders =
        new OkrReminders(s.jdbi(), calendar, config.okr().reminderAt(), s.slack(), s.users());
    OkrDigest digest =
        new OkrDigest(
            s.jdbi(),
            calendar,
            config.okr().reminderAt(),
            config.okr().digestAt(),
            s.slack(),
            s.admins(),
            s.channels().id(config.okr().digestChannel()));
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
            config.okr(),
            s.modals(),
            s.background());
    return new Feature(
        jobs.oneTime(),
        jobs.recurring(),
        listeners::register,
        List.of(
            new AdminAction(
                "digest now",
                "post the OKR digest to the digest channel now",
                () ->
                    digest.post()
                        ? ":white_check_mark: Posted the OKR digest."
                        : ":x: The digest was not posted; the admins were told why."),
            new AdminAction(
                "remind okr now",
                "send this week's KR check-in reminders now (each owner at most once a week)",
                () -> new ReminderRun(reminders, calendar).run())),
        "`/okr-update` check in on your key results for this week (`/okr-update help` for more)");
  }
}
