package io.drumbeat.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.Drumbeat;
import io.drumbeat.DrumbeatException;
import io.drumbeat.schedule.MovableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The demo's moves: commands, modal submissions and the clock, each shown in the transcript. */
final class DemoSteps {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
  private final Drumbeat app;
  private final SlackDouble slack;
  private final SignedRequests requests;
  private final Transcript t;
  private final MovableClock clock;

  DemoSteps(
      Drumbeat app, SlackDouble slack, SignedRequests requests, Transcript t, MovableClock clock) {
    this.app = app;
    this.slack = slack;
    this.requests = requests;
    this.t = t;
    this.clock = clock;
  }

  /** The latest opened or updated modal, with the id and hash Slack gave it. */
  JsonNode lastView() {
    try {
      return slack.lastView();
    } catch (IllegalStateException e) {
      throw new DrumbeatException("Demo: no modal was opened");
    }
  }

  void command(String user, String command, String text) throws InterruptedException {
    HttpResponse<String> response = requests.command(user, command, text, "C0DIST");
    expectOk(response);
    t.ephemeral(user, response.body());
    settle(user);
  }

  HttpResponse<String> submit(String user, FormValues values) throws InterruptedException {
    HttpResponse<String> response = requests.submitView(user, lastView(), values);
    expectOk(response);
    settle(user);
    return response;
  }

  /** {@code user} opens Drumbeat's Home tab ({@code app_home_opened}); shows what it publishes. */
  void openHome(String user) throws InterruptedException {
    ObjectNode event =
        new ObjectMapper()
            .createObjectNode()
            .put("type", "app_home_opened")
            .put("user", user)
            .put("channel", "D" + user.substring(1))
            .put("tab", "home")
            .put("event_ts", clock.instant().getEpochSecond() + ".000100");
    expectOk(requests.event(event, "EvHome" + user + clock.millis(), 0));
    settle(user);
    t.home(user);
  }

  void advanceUntil(ZonedDateTime end) throws InterruptedException {
    while (clock.instant().isBefore(end.toInstant())) {
      clock.tick(Duration.ofMinutes(30));
      app.scheduler().runDue();
      app.awaitIdle();
      if (slack.calls().size() > 0) {
        t.showNew(null, "⏰ " + now());
      }
    }
  }

  void settle(String actor) throws InterruptedException {
    if (!app.awaitIdle()) {
      throw new DrumbeatException("Demo: background work did not finish");
    }
    t.showNew(actor, null);
  }

  static void expectOk(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new DrumbeatException(
          "Demo: Drumbeat answered HTTP " + response.statusCode() + ": " + response.body());
    }
  }

  String now() {
    return WHEN.format(clock.instant().atZone(Demo.LA)) + " in Los Angeles";
  }
}
