package io.drumbeat.demo;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import io.drumbeat.schedule.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The double's message store as Drumbeat reads it back: conversations.history and replies. */
class SlackDoubleHistoryTest {

  private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
  private static final String KEY = "daily-post:U1:2026-11-30:C0DIST";

  private final MovableClock clock = new MovableClock(NOW);
  private SlackDouble slackDouble;
  private Slack slack;
  private MethodsClient methods;

  @BeforeEach
  void startDouble() {
    slackDouble = SlackDouble.start(clock);
    slackDouble.addUser("U0ADA", "Ada Lovelace", "Europe/London");
    slackDouble.addChannel("C0DIST", "distributioneers", false, true);
    slackDouble.addChannel("C0OUT", "random", false, false);
    slackDouble.addChannel("G0SEC", "secret", true, false);
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

  private static Message.Metadata delivery(String key) {
    return Message.Metadata.builder()
        .eventType("drumbeat_delivery")
        .eventPayload(Map.of("key", key))
        .build();
  }

  @Test
  void a_post_with_metadata_is_found_by_history_only_when_all_metadata_is_asked_for()
      throws Exception {
    var posted =
        methods.chatPostMessage(
            r ->
                r.channel("C0DIST")
                    .text("Daily update")
                    .blocks(asBlocks(section(s -> s.text(markdownText("*Update*")))))
                    .username("Ada Lovelace")
                    .iconUrl("https://example.invalid/ada.png")
                    .metadata(delivery(KEY)));

    var withMetadata =
        methods.conversationsHistory(r -> r.channel("C0DIST").includeAllMetadata(true));
    var without = methods.conversationsHistory(r -> r.channel("C0DIST"));

    Message found = withMetadata.getMessages().get(0);
    assertThat(found.getTs()).isEqualTo(posted.getTs());
    assertThat(found.getMetadata().getEventType()).isEqualTo("drumbeat_delivery");
    assertThat(found.getMetadata().getEventPayload()).containsEntry("key", KEY);
    assertThat(found.getUser()).isEqualTo("U0BOT");
    assertThat(found.getBotId()).isEqualTo("B0BOT");
    assertThat(found.getText()).isEqualTo("Daily update");
    assertThat(found.getBlocks()).hasSize(1);
    assertThat(without.getMessages())
        .singleElement()
        .satisfies(m -> assertThat(m.getMetadata()).isNull());
    assertThat(slackDouble.messages("C0DIST"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.metadataKey()).isEqualTo(KEY);
              assertThat(m.metadataEventType()).isEqualTo("drumbeat_delivery");
              assertThat(m.blocksJson().get(0).path("text").path("text").asText())
                  .isEqualTo("*Update*");
              assertThat(m.username()).isEqualTo("Ada Lovelace");
              assertThat(m.iconUrl()).isEqualTo("https://example.invalid/ada.png");
              assertThat(m.ts()).isEqualTo(posted.getTs()).isEqualTo("1796029200.000000");
            });
  }

  @Test
  void a_post_to_a_user_id_lands_in_their_dm() throws Exception {
    var posted = methods.chatPostMessage(r -> r.channel("U0ADA").text("Reminder"));

    assertThat(posted.getChannel()).isEqualTo("D0ADA");
    assertThat(slackDouble.messages("U0ADA")).isEqualTo(slackDouble.messages("D0ADA")).hasSize(1);
    assertThat(slackDouble.messageCount("U0ADA")).isEqualTo(1);
    assertThat(methods.conversationsHistory(r -> r.channel("D0ADA")).getMessages())
        .extracting(Message::getText)
        .containsExactly("Reminder");
  }

  @Test
  void thread_replies_appear_in_replies_and_not_in_history() throws Exception {
    String parent = methods.chatPostMessage(r -> r.channel("C0DIST").text("Retro")).getTs();
    clock.tick(Duration.ofSeconds(1));
    String first =
        methods.chatPostMessage(r -> r.channel("C0DIST").threadTs(parent).text("one")).getTs();
    methods.chatPostMessage(r -> r.channel("C0DIST").threadTs(parent).text("two"));
    methods.chatPostMessage(r -> r.channel("C0DIST").text("Later top-level"));

    var history = methods.conversationsHistory(r -> r.channel("C0DIST"));
    var replies = methods.conversationsReplies(r -> r.channel("C0DIST").ts(parent));
    var fromAReply = methods.conversationsReplies(r -> r.channel("C0DIST").ts(first));

    assertThat(history.getMessages())
        .extracting(Message::getText)
        .containsExactly("Later top-level", "Retro");
    assertThat(history.getMessages().get(1).getThreadTs()).isEqualTo(parent);
    assertThat(history.getMessages().get(1).getReplyCount()).isEqualTo(2);
    assertThat(replies.getMessages())
        .extracting(Message::getText)
        .containsExactly("Retro", "one", "two");
    assertThat(replies.getMessages()).extracting(Message::getThreadTs).containsOnly(parent);
    assertThat(fromAReply.getMessages())
        .extracting(Message::getText)
        .containsExactly("Retro", "one", "two");
    assertThat(slackDouble.replies("C0DIST", parent))
        .extracting(StoredMessage::text)
        .containsExactly("one", "two");
    assertThat(slackDouble.messages("C0DIST")).hasSize(4);
    assertThat(methods.conversationsReplies(r -> r.channel("C0DIST").ts("1.000001")).getError())
        .isEqualTo("thread_not_found");
  }

  @Test
  void history_is_newest_first_within_oldest_and_latest_and_pages_by_cursor() throws Exception {
    List<String> ts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String text = "m" + i;
      ts.add(methods.chatPostMessage(r -> r.channel("C0DIST").text(text)).getTs());
      clock.tick(Duration.ofMinutes(1));
    }

    var first = methods.conversationsHistory(r -> r.channel("C0DIST").limit(2));
    String next = first.getResponseMetadata().getNextCursor();
    var second = methods.conversationsHistory(r -> r.channel("C0DIST").limit(2).cursor(next));
    var window =
        methods.conversationsHistory(r -> r.channel("C0DIST").oldest(ts.get(1)).latest(ts.get(3)));
    var inclusive =
        methods.conversationsHistory(
            r -> r.channel("C0DIST").oldest(ts.get(1)).latest(ts.get(3)).inclusive(true));
    var sinceEpochSecond =
        methods.conversationsHistory(
            r -> r.channel("C0DIST").oldest(Long.toString(NOW.plusSeconds(150).getEpochSecond())));

    assertThat(texts(first)).containsExactly("m4", "m3");
    assertThat(first.isHasMore()).isTrue();
    assertThat(texts(second)).containsExactly("m2", "m1");
    assertThat(texts(window)).containsExactly("m2");
    assertThat(texts(inclusive)).containsExactly("m3", "m2", "m1");
    assertThat(texts(sinceEpochSecond)).containsExactly("m4", "m3");
    var last =
        methods.conversationsHistory(
            r -> r.channel("C0DIST").limit(2).cursor(second.getResponseMetadata().getNextCursor()));
    assertThat(texts(last)).containsExactly("m0");
    assertThat(last.isHasMore()).isFalse();
    assertThat(last.getResponseMetadata().getNextCursor()).isEmpty();
  }

  private static List<String> texts(ConversationsHistoryResponse response) {
    assertThat(response.isOk()).as(response.getError()).isTrue();
    return response.getMessages().stream().map(Message::getText).toList();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "C0OUT, not_in_channel", // public, but the bot is not a member
    "G0SEC, channel_not_found", // private without the bot: invisible
    "C0NOPE, channel_not_found",
    "U0ADA, channel_not_found" // a user id is not a conversation id here
  })
  void history_of_a_conversation_the_bot_cannot_read_is_refused(String channel, String error)
      throws Exception {
    assertThat(methods.conversationsHistory(r -> r.channel(channel)).getError()).isEqualTo(error);
    assertThat(methods.conversationsReplies(r -> r.channel(channel).ts("1.0")).getError())
        .isEqualTo(error);
  }

  @Test
  void update_edits_the_stored_message_and_delete_removes_it() throws Exception {
    String ts =
        methods
            .chatPostMessage(r -> r.channel("C0DIST").text("v1").metadata(delivery(KEY)))
            .getTs();

    var updated =
        methods.chatUpdate(
            r ->
                r.channel("C0DIST")
                    .ts(ts)
                    .text("v2")
                    .blocks(asBlocks(section(s -> s.text(markdownText("*v2*"))))));
    var elsewhere = methods.chatUpdate(r -> r.channel("D0ADA").ts(ts).text("v3"));
    var unknown = methods.chatUpdate(r -> r.channel("C0DIST").ts("1.000001").text("v3"));

    assertThat(updated.isOk()).isTrue();
    assertThat(elsewhere.getError()).isEqualTo("message_not_found");
    assertThat(unknown.getError()).isEqualTo("message_not_found");
    assertThat(slackDouble.messages("C0DIST"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.text()).isEqualTo("v2");
              assertThat(m.blocks()).contains("*v2*");
              assertThat(m.metadataKey()).isEqualTo(KEY); // not sent with the update: kept
            });
    assertThat(methods.chatDelete(r -> r.channel("C0DIST").ts(ts)).isOk()).isTrue();
    assertThat(slackDouble.messageCount("C0DIST")).isZero();
    assertThat(methods.chatDelete(r -> r.channel("C0DIST").ts(ts)).getError())
        .isEqualTo("message_not_found");
  }

  @Test
  void malformed_metadata_or_blocks_are_refused_and_nothing_is_stored() throws Exception {
    var notJson =
        methods.chatPostMessage(r -> r.channel("C0DIST").text("x").metadataAsString("{oops"));
    var noPayload =
        methods.chatPostMessage(
            r ->
                r.channel("C0DIST")
                    .text("x")
                    .metadataAsString("{\"event_type\":\"drumbeat_delivery\"}"));
    var badBlocks =
        methods.chatPostMessage(r -> r.channel("C0DIST").text("x").blocksAsString("{}"));

    assertThat(notJson.getError()).isEqualTo("invalid_metadata_format");
    assertThat(noPayload.getError()).isEqualTo("invalid_metadata_schema");
    assertThat(badBlocks.getError()).isEqualTo("invalid_blocks_format");
    assertThat(slackDouble.messageCount("C0DIST")).isZero();
    assertThat(slackDouble.calls("chat.postMessage")).hasSize(3);
  }
}
