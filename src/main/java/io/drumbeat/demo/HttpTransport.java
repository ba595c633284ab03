package io.drumbeat.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import io.drumbeat.DrumbeatException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plays Slack over HTTP: each request is POSTed to Drumbeat's {@code /slack/events}, signed like
 * Slack signs them ({@code v0=} HMAC-SHA256 of {@code v0:TIMESTAMP:BODY} with the signing secret).
 * Timestamps come from the real clock, because Bolt checks them against the real time.
 */
final class HttpTransport implements SlackTransport {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;
  private final String signingSecret;
  private final Clock wallClock;

  HttpTransport(URI endpoint, String signingSecret, Clock wallClock) {
    this.endpoint = endpoint;
    this.signingSecret = signingSecret;
    this.wallClock = wallClock;
  }

  @Override
  public HttpResponse<String> command(Map<String, String> form) {
    return post(encode(form));
  }

  @Override
  public HttpResponse<String> interaction(ObjectNode payload) {
    return post(encode(Map.of("payload", payload.toString())));
  }

  @Override
  public HttpResponse<String> event(ObjectNode callback, int retryNum) {
    String body = callback.toString();
    String ts = String.valueOf(wallClock.instant().getEpochSecond());
    HttpRequest.Builder request =
        signed(body, ts, new SlackSignature.Generator(signingSecret).generate(ts, body))
            .header("Content-Type", "application/json");
    if (retryNum > 0) {
      request.header("X-Slack-Retry-Num", String.valueOf(retryNum));
      request.header("X-Slack-Retry-Reason", "http_timeout");
    }
    return send(request.build());
  }

  /** Posts a raw, correctly signed form body. */
  HttpResponse<String> post(String body) {
    String ts = String.valueOf(wallClock.instant().getEpochSecond());
    return postSigned(body, ts, new SlackSignature.Generator(signingSecret).generate(ts, body));
  }

  /** Posts {@code body} with the given timestamp and signature headers. */
  HttpResponse<String> postSigned(String body, String timestamp, String signature) {
    return send(
        signed(body, timestamp, signature)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .build());
  }

  private HttpRequest.Builder signed(String body, String timestamp, String signature) {
    return HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(30))
        .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp)
        .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DrumbeatException("Cannot reach " + endpoint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DrumbeatException("Interrupted", e);
    }
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
