package io.drumbeat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.SlackApiException;
import io.drumbeat.admin.AdminAction;
import io.drumbeat.admin.DrumbeatCommand;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.okr.CheckInModalOpener;
import io.drumbeat.okr.CheckInService;
import io.drumbeat.okr.OkrCalendar;
import io.drumbeat.okr.OkrDigest;
import io.drumbeat.okr.OkrJobs;
import io.drumbeat.okr.OkrListeners;
import io.drumbeat.okr.OkrReminders;
import io.drumbeat.schedule.JobScheduler;
import io.drumbeat.slack.AdminNotifier;
import io.drumbeat.slack.Background;
import io.drumbeat.slack.ChannelDirectory;
import io.drumbeat.slack.HttpServer;
import io.drumbeat.slack.SlackGateway;
import io.drumbeat.slack.SlackUserRepository;
import io.drumbeat.slack.UserDirectory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The composition root: builds every part of Drumbeat from a {@link Wiring} by constructor
 * injection (no container, no static state), and starts and stops them together. Used by {@code
 * serve}, the demo and the end-to-end tests alike.
 */
public final class Drumbeat implements AutoCloseable {
  /** The slash commands Drumbeat registers (manifest.yml must declare exactly these). */
  public static final List<String> COMMANDS =
      List.of(OkrListeners.COMMAND, DrumbeatCommand.COMMAND);

  private final Background modals = new Background(4);
  private final Background background = new Background(8);
  private final SlackGateway slack;
  private final JobScheduler scheduler;
  private final HttpServer server;
  private final OkrDigest digest;
  private final OkrReminders reminders;

  /**
   * Assembles Drumbeat; nothing listens or runs until {@link #start()}.
   *
   * @throws io.drumbeat.config.ConfigException when a configured channel does not exist
   * @throws DrumbeatException when Slack rejects the bot token
   */
  public Drumbeat(Wiring w) {
    DrumbeatConfig config = w.config();
    Jdbi jdbi = w.database().jdbi();
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(w.apiUrl());
    slackConfig.getMethodsConfig().setExecutorName("drumbeat-" + UUID.randomUUID());
    Slack sdk = Slack.getInstance(slackConfig);
    slack = new SlackGateway(sdk, w.botToken(), w.retryDelay(), 4);
    ChannelDirectory channels =
        w.channels() != null
            ? w.channels()
            : ChannelDirectory.resolve(slack, config.channels(), w.configSource());
    UserDirectory users =
        new UserDirectory(slack, jdbi.onDemand(SlackUserRepository.class), w.clock());
    AdminNotifier admins = new AdminNotifier(slack, users, config.admins());
    OkrCalendar calendar =
        new OkrCalendar(w.clock(), config.timezone(), config.fiscalYearStartMonth());
    CheckInService checkIns =
        new CheckInService(
            jdbi, calendar, slack, users, admins, config.okr().channel().map(channels::id));
    reminders = new OkrReminders(jdbi, calendar, config.okr().reminderAt(), slack, users);
    digest =
        new OkrDigest(
            jdbi,
            calendar,
            config.okr().reminderAt(),
            config.okr().digestAt(),
            slack,
            admins,
            channels.id(config.okr().digestChannel()));
    OkrJobs okrJobs =
        new OkrJobs(
            reminders,
            digest,
            admins,
            config.okr().digestAt(),
            config.timezone(),
            Duration.ofHours(1),
            w.retryDelay().multipliedBy(60));
    scheduler =
        w.manualClock() != null
            ? JobScheduler.manual(
                w.database().dataSource(), okrJobs.oneTime(), okrJobs.recurring(), w.manualClock())
            : JobScheduler.polling(
                w.database().dataSource(),
                okrJobs.oneTime(),
                okrJobs.recurring(),
                w.clock(),
                Duration.ofSeconds(10));
    App app = boltApp(sdk, w);
    new OkrListeners(
            checkIns,
            new CheckInModalOpener(checkIns, calendar, slack),
            calendar,
            config.okr(),
            modals,
            background)
        .register(app);
    new DrumbeatCommand(
            adminActions(calendar),
            List.of(
                "`/okr-update` check in on your key results for this week (`/okr-update help` for more)"),
            config::isAdmin,
            background)
        .register(app);
    server = new HttpServer(w.host(), w.port(), app, w.database()::isHealthy);
  }

  private List<AdminAction> adminActions(OkrCalendar calendar) {
    return List.of(
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
            () -> new ReminderRun(reminders, calendar).run()));
  }

  private static App boltApp(Slack sdk, Wiring w) {
    AppConfig config =
        AppConfig.builder()
            .signingSecret(w.signingSecret())
            .singleTeamBotToken(w.botToken())
            .slack(sdk)
            .build();
    try {
      return new App(config);
    } catch (IllegalArgumentException e) {
      Throwable cause = e.getCause() instanceof SlackApiException s ? s : e;
      throw new DrumbeatException(
          "Slack rejected SLACK_BOT_TOKEN (auth.test failed: " + cause.getMessage() + ")", e);
    }
  }

  /** Starts the job scheduler and the HTTP server. */
  public Drumbeat start() {
    scheduler.start();
    server.start();
    return this;
  }

  /** The HTTP port in use. */
  public int port() {
    return server.port();
  }

  /** The job scheduler (the demo and tests run due jobs on a manual one). */
  public JobScheduler scheduler() {
    return scheduler;
  }

  /**
   * Waits until the work started after acks (modals, announcements, admin jobs) is done; the demo
   * and tests use it instead of sleeping.
   *
   * @return false when {@code timeout} passed first
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean idle =
        modals.awaitIdle(timeout)
            && background.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    return idle && modals.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /** Blocks until the HTTP server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    server.close();
    scheduler.close();
    modals.close();
    background.close();
  }
}
