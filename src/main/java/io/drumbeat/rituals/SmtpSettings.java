package io.drumbeat.rituals;

import io.drumbeat.DrumbeatException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Where the monthly email goes out, from {@code SMTP_URL}: {@code smtps://USER:PASSWORD@HOST:PORT}
 * (TLS from the start, default port 465) or {@code smtp://[USER:PASSWORD@]HOST:PORT} (STARTTLS when
 * the server offers it, default port 587). User and password are URL-decoded. {@link #toString}
 * never shows the password.
 *
 * @param tls true for {@code smtps}
 * @param host the server
 * @param port its port
 * @param user the login, or null for none
 * @param password the password, or null for none
 */
record SmtpSettings(boolean tls, String host, int port, String user, String password) {
  /** Connection and read timeout, in milliseconds. */
  static final int TIMEOUT_MS = 10_000;

  /**
   * Reads {@code SMTP_URL}.
   *
   * @throws DrumbeatException naming what is wrong, without the password
   */
  static SmtpSettings parse(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new DrumbeatException("SMTP_URL is not a URL (use smtps://user:password@host:465)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (!scheme.equals("smtp") && !scheme.equals("smtps") || uri.getHost() == null) {
      throw new DrumbeatException(
          "SMTP_URL must be smtp://host:port or smtps://user:password@host:port");
    }
    boolean tls = scheme.equals("smtps");
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      password = parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
    }
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 465 : 587;
    return new SmtpSettings(tls, uri.getHost(), port, user, password);
  }

  /** Jakarta Mail session properties for this server. */
  Properties properties() {
    String p = tls ? "mail.smtps." : "mail.smtp.";
    Properties props = new Properties();
    props.put("mail.transport.protocol", tls ? "smtps" : "smtp");
    props.put(p + "host", host);
    props.put(p + "port", String.valueOf(port));
    props.put(p + "auth", String.valueOf(user != null));
    props.put(p + "connectiontimeout", String.valueOf(TIMEOUT_MS));
    props.put(p + "timeout", String.valueOf(TIMEOUT_MS));
    props.put(p + "writetimeout", String.valueOf(TIMEOUT_MS));
    if (!tls) {
      props.put("mail.smtp.starttls.enable", "true");
    }
    return props;
  }

  @Override
  public String toString() {
    return (tls ? "smtps://" : "smtp://")
        + (user == null ? "" : user + ":***@")
        + host
        + ":"
        + port;
  }
}
