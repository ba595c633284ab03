package io.drumbeat;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.SlackApiException;
import io.drumbeat.admin.DrumbeatCommand;
import io.drumbeat.daily.DailyFeature;
import io.drumbeat.okr.OkrFeature;
import io.drumbeat.retro.RetroFeature;
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
      List.of(
          OkrFeature.COMMAND, DailyFeature.COMMAND, RetroFeature.COMMAND, DrumbeatCommand.COMMAND);

  private static final Duration POLLING = Duration.ofSeconds(10);
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
    List<Feature> features =
        List.of(
            OkrFeature.assemble(shared),
            DailyFeature.assemble(shared),
            RetroFeature.assemble(shared));
    List<Task<?>> oneTime = features.stream().flatMap(f -> f.oneTime().stream()).toList();
    List<RecurringTask<Void>> recurring =
        features.stream().flatMap(f -> f.recurring().stream()).toList();
    DataSource ds = w.database().dataSource();
    scheduler =
        w.manualClock()
            .map(clock -> JobScheduler.manual(ds, oneTime, recurring, clock))
            .orElseGet(() -> JobScheduler.polling(ds, oneTime, recurring, w.clock(), POLLING));
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
        w.channels()
            .orElseGet(
                () -> ChannelDirectory.resolve(slack, w.config().channels(), w.configSource()));
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
