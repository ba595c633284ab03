package io.drumbeat;

import io.drumbeat.admin.AdminAction;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.daily.DailyHistoryListener;
import io.drumbeat.daily.DailyJobs;
import io.drumbeat.daily.DailyListeners;
import io.drumbeat.daily.DailyNotices;
import io.drumbeat.daily.DailyPublisher;
import io.drumbeat.daily.DailyRoster;
import io.drumbeat.daily.DailyService;
import io.drumbeat.daily.DailyTeamDigest;
import java.time.Duration;
import java.util.List;

/**
 * Assembles the daily async updates: prompts, reminders, the modal, team posts, history and the
 * team digest.
 */
final class DailyFeature {
  private DailyFeature() {}

  /** Builds the feature from the shared parts. */
  static Feature assemble(Shared s) {
    DrumbeatConfig config = s.config();
    DailyRoster roster =
        new DailyRoster(config.teams(), s.channels(), s.slack(), s.users(), s.clock());
    DailyService service =
        new DailyService(
            s.jdbi(), roster, s.users(), config, s.clock(), new DailyNotices(s.slack(), s.users()));
    boolean asMember = s.slack().grantedScopes().contains("chat:write.customize");
    DailyPublisher publisher =
        new DailyPublisher(s.jdbi(), roster, s.slack(), s.users(), s.admins(), asMember);
    DailyTeamDigest digest =
        new DailyTeamDigest(
            s.jdbi(), roster, s.slack(), s.users(), s.admins(), s.clock(), config.timezone());
    DailyJobs jobs =
        new DailyJobs(
            service,
            digest,
            config.teams(),
            s.admins(),
            config.timezone(),
            Duration.ofMinutes(15),
            s.retryDelay().multipliedBy(60));
    DailyListeners listeners =
        new DailyListeners(
            s.jdbi(), service, roster, publisher, s.slack(), s.clock(), s.modals(), s.background());
    DailyHistoryListener history = new DailyHistoryListener(s.jdbi(), s.background());
    return new Feature(
        jobs.oneTime(),
        jobs.recurring(),
        app -> {
          listeners.register(app);
          history.register(app);
        },
        List.of(
            new AdminAction(
                "prompt daily now",
                "send today's daily-update prompts now (each member still at most once a day)",
                () -> new PromptRun(service).run())),
        "`/daily-update` write or edit today's update (`/daily-update help` for more)");
  }
}
