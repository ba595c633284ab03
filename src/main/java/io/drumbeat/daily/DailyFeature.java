package io.drumbeat.daily;

import io.drumbeat.Feature;
import io.drumbeat.Shared;
import io.drumbeat.admin.AdminAction;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.delivery.Followups;
import java.time.Duration;
import java.util.List;

/**
 * Assembles the daily async updates: prompts, reminders, the modal, team posts, history and the
 * team digest. Its listeners, services and jobs are package-private; Drumbeat gets them only
 * through this class.
 *
 * <p>Its constants are the identifiers that code outside the package relies on: the slash command
 * for {@link io.drumbeat.Drumbeat#COMMANDS} (checked against {@code manifest.yml}), and the job
 * names the fan-out benchmark counts in db-scheduler's table.
 */
public final class DailyFeature {
  /** The slash command for writing, editing and reading daily updates: {@value}. */
  public static final String COMMAND = DailyListeners.COMMAND;

  /** db-scheduler task name of the job that plans each day's prompts: {@value}. */
  public static final String PLANNER_TASK = DailyJobs.PLANNER;

  /** db-scheduler task name of one member's prompt for one day: {@value}. */
  public static final String PROMPT_TASK = DailyJobs.PROMPT;

  private DailyFeature() {}

  /**
   * Builds the feature from the shared parts.
   *
   * @param s the parts every feature is built from; {@code s.channels()} must have resolved every
   *     team channel of {@code s.config()}
   * @return its jobs, listeners, {@code /drumbeat} actions and help line
   */
  public static Feature assemble(Shared s) {
    DrumbeatConfig config = s.config();
    DailyRoster roster =
        new DailyRoster(config.teams(), s.channels(), s.slack(), s.users(), s.jdbi(), s.clock());
    DailyService service =
        new DailyService(
            s.jdbi(), roster, s.users(), config, s.clock(), new DailyNotices(s.outbox()));
    boolean asMember = s.slack().grantedScopes().contains("chat:write.customize");
    DailyPosts posts = new DailyPosts(s.outbox(), roster, s.users(), asMember, s.home());
    DailyTeamDigest digest =
        new DailyTeamDigest(s.jdbi(), roster, s.outbox(), s.users(), s.clock(), config.timezone());
    DailyJobs jobs =
        new DailyJobs(
            service,
            roster,
            s.users(),
            digest,
            s.admins(),
            config.timezone(),
            Duration.ofMinutes(15),
            s.retryDelay().multipliedBy(60));
    Followups followups = new Followups(s.jdbi(), s.outbox());
    HistoryAccess access = new HistoryAccess(s.jdbi(), roster, config::isAdmin);
    DailyListeners listeners =
        new DailyListeners(
            s.jdbi(), service, roster, posts, s.slack(), followups, s.replays(), access, s.clock());
    DailyHistoryListener history = new DailyHistoryListener(access, followups);
    RosterEvents rosterEvents = new RosterEvents(roster, s.replays());
    s.users().onZoneChange(new PromptMoves(service, s.jdbi())::moved);
    return new Feature(
        jobs.oneTime(),
        jobs.recurring(),
        app -> {
          listeners.register(app);
          history.register(app);
          rosterEvents.register(app);
        },
        List.of(
            new AdminAction(
                "prompt daily now",
                "send today's daily-update prompts now (each member still at most once a day)",
                () -> new PromptRun(service, roster, s.users()).run(DailyRepository.PROMPT)),
            new AdminAction(
                "remind daily now",
                "send today's daily-update reminders now (each member still at most once a day)",
                () -> new PromptRun(service, roster, s.users()).run(DailyRepository.REMINDER))),
        "`/daily-update` write or edit today's update (`/daily-update help` for more)");
  }
}
