package io.drumbeat.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.bench.Burst.Outcome;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SignedRequests;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.okr.OkrImporter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Part of {@link AckLatencyBenchmark}: bursts of {@code /okr-update} from {@value #SENDERS}
 * concurrent senders (each a key-result owner), {@value #PER_SENDER} commands each, against
 * Drumbeat wired as {@code serve} ({@link BenchApp}) and against a bare Bolt app ({@link
 * BareBoltApp}), in one JVM, in alternating order. Each app has its own Slack double, which refuses
 * a {@code trigger_id} older than 3 s or used before, as Slack does. Then a burst of check-in
 * submissions to Drumbeat.
 */
final class OkrBurst {
  static final int SENDERS = 20;
  static final int PER_SENDER = 10;

  /** Name prefixes of the request threads: Drumbeat's Jetty pool, Jetty's default pool. */
  private static final String DRUMBEAT_THREADS = "drumbeat-http";

  private static final String BARE_THREADS = "qtp";
  static final ZonedDateTime WEDNESDAY =
      ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));

  /** Classifies an {@code /okr-update} ack of either app. */
  static final Function<HttpResponse<String>, String> ACK =
      ack -> {
        String body = ack.body();
        if (ack.statusCode() != 200) {
          return "HTTP " + ack.statusCode();
        } else if (body.isEmpty()) {
          return "modal opened";
        } else if (body.contains("took too long") || body.contains("trigger_id")) {
          return "trigger expired or used";
        }
        return body.contains("busy") ? "busy" : "other: " + body;
      };

  private OkrBurst() {}

  static void run(int rounds) throws Exception {
    int n = SENDERS * PER_SENDER;
    System.out.printf(
        "%n== /okr-update: %d rounds of %d senders x %d, Drumbeat (as serve, H2 file) and a bare"
            + " Bolt app, alternating; 1 warm-up round each ==%n",
        rounds, SENDERS, PER_SENDER);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), WEDNESDAY));
    List<String> senders =
        IntStream.rangeClosed(1, SENDERS).mapToObj(i -> String.format("U0S%02d", i)).toList();
    try (SlackDouble forDrumbeat = workspace(clock, senders);
        SlackDouble forBare = workspace(clock, senders);
        BenchApp drumbeat = BenchApp.start(TestSlackApp.CONFIG, forDrumbeat, clock, b -> b);
        BareBoltApp bare = BareBoltApp.start(forBare.apiUrl(), BenchApp.SECRET)) {
      new OkrImporter(drumbeat.database.jdbi()).importText(okrs(senders), "okrs.yml");
      SignedRequests toBare =
          new SignedRequests(
              URI.create(bare.eventsUrl()), BenchApp.SECRET, forBare, Clock.systemUTC());
      Burst.Request d = i -> drumbeat.requests.command(senders.get(i), "/okr-update", "", "C0DIST");
      Burst.Request b = i -> toBare.command(senders.get(i), "/okr-update", "", "C0DIST");
      Burst.run(SENDERS, PER_SENDER, d, ACK);
      Burst.run(SENDERS, PER_SENDER, b, ACK);
      Outcome drumbeatAll = null;
      Outcome bareAll = null;
      for (int round = 1; round <= rounds; round++) {
        forDrumbeat.clear();
        forBare.clear();
        Outcome first =
            round % 2 == 1
                ? Burst.run(SENDERS, PER_SENDER, d, ACK, DRUMBEAT_THREADS)
                : Burst.run(SENDERS, PER_SENDER, b, ACK, BARE_THREADS);
        Outcome second =
            round % 2 == 1
                ? Burst.run(SENDERS, PER_SENDER, b, ACK, BARE_THREADS)
                : Burst.run(SENDERS, PER_SENDER, d, ACK, DRUMBEAT_THREADS);
        Outcome od = round % 2 == 1 ? first : second;
        Outcome ob = round % 2 == 1 ? second : first;
        System.out.println(od.line("round " + round + " Drumbeat"));
        System.out.println(ob.line("round " + round + " bare Bolt"));
        System.out.printf(
            "  views.open calls at the doubles: Drumbeat %d, bare Bolt %d (of %d each)%n",
            forDrumbeat.calls("views.open").size(), forBare.calls("views.open").size(), n);
        drumbeatAll = drumbeatAll == null ? od : drumbeatAll.plus(od);
        bareAll = bareAll == null ? ob : bareAll.plus(ob);
      }
      System.out.println(drumbeatAll.line("all rounds Drumbeat"));
      System.out.println(bareAll.line("all rounds bare Bolt"));
      System.out.printf(
          Locale.ROOT,
          "Drumbeat / bare Bolt: p50 %.2f, p90 %.2f, p99 %.2f%n",
          drumbeatAll.ms(50) / bareAll.ms(50),
          drumbeatAll.ms(90) / bareAll.ms(90),
          drumbeatAll.ms(99) / bareAll.ms(99));
      System.out.printf(
          Locale.ROOT,
          "CPU per request on the request threads: Drumbeat %.2f ms, bare Bolt %.2f ms%n",
          drumbeatAll.cpuNanos() / 1e6 / drumbeatAll.nanos().length,
          bareAll.cpuNanos() / 1e6 / bareAll.nanos().length);
      checkIns(drumbeat, forDrumbeat, senders);
    }
  }

  /**
   * A burst of check-in submissions to Drumbeat, after a warm-up burst: each sender's own modal as
   * opened, submitted each time as a new view (its own id and hash), so that none is a replay.
   */
  private static void checkIns(BenchApp drumbeat, SlackDouble slack, List<String> senders)
      throws Exception {
    List<ObjectNode> views = new ArrayList<>();
    for (String sender : senders) {
      drumbeat.requests.command(sender, "/okr-update", "", "C0DIST");
      views.add((ObjectNode) slack.lastView());
    }
    AtomicInteger next = new AtomicInteger();
    Burst.Request submit =
        i -> {
          int k = next.incrementAndGet();
          ObjectNode view = views.get(i).deepCopy().put("id", "VB" + k).put("hash", "hb" + k);
          FormValues values = TestSlackApp.checkIn("KR1." + (i + 1), "ON_TRACK", "70", "7");
          return drumbeat.requests.submitView(senders.get(i), view, values);
        };
    Burst.run(SENDERS, PER_SENDER, submit, Burst.expecting(""));
    Outcome measured =
        Burst.run(SENDERS, PER_SENDER, submit, Burst.expecting(""), DRUMBEAT_THREADS);
    System.out.println(measured.line("Drumbeat view_submission check-in"));
  }

  /** The test workspace plus the senders (zones from Los Angeles to Auckland). */
  private static SlackDouble workspace(Clock clock, List<String> senders) {
    SlackDouble slack = TestSlackApp.workspace(clock);
    List<String> zones = List.of("America/Los_Angeles", "Europe/Berlin", "Pacific/Auckland");
    for (int i = 0; i < senders.size(); i++) {
      slack.addUser(senders.get(i), "Sender " + (i + 1), zones.get(i % zones.size()));
    }
    return slack;
  }

  /** An OKR file of this quarter with one key result owned by each sender. */
  private static String okrs(List<String> senders) {
    return IntStream.range(0, senders.size())
        .mapToObj(
            i ->
                String.format(
                    "      - {key: KR1.%d, title: Key result %d, owner: %s, target: 100}%n",
                    i + 1, i + 1, senders.get(i)))
        .collect(
            Collectors.joining(
                "",
                "quarter: FY2027-Q4\nobjectives:\n  - key: O1\n    title: Benchmark\n"
                    + "    keyResults:\n",
                ""));
  }
}
