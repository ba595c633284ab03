package io.drumbeat;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.SlackApiException;
import io.drumbeat.admin.AdminAction;
import io.drumbeat.admin.DrumbeatCommand;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.daily.DailyHistoryListener;
import io.drumbeat.daily.DailyJobs;
import io.drumbeat.daily.DailyListeners;
import io.drumbeat.daily.DailyNotices;
import io.drumbeat.daily.DailyPublisher;
import io.drumbeat.daily.DailyRoster;
import io.drumbeat.daily.DailyService;
import io.drumbeat.daily.DailyTeamDigest;
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
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The composition root: builds every part of Drumbeat from a {@link Wiring} by constructor
 * injection (no container, no static state), and starts and stops them together. Used by {@code
 * serve}, the demo and the end-to-end tests alike.
 */
public final class Drumbeat implements AutoCloseable {
  /** The slash commands Drumbeat registers (manifest.yml must declare exactly these). */
  public static final List<String> COMMANDS =
      List.of(OkrListeners.COMMAND, DailyListeners.COMMAND, DrumbeatCommand.COMMAND);

  private final Background modals = new Background(4);
  private final Background background = new Background(8);
  private final JobScheduler scheduler;
  private final HttpServer server;

  /**
   * Assembles Drumbeat; nothing listens or runs until {@link #start()}.
   *
   * @throws io.drumbeat.config.ConfigException when a configured channel does not exist
   * @throws DrumbeatException when Slack rejects the bot token
   */
  public Drumbeat(Wiring w) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(w.apiUrl());
    slackConfig.getMethodsConfig().setExecutorName("drumbeat-" + UUID.randomUUID());
    Slack sdk = Slack.getInstance(slackConfig);
    App app = boltApp(sdk, w);
    Shared shared = shared(w, new SlackGateway(sdk, w.botToken(), w.retryDelay(), 4));
    List<Feature> features = List.of(okr(shared), daily(shared));
    List<Task<?>> oneTime = features.stream().flatMap(f -> f.oneTime().stream()).toList();
    List<RecurringTask<Void>> recurring =
        features.stream().flatMap(f -> f.recurring().stream()).toList();
    DataSource ds = w.database().dataSource();
    scheduler =
        w.manualClock() != null
            ? JobScheduler.manual(ds, oneTime, recurring, w.manualClock())
            : JobScheduler.polling(ds, oneTime, recurring, w.clock(), Duration.ofSeconds(10));
    features.forEach(f -> f.listeners().accept(app));
    new DrumbeatCommand(
            features.stream().flatMap(f -> f.adminActions().stream()).toList(),
            features.stream().map(Feature::helpLine).toList(),
            w.config()::isAdmin,
            background)
        .register(app);
    server = new HttpServer(w.host(), w.port(), app, w.database()::isHealthy);
  }

  private Shared shared(Wiring w, SlackGateway slack) {
    Jdbi jdbi = w.database().jdbi();
    ChannelDirectory channels =
        w.channels() != null
            ? w.channels()
            : ChannelDirectory.resolve(slack, w.config().channels(), w.configSource());
    UserDirectory users =
        new UserDirectory(slack, jdbi.onDemand(SlackUserRepository.class), w.clock());
    AdminNotifier admins = new AdminNotifier(slack, users, w.config().admins());
    return new Shared(
        w.config(),
        jdbi,
        w.clock(),
        slack,
        channels,
        users,
        admins,
        modals,
        background,
        w.retryDelay());
  }

  private static Feature okr(Shared s) {
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

  private static Feature daily(Shared s) {
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
