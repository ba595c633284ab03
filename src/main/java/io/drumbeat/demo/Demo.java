package io.drumbeat.demo;

import io.drumbeat.Drumbeat;
import io.drumbeat.DrumbeatException;
import io.drumbeat.Wiring;
import io.drumbeat.config.ConfigLoader;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.okr.OkrImporter;
import io.drumbeat.schedule.MovableClock;
import io.drumbeat.socket.SocketModeSettings;
import io.drumbeat.store.Database;
import io.drumbeat.store.DbSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code drumbeat demo}: a scripted OKR week with a few people, against a Slack Web API double on
 * loopback: the OKR and daily steps through the real {@code /slack/events} endpoint with signed
 * requests, the retrospective over Socket Mode through the double's WebSocket. Prints what each
 * person would have seen. Uses a temporary database and leaves nothing running.
 */
public final class Demo {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final Map<String, String> PEOPLE =
      Map.of(
          "U0AAA1",
          "Avery Chen",
          "U0BBB2",
          "Sam Okafor",
          "U0CCC3",
          "Rosa Díaz",
          "U0ADMIN1",
          "Dana Admin");
  static final Map<String, String> CHANNELS =
      Map.of(
          "C0DIST",
          "distributioneers",
          "C0OKRS",
          "okrs",
          "C0VPSYNC",
          "vp-sync",
          "C0RETROS",
          "retros");
  private final PrintStream out;

  /**
   * @param out where the transcript goes
   */
  public Demo(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the demo.
   *
   * @return 0 when the script ran to the end
   * @throws DrumbeatException when a step does not behave as scripted
   */
  public int run() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("drumbeat-demo");
    try (SlackDouble slack = SlackDouble.start();
        Database db = Database.open(DbSettings.h2File(dir.resolve("demo")), null, null)) {
      people(slack);
      DrumbeatConfig config =
          new ConfigLoader().parse(resource("drumbeat.example.yml"), "drumbeat.example.yml");
      var report =
          new OkrImporter(db.jdbi()).importText(resource("okrs.example.yml"), "okrs.example.yml");
      out.println(
          "Drumbeat demo: one OKR week for "
              + report.quarter()
              + " with "
              + (report.added())
              + " key results, in a pretend Slack workspace (nothing leaves this machine).");
      MovableClock clock =
          new MovableClock(ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, LA).toInstant());
      String secret = UUID.randomUUID().toString();
      try (Drumbeat app =
          new Drumbeat(
                  Wiring.builder(config, db, slack.apiUrl(), "xoxb-demo", secret)
                      .configSource("drumbeat.example.yml")
                      .manualScheduler(clock)
                      .retryDelay(Duration.ofMillis(50))
                      .socketMode(SocketModeSettings.of("xapp-demo"))
                      .build())
              .start()) {
        if (!app.socketMode().orElseThrow().awaitOpen(2, Duration.ofSeconds(10))) {
          throw new DrumbeatException("Socket Mode did not connect to the Slack double");
        }
        SignedRequests requests =
            new SignedRequests(
                URI.create("http://127.0.0.1:" + app.port() + "/slack/events"),
                secret,
                slack,
                Clock.systemUTC());
        SignedRequests overSocket = SignedRequests.overSocketMode(slack, Clock.systemUTC());
        Transcript transcript = new Transcript(slack, out, PEOPLE, CHANNELS);
        new DemoScript(app, slack, requests, overSocket, transcript, clock, out).play();
      }
      out.println();
      out.println(
          "Demo finished: "
              + slack.calls().size()
              + " Slack Web API calls were answered by the double and "
              + slack.socketMode().acks().size()
              + " Socket Mode envelopes acked; the temporary database is deleted and nothing is"
              + " left running.");
      return 0;
    } finally {
      deleteTree(dir);
    }
  }

  private static void people(SlackDouble slack) {
    slack.addUser("U0AAA1", "Avery Chen", "America/Los_Angeles");
    slack.addUser("U0BBB2", "Sam Okafor", "Pacific/Auckland");
    slack.addUser("U0CCC3", "Rosa Díaz", "Europe/Berlin");
    slack.addUser("U0ADMIN1", "Dana Admin", "America/New_York");
    CHANNELS.forEach((id, name) -> slack.addChannel(id, name, false, true));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Demo.class.getResourceAsStream("/examples/" + name)) {
      if (in == null) {
        throw new DrumbeatException("The jar does not contain examples/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
