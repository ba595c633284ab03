package io.drumbeat.slack;

import io.drumbeat.TestSlackApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Raw posts to {@code /slack/events}: any bytes, any headers, signed (over the exact bytes, with
 * this test's own HMAC rather than Drumbeat's or Bolt's) or not.
 */
final class SlackPosts {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI endpoint;

  SlackPosts(int port) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + HttpServer.EVENTS_PATH);
  }

  /** Epoch seconds now, shifted by {@code offset}, as Slack writes X-Slack-Request-Timestamp. */
  static String timestamp(Duration offset) {
    return String.valueOf(System.currentTimeMillis() / 1000 + offset.toSeconds());
  }

  /** Slack's signature headers for {@code body} at {@code timestamp}, with the test secret. */
  static Map<String, String> signature(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(TestSlackApp.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("X-Slack-Request-Timestamp", timestamp);
      headers.put("X-Slack-Signature", "v0=" + HexFormat.of().formatHex(mac.doFinal(body)));
      return headers;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts {@code body} signed now. */
  HttpResponse<String> signed(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return post(bytes, signature(timestamp(Duration.ZERO), bytes));
  }

  /** Posts {@code body} with exactly {@code headers} (no signature unless given). */
  HttpResponse<String> post(byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The client, for tests that send many requests at once. */
  HttpClient client() {
    return http;
  }

  /** The endpoint's URL. */
  URI endpoint() {
    return endpoint;
  }
}
