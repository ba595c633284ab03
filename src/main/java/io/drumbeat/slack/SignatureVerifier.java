package io.drumbeat.slack;

import io.drumbeat.DrumbeatException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Slack's request signature on the raw body bytes, before anything is parsed.
 *
 * <p>Slack signs each request with the app's signing secret: {@code X-Slack-Signature} is {@code
 * v0=} followed by the lower-case hex HMAC-SHA256 of {@code v0:{X-Slack-Request-Timestamp}:{body}}
 * (source: https://api.slack.com/authentication/verifying-requests-from-slack). A request is valid
 * when that signature matches, compared in constant time, and its timestamp (epoch seconds) is
 * within {@link #WINDOW} of this server's clock in either direction, so that a captured request
 * cannot be replayed later and a request cannot be pre-signed for the future. Bolt's own check
 * compares with {@code String.equals} and accepts any future timestamp.
 */
final class SignatureVerifier {
  /** How far a request's timestamp may be from the server's clock, in either direction. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;
  private final Clock clock;

  /**
   * @param signingSecret the app's signing secret ({@code SLACK_SIGNING_SECRET}); never logged
   * @param clock the real time (Slack's timestamps are wall-clock epoch seconds)
   * @throws DrumbeatException when the secret is blank
   */
  SignatureVerifier(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new DrumbeatException("The Slack signing secret is missing");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = clock;
  }

  /**
   * Whether {@code body} was signed by Slack within the window.
   *
   * @param timestamp the {@code X-Slack-Request-Timestamp} header, may be null
   * @param signature the {@code X-Slack-Signature} header, may be null
   * @param body the request body exactly as received
   * @return false for a missing or malformed header, a timestamp outside {@link #WINDOW}, or a
   *     signature that does not match
   */
  boolean isValid(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null || !isWithinWindow(timestamp)) {
      return false;
    }
    String expected = "v0=" + HexFormat.of().formatHex(hmac(timestamp, body));
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private boolean isWithinWindow(String timestamp) {
    if (timestamp.isEmpty()
        || timestamp.length() > 18
        || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    long sent = Long.parseLong(timestamp);
    long now = clock.instant().getEpochSecond();
    return sent >= now - WINDOW.toSeconds() && sent <= now + WINDOW.toSeconds();
  }

  private byte[] hmac(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new DrumbeatException("HMAC-SHA256 is not available in this JVM", e);
    }
  }
}
