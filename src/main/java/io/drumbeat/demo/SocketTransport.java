package io.drumbeat.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.DrumbeatException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * Plays Slack over Socket Mode: each request goes as an envelope through the double's WebSocket
 * ({@link SlackDoubleSocket}), with the payload Slack would have POSTed, and the answer is the ack:
 * status 200 and the ack's {@code payload} as the body ({@code ""} for a bare ack), or status 504
 * when Drumbeat sent no ack within {@link #ACK_WITHIN}. Slack itself waits 3 s; the longer wait
 * keeps a loaded test machine from failing a test that would pass.
 */
final class SocketTransport implements SlackTransport {
  /** How long an ack is waited for. */
  static final Duration ACK_WITHIN = Duration.ofSeconds(10);

  private final SlackDoubleSocket socket;

  SocketTransport(SlackDoubleSocket socket) {
    this.socket = socket;
  }

  @Override
  public HttpResponse<String> command(Map<String, String> form) {
    ObjectNode payload = SlackDoubleResponses.MAPPER.createObjectNode();
    form.forEach(payload::put);
    return answer(socket.send("slash_commands", payload, true, 0));
  }

  @Override
  public HttpResponse<String> interaction(ObjectNode payload) {
    boolean accepts = payload.path("type").asText().equals("view_submission");
    return answer(socket.send("interactive", payload, accepts, 0));
  }

  @Override
  public HttpResponse<String> event(ObjectNode callback, int retryNum) {
    return answer(socket.send("events_api", callback, false, retryNum));
  }

  private HttpResponse<String> answer(String envelopeId) {
    Optional<JsonNode> ack;
    try {
      ack = socket.awaitAck(envelopeId, ACK_WITHIN);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DrumbeatException("Interrupted", e);
    }
    int status = ack.isPresent() ? 200 : 504;
    String body = ack.map(a -> a.has("payload") ? a.get("payload").toString() : "").orElse("");
    return new Ack(status, body);
  }

  /** An ack read as an HTTP response. */
  private record Ack(int statusCode, String body) implements HttpResponse<String> {
    private static final URI SOCKET = URI.create("ws://127.0.0.1/socket-mode");

    @Override
    public HttpRequest request() {
      return HttpRequest.newBuilder(SOCKET).build();
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(Map.of(), (name, value) -> true);
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return SOCKET;
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
