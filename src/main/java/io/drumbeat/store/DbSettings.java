package io.drumbeat.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the database is: {@code DRUMBEAT_DB_URL} (default an H2 file database under {@code
 * ./data/}; a {@code jdbc:postgresql://} URL selects PostgreSQL), {@code DRUMBEAT_DB_USER}, {@code
 * DRUMBEAT_DB_PASSWORD}.
 *
 * @param url JDBC URL
 * @param user user name or null
 * @param password password or null; never logged (see {@link #toString()})
 */
public record DbSettings(String url, String user, String password) {
  /** H2 options required so the same SQL runs on H2 and PostgreSQL. */
  public static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /** Reads the settings from an environment map (usually {@code System.getenv()}). */
  public static DbSettings fromEnv(Map<String, String> env) {
    String url = env.get("DRUMBEAT_DB_URL");
    if (url == null || url.isBlank()) {
      url = h2File(Path.of("data", "drumbeat"));
    }
    return new DbSettings(url, env.get("DRUMBEAT_DB_USER"), env.get("DRUMBEAT_DB_PASSWORD"));
  }

  /** The H2 file URL for a database at {@code base} (H2 adds {@code .mv.db}). */
  public static String h2File(Path base) {
    return "jdbc:h2:file:" + base.toAbsolutePath() + H2_OPTIONS;
  }

  @Override
  public String toString() {
    return "DbSettings[url=" + Database.redact(url) + ", user=" + user + "]";
  }
}
