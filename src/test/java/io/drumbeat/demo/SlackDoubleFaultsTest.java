package io.drumbeat.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import io.drumbeat.schedule.MovableClock;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack's failures as the double plays them: lost answers, outages and per-channel 429s. */
class SlackDoubleFaultsTest {

  private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

  private final MovableClock clock = new MovableClock(NOW);
  private SlackDouble slackDouble;
  private final List<Slack> clients = new ArrayList<>();
  private MethodsClient methods;

  @BeforeEach
  void startDouble() {
    slackDouble = SlackDouble.start(clock);
    slackDouble.addUser("U0ADA", "Ada Lovelace", "Europe/London");
    slackDouble.addChannel("C0DIST", "distributioneers", false, true);
    slackDouble.addChannel("C0PAY", "payments", false, true);
    methods = client(5_000);
  }

  @AfterEach
  void stopDouble() throws Exception {
    slackDouble.close();
    for (Slack slack : clients) {
      slack.close();
    }
  }

  /** An SDK client of the double whose reads time out after {@code readTimeoutMillis}. */
  private MethodsClient client(int readTimeoutMillis) {
    SlackConfig cfg = new SlackConfig();
    cfg.setMethodsEndpointUrlPrefix(slackDouble.apiUrl());
    cfg.setStatsEnabled(false);
    cfg.setHttpClientReadTimeoutMillis(readTimeoutMillis);
    Slack slack = Slack.getInstance(cfg);
    clients.add(slack);
    return slack.methods("xoxb-test");
  }

  private ThrowingCallable post(String channel) {
    return () -> methods.chatPostMessage(r -> r.channel(channel).text("hi"));
  }

  private static void assertRefused(ThrowingCallable call, int status, String retryAfter) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            SlackApiException.class,
            e -> {
              assertThat(e.getResponse().code()).isEqualTo(status);
              assertThat(e.getResponse().header("Retry-After")).isEqualTo(retryAfter);
            });
  }

  @Test
  void a_delayed_answer_times_out_the_client_while_the_message_is_stored() throws Exception {
    slackDouble.delayAnswers("chat.postMessage", Duration.ofSeconds(30));
    MethodsClient impatient = client(200);

    assertThatThrownBy(() -> impatient.chatPostMessage(r -> r.channel("C0DIST").text("hi")))
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(slackDouble.messageCount("C0DIST")).isEqualTo(1);
    assertThat(slackDouble.calls("chat.postMessage")).hasSize(1);
    assertThat(slackDouble.scriptedCalls("chat.postMessage")).isEmpty();

    slackDouble.delayAnswers("chat.postMessage", Duration.ZERO);
    assertThat(methods.chatPostMessage(r -> r.channel("C0DIST").text("again")).isOk()) // in time
        .isTrue();
  }

  @Test
  void eight_delayed_calls_do_not_starve_other_requests() throws Exception {
    slackDouble.delayAnswers("chat.postMessage", Duration.ofMinutes(1));
    MethodsClient patient = client(120_000);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> delayed = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        delayed.add(pool.submit(() -> patient.chatPostMessage(r -> r.channel("C0DIST").text("x"))));
      }
      assertThat(slackDouble.awaitCalls("chat.postMessage", 8, Duration.ofSeconds(30))).isTrue();

      // each answered within the 5 s read timeout while all 8 posts still wait for theirs
      assertThat(methods.authTest(r -> r).isOk()).isTrue();
      assertThat(methods.conversationsHistory(r -> r.channel("C0DIST")).getMessages()).hasSize(8);
      assertThat(delayed).noneMatch(Future::isDone);
      assertThat(slackDouble.messageCount("C0DIST")).isEqualTo(8);
    } finally {
      slackDouble.close(); // drops the 8 waiting answers
      pool.shutdownNow();
    }
  }

  @Test
  void fail_until_answers_503_and_stores_nothing_until_the_clock_reaches_until() throws Exception {
    slackDouble.failUntil("chat.postMessage", 503, NOW.plus(Duration.ofMinutes(5)));

    assertRefused(post("C0DIST"), 503, null);
    clock.tick(Duration.ofMinutes(4));
    assertRefused(post("C0DIST"), 503, null);
    assertThat(slackDouble.messageCount("C0DIST")).isZero();
    clock.tick(Duration.ofMinutes(1));
    var delivered = methods.chatPostMessage(r -> r.channel("C0DIST").text("hi"));

    assertThat(delivered.isOk()).isTrue();
    assertThat(slackDouble.messages("C0DIST"))
        .extracting(StoredMessage::ts)
        .containsExactly(delivered.getTs());
    assertThat(slackDouble.calls("chat.postMessage")).hasSize(3);
    assertThat(slackDouble.scriptedCalls("chat.postMessage")).hasSize(2);
    assertThat(methods.authTest(r -> r).isOk()).isTrue(); // other methods unaffected
  }

  @Test
  void fail_until_with_429_says_how_many_seconds_are_left() {
    slackDouble.failUntil("chat.update", 429, NOW.plusSeconds(90).plusMillis(1));

    assertRefused(() -> methods.chatUpdate(r -> r.channel("C0DIST").ts("1.0")), 429, "91");
  }

  @Test
  void a_rate_limited_channel_refuses_posts_and_updates_while_other_channels_pass()
      throws Exception {
    String ts = methods.chatPostMessage(r -> r.channel("C0DIST").text("v1")).getTs();
    slackDouble.rateLimitChannel("C0DIST", 7, 2);

    assertRefused(post("C0DIST"), 429, "7");
    assertThat(methods.chatPostMessage(r -> r.channel("C0PAY").text("hi")).isOk()).isTrue();
    assertRefused(() -> methods.chatUpdate(r -> r.channel("C0DIST").ts(ts).text("v2")), 429, "7");
    var third = methods.chatPostMessage(r -> r.channel("C0DIST").text("hi"));

    assertThat(third.isOk()).isTrue();
    assertThat(slackDouble.messages("C0DIST"))
        .extracting(StoredMessage::text)
        .containsExactly("v1", "hi");
    assertThat(slackDouble.messageCount("C0PAY")).isEqualTo(1);
    assertThat(slackDouble.scriptedCalls("chat.postMessage")).hasSize(1);
    assertThat(slackDouble.scriptedCalls("chat.update")).hasSize(1);
  }

  @Test
  void rate_limiting_a_user_throttles_their_dm_until_clear() throws Exception {
    slackDouble.rateLimitChannel("U0ADA", 1, Integer.MAX_VALUE);

    for (int i = 0; i < 3; i++) {
      assertRefused(post("U0ADA"), 429, "1");
      assertRefused(post("D0ADA"), 429, "1");
    }
    assertThat(slackDouble.messageCount("U0ADA")).isZero();
    slackDouble.clear();

    assertThat(methods.chatPostMessage(r -> r.channel("U0ADA").text("hi")).isOk()).isTrue();
    assertThat(slackDouble.messageCount("D0ADA")).isEqualTo(1);
  }

  @Test
  void a_scripted_failure_has_no_effect_and_clear_keeps_the_messages() throws Exception {
    slackDouble.failNext("chat.postMessage", 500, Map.of(), "");
    slackDouble.failNextWithError("chat.postMessage", "ratelimited");

    assertRefused(post("C0DIST"), 500, null);
    assertThat(methods.chatPostMessage(r -> r.channel("C0DIST").text("hi")).getError())
        .isEqualTo("ratelimited");
    assertThat(methods.chatPostMessage(r -> r.channel("C0DIST").text("hi")).isOk()).isTrue();
    slackDouble.clear();

    assertThat(slackDouble.messageCount("C0DIST")).isEqualTo(1);
    assertThat(slackDouble.calls()).isEmpty();
  }
}
