package io.drumbeat.cli;

import io.drumbeat.DrumbeatException;
import io.drumbeat.store.DbSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * Drumbeat's settings from the environment. Secrets come only from here and are never logged
 * ({@link #toString()} leaves them out).
 *
 * @param botToken {@code SLACK_BOT_TOKEN} ({@code xoxb-…}), null when unset
 * @param signingSecret {@code SLACK_SIGNING_SECRET}, null when unset
 * @param appToken {@code SLACK_APP_TOKEN} ({@code xapp-…}), null when unset: then {@code serve}
 *     takes Slack's requests over HTTP only
 * @param apiUrl {@code SLACK_API_URL}, default {@code https://slack.com/api/}, always ending in /
 * @param port {@code PORT}, default 3000
 * @param db {@code DRUMBEAT_DB_URL}, {@code DRUMBEAT_DB_USER}, {@code DRUMBEAT_DB_PASSWORD}
 * @param configPath {@code DRUMBEAT_CONFIG}, default {@code ./drumbeat.yml}
 * @param postsPerMinute {@code SLACK_POSTS_PER_MINUTE}: the workspace-wide budget of {@code
 *     chat.postMessage} calls a minute, 60 to 60,000, default 600 (Slack documents "several hundred
 *     per minute" across a workspace; a workspace whose limit is higher can raise it)
 */
public record Environment(
    String botToken,
    String signingSecret,
    String appToken,
    String apiUrl,
    int port,
    DbSettings db,
    Path configPath,
    int postsPerMinute) {

  /** Default Slack Web API base URL. */
  public static final String SLACK_API = "https://slack.com/api/";

  /**
   * Reads the settings from {@code env} (usually {@code System.getenv()}).
   *
   * @throws MissingSettingException when {@code PORT} is not a port number, or {@code
   *     SLACK_POSTS_PER_MINUTE} not a number from 60 to 60,000
   */
  public static Environment from(Map<String, String> env) {
    String api = env.getOrDefault("SLACK_API_URL", "");
    api = api.isBlank() ? SLACK_API : api.endsWith("/") ? api : api + "/";
    String port = env.getOrDefault("PORT", "");
    int portNumber;
    try {
      portNumber = port.isBlank() ? 3000 : Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new MissingSettingException("PORT must be a port number, was \"" + port + "\"");
    }
    String config = env.getOrDefault("DRUMBEAT_CONFIG", "");
    return new Environment(
        blankToNull(env.get("SLACK_BOT_TOKEN")),
        blankToNull(env.get("SLACK_SIGNING_SECRET")),
        blankToNull(env.get("SLACK_APP_TOKEN")),
        api,
        portNumber,
        DbSettings.fromEnv(env),
        Path.of(config.isBlank() ? "drumbeat.yml" : config),
        postsPerMinute(env.getOrDefault("SLACK_POSTS_PER_MINUTE", "")));
  }

  private static int postsPerMinute(String value) {
    if (value.isBlank()) {
      return 600;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 60 && n <= 60_000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw new MissingSettingException(
        "SLACK_POSTS_PER_MINUTE must be a number from 60 to 60000, was \"" + value + "\"");
  }

  /**
   * Checks that the Slack credentials {@code serve} needs are present: the bot token, and the
   * signing secret unless Socket Mode is used ({@code SLACK_APP_TOKEN} set).
   *
   * @throws MissingSettingException naming the first missing or malformed variable
   */
  public Environment requireSlack() {
    if (botToken == null) {
      throw new MissingSettingException(
          "SLACK_BOT_TOKEN is not set (the app's Bot User OAuth Token, xoxb-...)");
    }
    if (appToken != null && !appToken.startsWith("xapp-")) {
      throw new MissingSettingException(
          "SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information >"
              + " App-Level Tokens, scope connections:write)");
    }
    if (signingSecret == null && appToken == null) {
      throw new MissingSettingException(
          "SLACK_SIGNING_SECRET is not set (Basic Information > App Credentials > Signing Secret),"
              + " and neither is SLACK_APP_TOKEN for Socket Mode");
    }
    return this;
  }

  /**
   * Opens and migrates the database these settings name.
   *
   * @throws DrumbeatException naming the database (without its password) when it cannot be opened
   */
  public io.drumbeat.store.Database openDatabase() {
    return io.drumbeat.store.Database.open(db.url(), db.user(), db.password());
  }

  /** True when {@code serve} connects to Slack over Socket Mode. */
  public boolean socketMode() {
    return appToken != null;
  }

  /** This environment with another config path (from {@code --config}). */
  public Environment withConfig(Path path) {
    return path == null
        ? this
        : new Environment(
            botToken, signingSecret, appToken, apiUrl, port, db, path, postsPerMinute);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  @Override
  public String toString() {
    return "Environment[apiUrl="
        + apiUrl
        + ", port="
        + port
        + ", db="
        + db
        + ", config="
        + configPath
        + ", postsPerMinute="
        + postsPerMinute
        + "]";
  }

  /** A required setting is missing or malformed; the message names it. */
  public static final class MissingSettingException extends DrumbeatException {
    /**
     * @param message names the variable and what it should hold
     */
    public MissingSettingException(String message) {
      super(message);
    }
  }
}
