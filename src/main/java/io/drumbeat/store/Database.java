package io.drumbeat.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.drumbeat.DrumbeatException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The database: a HikariCP pool, Flyway migrations ({@code classpath:db/migration}, one set for H2
 * and PostgreSQL) and a configured {@link Jdbi}. Instants are stored as {@code timestamp with time
 * zone} through {@link OffsetDateTime} in UTC, so the JVM's default zone never matters.
 */
public final class Database implements AutoCloseable {
  /** How long an H2 statement waits for a row another transaction has locked. */
  static final java.time.Duration H2_LOCK_TIMEOUT = java.time.Duration.ofSeconds(20);

  private static final java.time.Duration INITIAL_CONNECTION = java.time.Duration.ofSeconds(3);

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final HealthProbe health;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbi = configure(Jdbi.create(dataSource));
    // The system clock only ages the probe's last answer; nothing here depends on the date.
    this.health =
        new HealthProbe(
            dataSource, Clock.systemUTC(), Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  /**
   * Opens the pool and migrates the schema to the newest version.
   *
   * @param url a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
   * @param user database user, may be null
   * @param password database password, may be null; never logged
   * @throws DrumbeatException when the database cannot be reached or a migration fails
   */
  public static Database open(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    boolean h2 = url.startsWith("jdbc:h2:");
    config.setMaximumPoolSize(h2 ? 8 : 10);
    if (h2) {
      // H2 gives up on a row lock after 1 s; PostgreSQL waits. A burst of writers to one row (200
      // ballots of one retro, each redrawing its announcement) queues for longer than that. And H2
      // writes commits to its file up to a second late by default: a crash could then lose a
      // delivery's "about to post" mark and post it twice. WRITE_DELAY 0 writes each commit at
      // once.
      config.setConnectionInitSql(
          "SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT.toMillis() + "; SET WRITE_DELAY 0");
      // H2 also closes the database in a JVM shutdown hook of its own, at the same time as
      // Drumbeat's graceful stop on SIGTERM: deliveries still in flight then cannot record what
      // Slack answered. Drumbeat closes the pool itself, after the scheduler has stopped.
      if (!url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
        config.addDataSourceProperty("DB_CLOSE_ON_EXIT", "FALSE");
      }
    }
    config.setPoolName("drumbeat");
    // A database that cannot be reached at start is named within seconds, not after the pool's
    // 30 s connection timeout.
    config.setInitializationFailTimeout(INITIAL_CONNECTION.toMillis());
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DrumbeatException(
          "Cannot open the database at " + redact(url) + ": " + rootMessage(e), e);
    }
    try {
      migrate(ds);
      return new Database(ds);
    } catch (RuntimeException e) {
      ds.close();
      throw new DrumbeatException(
          "Cannot open the database at " + redact(url) + ": " + rootMessage(e), e);
    }
  }

  /** Applies every pending migration to {@code ds}. */
  static void migrate(DataSource ds) {
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
  }

  /** Registers SqlObject and UTC instant handling on {@code jdbi}; returns it. */
  public static Jdbi configure(Jdbi jdbi) {
    jdbi.installPlugin(new SqlObjectPlugin());
    jdbi.registerArgument(new InstantArgumentFactory());
    jdbi.registerColumnMapper(
        Instant.class,
        (rs, col, ctx) -> {
          OffsetDateTime value = rs.getObject(col, OffsetDateTime.class);
          return value == null ? null : value.toInstant();
        });
    return jdbi;
  }

  /** The configured JDBI instance. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** The pooled data source (db-scheduler uses it directly). */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Whether a pooled connection answered {@link java.sql.Connection#isValid(int)} within the last
   * second; returns within about 500 ms and never holds more than one connection, however many
   * threads ask at once (see {@link HealthProbe}). False once the database is closed.
   */
  public boolean isHealthy() {
    return health.isHealthy();
  }

  @Override
  public void close() {
    health.close();
    dataSource.close();
  }

  /** The URL without anything after {@code ;} or {@code ?} that could carry credentials. */
  static String redact(String url) {
    int cut = url.length();
    for (char c : new char[] {';', '?'}) {
      int at = url.indexOf(c);
      cut = at < 0 ? cut : Math.min(cut, at);
    }
    return url.substring(0, cut);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
    InstantArgumentFactory() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      return (position, statement, ctx) ->
          statement.setObject(position, value.atOffset(ZoneOffset.UTC));
    }
  }
}
