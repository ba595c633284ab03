package io.drumbeat.demo;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackDoubleTest {

  private static final Instant NOW = Instant.parse("2024-01-15T12:00:00Z");

  private SlackDouble slackDouble;
  private Slack slack;
  private MethodsClient methods;

  @BeforeEach
  void startDouble() {
    slackDouble = SlackDouble.start(Clock.fixed(NOW, ZoneOffset.UTC));
    slackDouble.addUser("U0ADA", "Ada Lovelace", "America/Los_Angeles");
    slackDouble.addChannel("C0PUB", "general", false, true);
    slackDouble.addChannel("C0OUT", "random", false, false);
    slackDouble.addChannel("G0SEC", "secret", true, false);
    slackDouble.addChannel("G0PRV", "leads", true, true);
    SlackConfig cfg = new SlackConfig();
    cfg.setMethodsEndpointUrlPrefix(slackDouble.apiUrl());
    cfg.setStatsEnabled(false);
    slack = Slack.getInstance(cfg);
    methods = slack.methods("xoxb-test");
  }

  @AfterEach
  void stopDouble() throws Exception {
    slack.close();
    slackDouble.close();
  }

  @Test
  void answers_auth_test_with_the_demo_bot_identity() throws Exception {
    var response = methods.authTest(r -> r);

    assertThat(response.isOk()).isTrue();
    assertThat(response.getTeamId()).isEqualTo("T0DEMO");
    assertThat(response.getUserId()).isEqualTo("U0BOT");
    assertThat(response.getBotId()).isEqualTo("B0BOT");
    assertThat(slackDouble.calls("auth.test"))
        .singleElement()
        .satisfies(call -> assertThat(call.param("token")).isEqualTo("xoxb-test"));
  }

  @Test
  void returns_a_known_user_with_their_time_zone_and_rejects_an_unknown_one() throws Exception {
    var response = methods.usersInfo(r -> r.user("U0ADA"));

    assertThat(response.getUser().getRealName()).isEqualTo("Ada Lovelace");
    assertThat(response.getUser().getTz()).isEqualTo("America/Los_Angeles");
    assertThat(response.getUser().getTzLabel()).isEqualTo("Pacific Standard Time");
    assertThat(response.getUser().getTzOffset()).isEqualTo(-8 * 3600);
    assertThat(response.getUser().getProfile().getImage48()).startsWith("https://");
    assertThat(methods.usersInfo(r -> r.user("U0NOBODY")).getError()).isEqualTo("user_not_found");
  }

  @Test
  void records_a_post_message_call_with_its_blocks() throws Exception {
    var response =
        methods.chatPostMessage(
            r ->
                r.channel("C0PUB")
                    .text("Weekly check-in: 50% done & counting")
                    .blocks(asBlocks(section(s -> s.text(markdownText("*Check-in* time"))))));

    assertThat(response.isOk()).isTrue();
    assertThat(response.getChannel()).isEqualTo("C0PUB");
    assertThat(response.getTs()).matches("\\d{10}\\.\\d{6}");
    assertThat(response.getMessage().getText()).isEqualTo("Weekly check-in: 50% done & counting");
    SlackCall call = slackDouble.calls("chat.postMessage").get(0);
    assertThat(call.param("text")).isEqualTo("Weekly check-in: 50% done & counting");
    assertThat(call.param("token")).isEqualTo("xoxb-test");
    assertThat(call.receivedAt()).isEqualTo(NOW);
    assertThat(call.json("blocks").get(0).path("type").asText()).isEqualTo("section");
    assertThat(call.json("blocks").get(0).path("text").path("text").asText())
        .isEqualTo("*Check-in* time");
    assertThat(call.json("attachments").isMissingNode()).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "C0PUB, ok, C0PUB",
    "C0OUT, ok, C0OUT", // public channel without the bot: chat:write.public
    "G0PRV, ok, G0PRV",
    "U0ADA, ok, D0ADA", // a user id means that user's DM
    "D0ADA, ok, D0ADA",
    "G0SEC, not_in_channel, ",
    "C0NOPE, channel_not_found, ",
    "U0NOBODY, channel_not_found, "
  })
  void routes_a_post_message_by_its_channel_argument(String channel, String outcome, String landed)
      throws Exception {
    var response = methods.chatPostMessage(r -> r.channel(channel).text("hi"));

    assertThat(response.isOk() ? "ok" : response.getError()).isEqualTo(outcome);
    assertThat(response.getChannel()).isEqualTo(landed);
    assertThat(slackDouble.calls("chat.postMessage"))
        .singleElement()
        .satisfies(call -> assertThat(call.param("channel")).isEqualTo(channel));
  }

  @Test
  void opens_and_describes_a_deterministic_dm_for_a_known_user() throws Exception {
    var open = methods.conversationsOpen(r -> r.users(List.of("U0ADA")));

    assertThat(open.getChannel().getId()).isEqualTo("D0ADA");
    assertThat(methods.conversationsInfo(r -> r.channel("D0ADA")).getChannel().getUser())
        .isEqualTo("U0ADA");
    assertThat(methods.conversationsInfo(r -> r.channel("G0PRV")).getChannel().isPrivate())
        .isTrue();
    assertThat(methods.conversationsInfo(r -> r.channel("G0SEC")).getError()) // bot not in it
        .isEqualTo("channel_not_found");
    assertThat(slackDouble.calls("conversations.open").get(0).param("users")).isEqualTo("U0ADA");
    assertThat(methods.conversationsOpen(r -> r.users(List.of("U0NOBODY"))).getError())
        .isEqualTo("user_not_found");
  }

  @Test
  void surfaces_a_scripted_429_as_a_slack_api_exception_with_retry_after() throws Exception {
    slackDouble.failNext("chat.postMessage", 429, Map.of("Retry-After", "1"), "");

    assertThatThrownBy(() -> methods.chatPostMessage(r -> r.channel("C0PUB").text("hi")))
        .isInstanceOfSatisfying(
            SlackApiException.class,
            e -> {
              assertThat(e.getResponse().code()).isEqualTo(429);
              assertThat(e.getResponse().header("Retry-After")).isEqualTo("1");
            });
    assertThat(methods.chatPostMessage(r -> r.channel("C0PUB").text("hi")).isOk()).isTrue();
    assertThat(slackDouble.calls("chat.postMessage")).hasSize(2);
  }

  @Test
  void fails_every_nth_call_and_tells_which_calls_a_script_answered() throws Exception {
    slackDouble.failEvery("chat.postMessage", 3, 429, Map.of("Retry-After", "0"), "");
    slackDouble.failNextWithError("chat.postMessage", "ratelimited");

    List<Boolean> delivered = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      try {
        delivered.add(methods.chatPostMessage(r -> r.channel("C0PUB").text("hi")).isOk());
      } catch (SlackApiException e) {
        assertThat(e.getResponse().code()).isEqualTo(429);
        delivered.add(false);
      }
    }

    // the queued failNext first (not counted), then every third of the others
    assertThat(delivered).containsExactly(false, true, true, false, true, true, false);
    assertThat(slackDouble.scriptedCalls("chat.postMessage")).hasSize(3);
    assertThat(slackDouble.calls("chat.postMessage")).hasSize(7);
    slackDouble.clear();
    assertThat(methods.chatPostMessage(r -> r.channel("C0PUB").text("hi")).isOk()).isTrue();
  }

  @Test
  void uses_queued_failures_once_each_in_order() throws Exception {
    String ts = methods.chatPostMessage(r -> r.channel("C0PUB").text("v1")).getTs();
    slackDouble.failNext("chat.update", 500, Map.of(), "{\"ok\":false,\"error\":\"fatal_error\"}");
    slackDouble.failNextWithError("chat.update", "message_not_found");

    assertThatThrownBy(() -> methods.chatUpdate(r -> r.channel("C0PUB").ts(ts).text("x")))
        .isInstanceOfSatisfying(
            SlackApiException.class,
            e -> assertThat(e.getError().getError()).isEqualTo("fatal_error"));
    var second = methods.chatUpdate(r -> r.channel("C0PUB").ts(ts).text("x"));
    var third = methods.chatUpdate(r -> r.channel("C0PUB").ts(ts).text("x"));

    assertThat(second.getError()).isEqualTo("message_not_found");
    assertThat(third.isOk()).isTrue();
    assertThat(third.getTs()).isEqualTo(ts);
  }

  @Test
  void pages_through_the_channels_the_bot_can_see() throws Exception {
    slackDouble.addChannel("C0NEW", "new", false, false);
    var types = List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL);
    var first = methods.conversationsList(r -> r.types(types).limit(3));
    String next = first.getResponseMetadata().getNextCursor();
    var second = methods.conversationsList(r -> r.types(types).limit(3).cursor(next));

    assertThat(first.getChannels())
        .extracting(Conversation::getId)
        .containsExactly("C0PUB", "C0OUT", "G0PRV");
    assertThat(first.getChannels().get(1).isMember()).isFalse();
    assertThat(second.getChannels()).extracting(Conversation::getId).containsExactly("C0NEW");
    assertThat(second.getResponseMetadata().getNextCursor()).isEmpty();
    assertThat(slackDouble.calls("conversations.list").get(0).param("limit")).isEqualTo("3");
    assertThat(methods.conversationsList(r -> r).getChannels()) // public only by default
        .extracting(Conversation::isPrivate)
        .containsOnly(false);
  }

  @Test
  void pages_through_channel_members() throws Exception {
    for (String user : List.of("U1", "U2", "U3")) {
      slackDouble.addMember("C0PUB", user);
    }
    ConversationsMembersResponse first =
        methods.conversationsMembers(r -> r.channel("C0PUB").limit(2));
    String next = first.getResponseMetadata().getNextCursor();
    ConversationsMembersResponse second =
        methods.conversationsMembers(r -> r.channel("C0PUB").limit(2).cursor(next));

    assertThat(first.getMembers()).containsExactly("U1", "U2");
    assertThat(second.getMembers()).containsExactly("U3");
    assertThat(second.getResponseMetadata().getNextCursor()).isEmpty();
  }

  @Test
  void records_the_view_json_of_views_open() throws Exception {
    View view =
        View.builder()
            .type("modal")
            .callbackId("checkin")
            .title(com.slack.api.model.view.Views.viewTitle(t -> t.type("plain_text").text("Hi")))
            .blocks(asBlocks(section(s -> s.text(plainText("How is it going?")))))
            .build();

    var response = methods.viewsOpen(r -> r.triggerId("trigger-1").view(view));

    assertThat(response.isOk()).isTrue();
    assertThat(response.getView().getId()).isEqualTo("V1");
    assertThat(response.getView().getHash()).isEqualTo("h1");
    assertThat(response.getView().getType()).isEqualTo("modal");
    SlackCall call = slackDouble.calls("views.open").get(0);
    assertThat(call.param("trigger_id")).isEqualTo("trigger-1");
    assertThat(call.json("view").path("callback_id").asText()).isEqualTo("checkin");
    assertThat(call.json("view").path("blocks").get(0).path("text").path("text").asText())
        .isEqualTo("How is it going?");
  }

  @Test
  void records_a_json_post_to_a_response_url() throws Exception {
    String url = slackDouble.responseUrl("abc");

    WebhookResponse response =
        slack.send(url, "{\"text\":\"Saved ✓\",\"replace_original\":true,\"blocks\":[]}");

    assertThat(url).isEqualTo(slackDouble.baseUrl() + "respond/abc");
    assertThat(response.getCode()).isEqualTo(200);
    SlackCall call = slackDouble.calls("response_url").get(0);
    assertThat(call.param("text")).isEqualTo("Saved ✓");
    assertThat(call.param("replace_original")).isEqualTo("true");
    assertThat(call.json("blocks").isArray()).isTrue();
    assertThat(slackDouble.responseUrlCalls("abc")).containsExactly(call);
    assertThat(slackDouble.responseUrlCalls("other")).isEmpty();
  }

  @Test
  void serves_concurrent_requests_with_unique_timestamps() throws Exception {
    Callable<String> post =
        () -> methods.chatPostMessage(r -> r.channel("C0PUB").text("x")).getTs();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<String> timestamps = new ArrayList<>();
    try {
      for (Future<String> ts : pool.invokeAll(Collections.nCopies(32, post))) {
        timestamps.add(ts.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(timestamps).doesNotHaveDuplicates().hasSize(32);
    assertThat(slackDouble.calls("chat.postMessage")).hasSize(32);
  }

  @Test
  void clear_forgets_calls_and_scripted_failures_but_keeps_the_workspace() throws Exception {
    assertThat(methods.reactionsAdd(r -> r.channel("C0PUB").name("tada")).isOk()).isTrue();
    assertThat(slackDouble.calls("reactions.add").get(0).param("name")).isEqualTo("tada");
    slackDouble.failNextWithError("users.info", "ratelimited");

    slackDouble.clear();

    assertThat(slackDouble.calls()).isEmpty();
    assertThat(methods.usersInfo(r -> r.user("U0ADA")).isOk()).isTrue();
    assertThat(slackDouble.calls()).extracting(SlackCall::method).containsExactly("users.info");
  }

  @Test
  void stops_accepting_connections_when_closed() {
    slackDouble.close();
    slackDouble.close();

    assertThatThrownBy(() -> methods.authTest(r -> r)).isInstanceOf(IOException.class);
  }
}
