package io.drumbeat.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two databases every repository test runs on: H2 in PostgreSQL mode (in memory) and a real
 * PostgreSQL (embedded, one server per test JVM, a fresh database per call). Use with
 * {@code @ParameterizedTest @EnumSource(TestDb.class)}.
 */
public enum TestDb {
  H2 {
    @Override
    public String freshUrl() {
      return "jdbc:h2:mem:" + UUID.randomUUID() + DbSettings.H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
    }
  },
  POSTGRES {
    @Override
    public String freshUrl() {
      String name = "drumbeat_" + COUNTER.incrementAndGet();
      try (Connection c = Postgres.INSTANCE.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database " + name);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return Postgres.INSTANCE.getJdbcUrl("postgres", name);
    }
  };

  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** A JDBC URL of a new, empty database. */
  public abstract String freshUrl();

  /** Opens and migrates a new, empty database. */
  public Database open() {
    return this == H2
        ? Database.open(freshUrl(), null, null)
        : Database.open(freshUrl(), "postgres", "postgres");
  }

  /** Opens a second pool on the same database as {@code url} (a second Drumbeat instance). */
  public Database reopen(String url) {
    return this == H2 ? Database.open(url, null, null) : Database.open(url, "postgres", "postgres");
  }

  private static final class Postgres {
    static final EmbeddedPostgres INSTANCE = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        pg.close();
                      } catch (IOException e) {
                        // the JVM is exiting
                      }
                    }));
        return pg;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
