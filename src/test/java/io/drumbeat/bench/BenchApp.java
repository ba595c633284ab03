package io.drumbeat.bench;

import io.drumbeat.Drumbeat;
import io.drumbeat.Wiring;
import io.drumbeat.WiringBuilder;
import io.drumbeat.config.ConfigLoader;
import io.drumbeat.demo.SignedRequests;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.store.Database;
import io.drumbeat.store.DbSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An in-process Drumbeat wired as {@code drumbeat serve} wires it: the polling db-scheduler (1 s
 * polling, 8 threads), an H2 file database in a temporary directory, the real Jetty endpoint on
 * loopback and the Slack double over loopback HTTP. The only differences from {@code serve} are the
 * clock (a benchmark may run it from a fixed instant at real speed) and the settings a benchmark
 * passes explicitly.
 */
final class BenchApp implements AutoCloseable {
  /** The signing secret of the benchmark's requests. */
  static final String SECRET = "bench-secret";

  final Path dir;
  final Database database;
  final Drumbeat app;
  final SignedRequests requests;

  private BenchApp(Path dir, Database database, Drumbeat app, SlackDouble slack) {
    this.dir = dir;
    this.database = database;
    this.app = app;
    this.requests =
        new SignedRequests(
            URI.create("http://127.0.0.1:" + app.port() + "/slack/events"),
            SECRET,
            slack,
            Clock.systemUTC());
  }

  /**
   * Starts Drumbeat on a new, empty H2 file database.
   *
   * @param config the text of a {@code drumbeat.yml}
   * @param clock Drumbeat's time source (request signatures and trigger ids use the system clock)
   * @param settings changes to {@code serve}'s defaults, e.g. {@code b -> b.postsPerMinute(60)}
   * @throws UncheckedIOException when the temporary directory cannot be made
   */
  static BenchApp start(
      String config, SlackDouble slack, Clock clock, UnaryOperator<WiringBuilder> settings) {
    Path dir;
    try {
      dir = Files.createTempDirectory("drumbeat-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Database db = Database.open(DbSettings.h2File(dir.resolve("drumbeat")), null, null);
    WiringBuilder wiring =
        Wiring.builder(
                new ConfigLoader().parse(config, "drumbeat.yml"),
                db,
                slack.apiUrl(),
                "xoxb-bench",
                SECRET)
            .clock(clock);
    return new BenchApp(dir, db, new Drumbeat(settings.apply(wiring).build()).start(), slack);
  }

  /** Counts rows: {@code select count(*) from <from>}. */
  int count(String from) {
    return database
        .jdbi()
        .withHandle(h -> h.createQuery("select count(*) from " + from).mapTo(Integer.class).one());
  }

  /** Stops Drumbeat, closes the database and deletes its directory. */
  @Override
  public void close() {
    app.close();
    database.close();
    deleteTree(dir);
  }

  /** Deletes a directory and everything in it; what cannot be deleted is left. */
  static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete " + dir + ": " + e.getMessage());
    }
  }
}
