package io.drumbeat;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.drumbeat.admin.AdminAction;
import io.drumbeat.admin.AdminJobs;
import io.drumbeat.admin.DrumbeatCommand;
import io.drumbeat.daily.DailyFeature;
import io.drumbeat.delivery.Deliveries;
import io.drumbeat.delivery.Followups;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.home.HomeFeature;
import io.drumbeat.okr.OkrFeature;
import io.drumbeat.retro.RetroFeature;
import io.drumbeat.rituals.RitualsFeature;
import io.drumbeat.schedule.JobScheduler;
import io.drumbeat.slack.AdminNotifier;
import io.drumbeat.slack.ChannelDirectory;
import io.drumbeat.slack.DrumbeatApp;
import io.drumbeat.slack.HealthCheck;
import io.drumbeat.slack.HttpServer;
import io.drumbeat.slack.InstallationEvents;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.ProfileEvents;
import io.drumbeat.slack.ProfileJob;
import io.drumbeat.slack.Replays;
import io.drumbeat.slack.SlackChannelRepository;
import io.drumbeat.slack.SlackGateway;
import io.drumbeat.slack.SlackUserRepository;
import io.drumbeat.slack.UserDirectory;
import io.drumbeat.socket.SocketHealth;
import io.drumbeat.socket.SocketMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The composition root: builds every part of Drumbeat from a {@link Wiring} by constructor
 * injection (no container, no static state), and starts and stops them together. Used by {@code
 * serve}, the demo and the end-to-end tests alike. Slack reaches it over HTTP ({@code POST
 * /slack/events}), over Socket Mode, or both: one Bolt app with every listener serves both.
 */
public final class Drumbeat implements AutoCloseable {
  /** The slash commands Drumbeat registers (manifest.yml must declare exactly these). */
  public static final List<String> COMMANDS =
      List.of(
          OkrFeature.COMMAND, DailyFeature.COMMAND, RetroFeature.COMMAND, DrumbeatCommand.COMMAND);

  /** The message shortcuts' callback ids (both manifests must declare exactly these). */
  public static final List<String> SHORTCUTS = List.of(RetroFeature.ADD_TO_RETRO);

  /** How often due jobs and deliveries are looked for (paced deliveries wait about this long). */
  private static final Duration POLLING = Duration.ofSeconds(1);

  private final JobScheduler scheduler;
  private final HttpServer server;
  private final DrumbeatApp app;
  private final Optional<SocketMode> socket;

  /**
   * Assembles Drumbeat; nothing listens or runs until {@link #start()}.
   *
   * @throws io.drumbeat.config.ConfigException when a configured channel does not exist
   * @throws DrumbeatException when Slack rejects the bot token
   */
  public Drumbeat(Wiring w) {
    Slack sdk = Slack.getInstance(slackConfig(w.apiUrl(), w.slackTimeout()));
    Slack modalSdk = Slack.getInstance(slackConfig(w.apiUrl(), Duration.ofMillis(2500)));
    app = DrumbeatApp.create(sdk, w.botToken(), w.signingSecret());
    Outbox outbox = new Outbox(w.clock());
    Shared shared =
        shared(w, new SlackGateway(sdk, modalSdk, w.botToken(), w.retryDelay(), 4), outbox);
    Deliveries deliveries =
        new Deliveries(
            w.database().jdbi(),
            outbox,
            sdk,
            w.botToken(),
            w.clock(),
            w.retryDelay(),
            w.postsPerMinute(),
            shared.admins()::deliveryFailed,
            shared.users()::knownDm,
            shared.users()::rememberDm);
    RitualsFeature rituals = RitualsFeature.assemble(shared, w.smtpUrl());
    List<Feature> features =
        List.of(
            OkrFeature.assemble(shared, rituals.digestAdditions()),
            DailyFeature.assemble(shared),
            RetroFeature.assemble(shared),
            rituals.feature());
    List<AdminAction> adminActions =
        features.stream().flatMap(f -> f.adminActions().stream()).toList();
    AdminJobs adminJobs =
        new AdminJobs(adminActions, new Followups(w.database().jdbi(), outbox), w.clock());
    List<Task<?>> requested = List.of(deliveries.task(), adminJobs.task());
    List<Task<?>> timed = features.stream().flatMap(f -> f.oneTime().stream()).toList();
    List<RecurringTask<Void>> recurring =
        new ArrayList<>(
            List.of(
                deliveries.sweeper(),
                shared.replays().purge(),
                ProfileJob.task(shared.users(), w.retryDelay().multipliedBy(60))));
    features.forEach(f -> recurring.addAll(f.recurring()));
    DataSource ds = w.database().dataSource();
    scheduler =
        w.manualClock()
            .map(clock -> JobScheduler.manual(ds, requested, timed, recurring, clock))
            .orElseGet(() -> polling(ds, requested, timed, recurring, w.clock()));
    deliveries.attach(scheduler.client(), scheduler::wake);
    adminJobs.attach(scheduler.client());
    features.forEach(f -> f.listeners().accept(app));
    HomeFeature.assemble(shared, adminActions, adminJobs).listeners().accept(app);
    new ProfileEvents(shared.users(), shared.replays()).register(app);
    new InstallationEvents(shared.replays(), scheduler::halt).register(app);
    new DrumbeatCommand(
            adminActions,
            features.stream().map(Feature::helpLine).filter(l -> !l.isBlank()).toList(),
            w.config()::isAdmin,
            adminJobs,
            rituals.subCommands())
        .register(app);
    socket =
        w.socketMode().map(s -> new SocketMode(app, sdk, s, w.clock(), w.concurrentRequests()));
    server =
        new HttpServer(
            w.host(),
            w.port(),
            app,
            HealthCheck.of(
                w.database()::isHealthy, () -> socket.flatMap(s -> s.health().problem())),
            java.time.Clock.systemUTC(),
            w.concurrentRequests());
  }

  private static JobScheduler polling(
      DataSource ds,
      List<Task<?>> requested,
      List<Task<?>> timed,
      List<RecurringTask<Void>> recurring,
      java.time.Clock clock) {
    List<Task<?>> all = new ArrayList<>(requested);
    all.addAll(timed);
    return JobScheduler.polling(ds, all, recurring, clock, POLLING);
  }

  private static SlackConfig slackConfig(String apiUrl, Duration readTimeout) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setStatsEnabled(false);
    config.setHttpClientReadTimeoutMillis((int) readTimeout.toMillis());
    config.setHttpClientWriteTimeoutMillis((int) readTimeout.toMillis());
    return config;
  }

  private Shared shared(Wiring w, SlackGateway slack, Outbox outbox) {
    Jdbi jdbi = w.database().jdbi();
    AdminNotifier admins = new AdminNotifier(jdbi, outbox, w.config().admins(), w.clock());
    ChannelDirectory channels = w.channels().orElseGet(() -> channels(w, slack, jdbi, admins));
    UserDirectory users =
        new UserDirectory(slack, jdbi.onDemand(SlackUserRepository.class), w.clock());
    return new Shared(
        w.config(),
        jdbi,
        w.clock(),
        slack,
        channels,
        users,
        admins,
        outbox,
        new Replays(jdbi, w.clock()),
        w.retryDelay(),
        HomeFeature.refresh(outbox));
  }

  /**
   * Looks the configured channels up, waiting at most the wiring's budget: a channel given by id or
   * already known answers at once, so start-up does not depend on the workspace's size; what the
   * check finds later is told to the admins.
   *
   * @throws io.drumbeat.config.ConfigException when a channel was found missing within the budget
   */
  private static ChannelDirectory channels(
      Wiring w, SlackGateway slack, Jdbi jdbi, AdminNotifier admins) {
    ChannelDirectory channels =
        ChannelDirectory.lookUp(
            slack,
            jdbi.onDemand(SlackChannelRepository.class),
            w.clock(),
            w.config().channels(),
            problem -> admins.tell(Mrkdwn.escape(problem)));
    channels.await(w.channelBudget(), w.configSource());
    return channels;
  }

  /** Starts the job scheduler, the HTTP server and, when configured, Socket Mode. */
  public Drumbeat start() {
    scheduler.start();
    server.start();
    socket.ifPresent(SocketMode::start);
    return this;
  }

  /** The Socket Mode connection's health, when Drumbeat uses Socket Mode. */
  public Optional<SocketHealth> socketMode() {
    return socket.map(SocketMode::health);
  }

  /** The Events API event types some listener handles (the manifests subscribe to these). */
  public Set<String> events() {
    return app.events();
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
   * Runs the work due now on a manual scheduler until none is left (the deliveries recorded by
   * requests, and the jobs due at the clock's time); the demo and tests use it instead of sleeping.
   *
   * @return false when work was still due after many rounds (a delivery that keeps rescheduling
   *     itself for now)
   * @throws IllegalStateException when the scheduler polls
   */
  public boolean awaitIdle() {
    return scheduler.settle();
  }

  /** Blocks until the HTTP server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops taking requests (Socket Mode, then HTTP), lets those in flight finish, then the jobs. */
  @Override
  public void close() {
    socket.ifPresent(SocketMode::close);
    server.close();
    scheduler.close();
  }
}
