package io.drumbeat.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.Transport;
import io.drumbeat.demo.SlackDoubleSocket;
import io.drumbeat.store.TestDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Socket Mode connection itself, against the double's WebSocket: refreshes, drops, Slack
 * outages, acks and {@code /healthz}. Reconnects start after 20 ms here ({@link
 * TestSlackApp#SOCKET}); waits are on conditions, never sleeps.
 */
class SocketModeEndToEndTest {
  static final ZonedDateTime WEDNESDAY =
      ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  static final Duration WAIT = Duration.ofSeconds(10);
  static final ObjectMapper JSON = new ObjectMapper();
  TestSlackApp t;
  SlackDoubleSocket socket;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, WEDNESDAY, Transport.SOCKET_MODE);
    socket = t.slack.socketMode();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  ObjectNode command(String user, String text) {
    ObjectNode form = JSON.createObjectNode().put("command", "/okr-update").put("text", text);
    form.put("user_id", user).put("user_name", user.toLowerCase()).put("channel_id", "C0DIST");
    form.put("team_id", "T0DEMO").put("api_app_id", "A0DEMO");
    form.put("response_url", t.slack.responseUrl("cmd-" + UUID.randomUUID()));
    return form.put("trigger_id", "trigger-" + UUID.randomUUID());
  }

  JsonNode ackOf(String envelopeId) throws InterruptedException {
    return socket.awaitAck(envelopeId, WAIT).orElseThrow(() -> new AssertionError("no ack"));
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void two_connections_are_opened_with_the_app_token_and_every_envelope_is_acked_with_its_id()
      throws Exception {
    assertThat(socket.connections()).hasSize(2);
    assertThat(t.slack.calls("apps.connections.open"))
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.param("token")).isEqualTo(TestSlackApp.APP_TOKEN));

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(socket.send("slash_commands", command("U0AAA1", "help"), true, 0));
    }

    for (String id : ids) {
      JsonNode ack = ackOf(id);
      assertThat(ack.path("envelope_id").asText()).isEqualTo(id);
      assertThat(ack.path("payload").path("text").asText()).contains("/okr-update all");
    }
  }

  @Test
  void a_refreshed_connection_is_replaced_before_it_closes_and_no_envelope_is_lost()
      throws Exception {
    t.slack.delayAnswers("views.open", Duration.ofMillis(300));
    int old = socket.connections().get(0);
    String slow = socket.sendOn(old, "slash_commands", command("U0AAA1", ""), true, 0);

    socket.warnDisconnect(old); // Slack will close it in about 10 s
    String late = socket.sendOn(old, "slash_commands", command("U0AAA1", "help"), true, 0);
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      others.add(socket.send("slash_commands", command("U0BBB2", "help"), true, 0));
    }

    assertThat(ackOf(slow).has("payload")).as("the modal opened; a bare ack").isFalse();
    assertThat(ackOf(late).path("payload").path("text").asText()).contains("/okr-update all");
    for (String id : others) {
      assertThat(ackOf(id).path("envelope_id").asText()).isEqualTo(id);
    }
    t.awaitSocketConnections(2);
    assertThat(socket.awaitClosed(old, WAIT)).as("the refreshed connection is closed").isTrue();
    assertThat(socket.connections()).hasSize(2);
    assertThat(t.slack.calls("apps.connections.open")).hasSize(3);
    assertThat(t.slack.calls("views.open")).hasSize(1);
  }

  @Test
  void a_dropped_connection_is_reopened_and_the_next_envelope_is_acked() throws Exception {
    socket.drop(socket.connections().get(0));

    assertThat(socket.awaitOpened(3, WAIT)).as("a new connection replaces it").isTrue();
    t.awaitSocketConnections(2);
    assertThat(ackOf(socket.send("slash_commands", command("U0AAA1", "help"), true, 0)))
        .isNotNull();
  }

  @Test
  void while_slack_refuses_connections_healthz_turns_503_after_the_grace_period_and_recovers()
      throws Exception {
    t.slack.failNextWithError("apps.connections.open", "invalid_auth");
    t.slack.failUntil("apps.connections.open", 503, t.clock.instant().plusSeconds(60));
    socket.dropAll();
    assertThat(t.slack.awaitCalls("apps.connections.open", 2 + 4, WAIT))
        .as("ok:false and then 503s were answered")
        .isTrue();
    assertThat(get("/healthz").statusCode()).as("within the grace period").isEqualTo(200);

    t.clock.tick(Duration.ofSeconds(11));
    HttpResponse<String> down = get("/healthz");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(down.body()).path("reason").asText()).isEqualTo("socket_mode");
    assertThat(JSON.readTree(down.body()).path("detail").asText())
        .contains("no Socket Mode connection");

    t.clock.tick(Duration.ofSeconds(60)); // Slack is back
    t.awaitSocketConnections(2);
    assertThat(t.app.socketMode().orElseThrow().awaitOpen(2, WAIT)).isTrue();
    assertThat(get("/healthz").body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(ackOf(socket.send("slash_commands", command("U0AAA1", "help"), true, 0)))
        .isNotNull();
  }

  @Test
  void without_a_signing_secret_there_is_no_http_endpoint_for_slack() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.app.port() + "/slack/events"))
                .POST(HttpRequest.BodyPublishers.ofString("command=/okr-update"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Socket Mode");
    assertThat(t.slack.calls()).noneMatch(c -> c.method().equals("views.open"));
  }
}
