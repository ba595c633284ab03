package io.drumbeat.delivery;

import io.drumbeat.TestSlackApp;
import io.drumbeat.cli.ServeInstance;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SignedRequests;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.store.DbSettings;
import io.drumbeat.store.TestDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * An organisation served by {@code drumbeat serve} in child JVMs ({@link ServeInstance}) on one
 * database (an H2 file, or a database of the embedded PostgreSQL), talking to a Slack double in
 * this JVM on the real clock. Its team {@code everyone} in {@code #distributioneers} (C0DIST) has
 * the given members, who live in a zone where it is about noon now, so that today's prompts and
 * reminders are due whatever the time of day: the team's prompt time is 23:00 (the planner never
 * sends one during a test; {@code /drumbeat prompt daily now} does), its reminder time 23:59, and
 * every day is a workday.
 */
final class ServeFixture implements AutoCloseable {
  static final String ADMIN = "U0ADMIN1";

  /** How long answers are held back while an instance is killed (under its read timeout). */
  static final Duration HOLD = Duration.ofSeconds(8);

  final SlackDouble slack = TestSlackApp.workspace();
  final String secret = UUID.randomUUID().toString();
  final List<String> members;
  private final Path dir;
  private final Path logs;
  private final String url;
  private final List<ServeInstance> started = new ArrayList<>();

  /** The database's outbox, read from outside (H2: only while no instance runs). */
  final OutboxProbe outbox;

  /**
   * @param dir where the config and the H2 file go; the instances' logs go to {@code
   *     target/serve-logs}
   * @param members the team's member ids, added to the double's workspace
   */
  ServeFixture(TestDb db, Path dir, List<String> members) throws IOException {
    this.dir = dir;
    this.logs = Files.createDirectories(Path.of("target", "serve-logs")).toAbsolutePath();
    this.members = List.copyOf(members);
    this.url = db == TestDb.H2 ? DbSettings.h2File(dir.resolve("drumbeat")) : db.freshUrl();
    this.outbox =
        db == TestDb.H2
            ? new OutboxProbe(url, null, null)
            : new OutboxProbe(url, "postgres", "postgres");
    String zone = zoneAtNoon();
    members.forEach(m -> slack.addUser(m, "Member " + m, zone));
    Files.writeString(dir.resolve("drumbeat.yml"), config(members));
  }

  /** {@code n} member ids {@code U0F0001}, {@code U0F0002}, …. */
  static List<String> members(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("U0F%04d", i)).toList();
  }

  /**
   * A fixed-offset zone ({@code Etc/GMT±N}) where the local time is now between 12:00 and 12:59, so
   * the day does not change and 23:00 is far off during a test.
   */
  static String zoneAtNoon() {
    int utcHour = ZonedDateTime.now(Clock.systemUTC()).getHour();
    int offset = 12 - utcHour; // -11 … +12; Etc/GMT signs are inverted
    return offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
  }

  private static String config(List<String> members) {
    return """
        timezone: Etc/UTC
        workdays: [MON, TUE, WED, THU, FRI, SAT, SUN]
        admins: [%s]
        teams:
          - id: everyone
            channel: "#distributioneers"
            members: [%s]
            dailyPrompt: "23:00"
            dailyReminder: "23:59"
        okr:
          digestChannel: "#vp-sync"
        retro:
          channel: "#retros"
        """
        .formatted(ADMIN, String.join(", ", members));
  }

  /** Starts {@code drumbeat serve} as {@code name} on this database and waits until healthy. */
  ServeInstance start(String name) throws IOException, InterruptedException {
    ServeInstance instance =
        ServeInstance.start(dir, logs.resolve(dir.getFileName() + "-" + name + ".log"), env());
    started.add(instance);
    return instance;
  }

  /**
   * Starts one instance for each of {@code names} side by side, and waits until all are healthy.
   */
  List<ServeInstance> startTogether(String... names) throws Exception {
    List<CompletableFuture<ServeInstance>> starting = new ArrayList<>();
    for (String name : names) {
      starting.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return start(name);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                }
              }));
    }
    List<ServeInstance> all = new ArrayList<>();
    for (CompletableFuture<ServeInstance> s : starting) {
      all.add(s.get());
    }
    return all;
  }

  /**
   * Sends SIGTERM to every one of {@code instances} at once, as a deploy does.
   *
   * @return the longest time one took to exit
   * @throws AssertionError when one still runs after {@code limit}
   */
  static Duration terminateAll(List<ServeInstance> instances, Duration limit) throws Exception {
    List<CompletableFuture<Duration>> stopping =
        instances.stream()
            .map(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            return i.terminate(limit);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                          }
                        }))
            .toList();
    Duration longest = Duration.ZERO;
    for (CompletableFuture<Duration> s : stopping) {
      Duration took = s.get();
      longest = took.compareTo(longest) > 0 ? took : longest;
    }
    return longest;
  }

  /** Signed requests to {@code instance}. */
  SignedRequests requests(ServeInstance instance) {
    return instance.requests(slack, secret);
  }

  /** The admin's {@code /drumbeat prompt daily now}, sent to {@code instance}. */
  void promptEveryone(ServeInstance instance) {
    requests(instance).command(ADMIN, "/drumbeat", "prompt daily now", "C0DIST");
  }

  /**
   * {@code member} opens the daily-update modal through {@code opens} and submits it, with {@code
   * text} as what they did, to {@code gets}.
   *
   * @return the submission's ack
   */
  HttpResponse<String> writeUpdate(
      SignedRequests opens, SignedRequests gets, String member, String text) {
    openDailyModal(opens, member);
    return gets.submitView(
        member, slack.lastView(), new FormValues().text("yesterday", "text", text));
  }

  /**
   * Opens {@code member}'s daily modal with {@code /daily-update}, typing it again when the modal
   * did not open, as a person would: on a loaded machine the child JVM can take longer than the
   * trigger's 3 s (the double refuses it, and Drumbeat says "try again").
   */
  private void openDailyModal(SignedRequests opens, String member) {
    for (int attempt = 1; ; attempt++) {
      int opened = slack.calls("views.open").size();
      HttpResponse<String> answer = opens.command(member, "/daily-update", "", "C0DIST");
      boolean ok =
          slack.calls("views.open").size() > opened && !answer.body().contains("could not open");
      if (ok) {
        return;
      }
      if (attempt == 3) {
        throw new AssertionError(
            "the daily modal did not open for " + member + ": " + answer.body());
      }
    }
  }

  /**
   * Kills {@code victim} with SIGKILL in the middle of posting: once at least {@code posts} posts
   * were made, the double holds back its answers (each post still takes effect at once), and when
   * {@code held} more were made, {@code victim} is killed: Slack has those posts, the outbox does
   * not know. With two instances, {@code held} over 8 (the threads of one) makes sure the victim
   * holds some.
   */
  void killWhilePosting(ServeInstance victim, int posts, int held) throws InterruptedException {
    awaitPosts(posts);
    slack.delayAnswers("chat.postMessage", HOLD);
    awaitPosts(slack.calls("chat.postMessage").size() + held);
    victim.kill();
    slack.delayAnswers("chat.postMessage", Duration.ZERO);
  }

  /** Waits until {@code n} posts were made. */
  void awaitPosts(int n) throws InterruptedException {
    if (!slack.awaitCalls("chat.postMessage", n, Duration.ofMinutes(3))) {
      throw new AssertionError(
          "only " + slack.calls("chat.postMessage").size() + " of " + n + " posts were made");
    }
  }

  /** True when every member's DM holds at least one message. */
  boolean everyMemberHasAMessage() {
    return members.stream().allMatch(m -> slack.messageCount(m) > 0);
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", "xoxb-test");
    env.put("SLACK_SIGNING_SECRET", secret);
    env.put("SLACK_API_URL", slack.apiUrl());
    // Five times the default budget: the fan-outs take seconds instead of a minute, and pacing
    // still holds (each DM is its own channel; the channel posts are paced 1/s).
    env.put("SLACK_POSTS_PER_MINUTE", "3000");
    env.put("DRUMBEAT_CONFIG", dir.resolve("drumbeat.yml").toString());
    env.put("DRUMBEAT_DB_URL", url);
    if (outbox.user() != null) {
      env.put("DRUMBEAT_DB_USER", outbox.user());
      env.put("DRUMBEAT_DB_PASSWORD", outbox.password());
    }
    return env;
  }

  /** Kills every instance still running and stops the double. */
  @Override
  public void close() {
    started.forEach(ServeInstance::close);
    slack.close();
  }
}
