package io.drumbeat.retro;

import static io.drumbeat.retro.RetroEndToEndTest.retro;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.store.TestDb;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /retro} text as Slack sends it ({@code should_escape}: {@code &}, {@code <}, {@code >}
 * arrive as entities): stored as typed, shown escaped exactly once, pinging nobody.
 */
class RetroCommandTextEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  TestSlackApp t;

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  /** Every parameter of every Web API call, with JSON values read back (Gson writes \u0026). */
  static String everythingSent(TestSlackApp t) {
    StringBuilder all = new StringBuilder();
    for (SlackCall call : t.slack.calls()) {
      call.params().forEach((k, v) -> all.append(k).append('=').append(readable(v)).append('\n'));
    }
    return all.toString();
  }

  static String readable(String value) {
    try {
      JsonNode json = JSON.readTree(value);
      return json.isContainerNode() ? json.toString() : value;
    } catch (IOException e) {
      return value;
    }
  }

  /** Every mrkdwn text sent: the {@code text} parameters and each mrkdwn text object. */
  static List<String> mrkdwnSent(TestSlackApp t) {
    List<String> texts = new ArrayList<>();
    for (SlackCall call : t.slack.calls()) {
      call.params()
          .forEach(
              (name, value) -> {
                if (name.equals("text")) {
                  texts.add(value);
                } else if (value.startsWith("[") || value.startsWith("{")) {
                  readTree(value).findParents("type").stream()
                      .filter(n -> n.path("type").asText().equals("mrkdwn"))
                      .forEach(n -> texts.add(n.path("text").asText()));
                }
              });
    }
    return texts;
  }

  static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  static String ackText(HttpResponse<String> ack) {
    return readable(ack.body());
  }

  @Test
  void an_ampersand_in_the_title_is_stored_as_typed_and_escaped_once_in_mrkdwn() {
    var ack = t.command("U0AAA1", "/retro", "start R&D sync");

    assertThat(retro(t).title()).isEqualTo("R&D sync");
    SlackCall announcement = t.postsTo("C0DIST").get(0);
    assertThat(announcement.param("text")).startsWith("Retro: R&amp;D sync (");
    assertThat(announcement.json("blocks").get(0).path("text").path("text").asText())
        .as("a plain_text header shows the title as typed")
        .isEqualTo("Retro: R&D sync");
    assertThat(ackText(ack)).contains("*R&amp;D sync*");
    assertThat(everythingSent(t) + ackText(ack)).doesNotContain("&amp;amp;");
  }

  @Test
  void an_action_item_is_recorded_as_typed_and_escaped_once_in_the_dm() {
    t.command("U0AAA1", "/retro", "start Sprint 42");

    var ack = t.command("U0AAA1", "/retro", "action Fix <this> & that <@U0BBB2|sam>");

    assertThat(ackText(ack)).contains("Action item recorded for <@U0BBB2>");
    ActionItem action =
        t.database.jdbi().onDemand(ActionRepository.class).ofRetro(retro(t).id()).get(0);
    assertThat(action.text()).isEqualTo("Fix <this> & that");
    assertThat(action.owner()).isEqualTo("U0BBB2");
    SlackCall dm = t.dmsTo("U0BBB2").get(0);
    assertThat(dm.json("blocks").toString()).contains(">Fix &lt;this&gt; &amp; that");
    assertThat(everythingSent(t)).doesNotContain("&amp;lt;", "&amp;amp;", "<this>");
  }

  @Test
  void a_title_typed_as_channel_mention_syntax_pings_nobody() {
    var ack = t.command("U0AAA1", "/retro", "start <!channel>");

    assertThat(retro(t).title()).isEqualTo("<!channel>");
    SlackCall announcement = t.postsTo("C0DIST").get(0);
    assertThat(announcement.param("text")).startsWith("Retro: &lt;!channel&gt; (");
    assertThat(announcement.json("blocks").get(0).path("text").path("text").asText())
        .as("plain_text, where Slack parses no mentions, shows the title as typed")
        .isEqualTo("Retro: <!channel>");
    assertThat(mrkdwnSent(t)).noneMatch(text -> text.contains("<!channel>"));
    assertThat(ackText(ack)).contains("*&lt;!channel&gt;*").doesNotContain("<!channel>");
    assertThat(everythingSent(t)).doesNotContain("&amp;lt;");
  }

  @Test
  void an_at_channel_in_the_title_is_plain_text_that_pings_nobody() {
    t.requests.commandAsSent("U0AAA1", "/retro", "start <!channel> news", "C0DIST");
    t.settle();

    assertThat(retro(t).title()).isEqualTo("@channel news");
    assertThat(t.postsTo("C0DIST").get(0).param("text")).startsWith("Retro: @channel news (");
    assertThat(everythingSent(t)).doesNotContain("<!channel>");
    assertThat(mrkdwnSent(t)).anyMatch(text -> text.contains("@channel news"));
  }

  @Test
  void words_quoted_back_in_errors_are_escaped_once() {
    assertThat(ackText(t.command("U0AAA1", "/retro", "R&D"))).contains("I don't know `r&amp;d`");
    assertThat(ackText(t.command("U0AAA1", "/retro", "start X --R&D")))
        .contains("I don't know the option `--R&amp;D`");
    assertThat(ackText(t.command("U0AAA1", "/retro", "start X --votes <5>")))
        .contains("not `&lt;5&gt;`");
    assertThat(ackText(t.command("U0AAA1", "/retro", "start X --okrs Q&A")))
        .contains("not `Q&amp;A`");
    assertThat(t.postsTo("C0DIST")).isEmpty();
  }

  @Test
  void the_channel_option_and_the_owner_are_still_read_from_slacks_tokens() {
    t.slack.addMember("C0PAYMENTS", "U0AAA1");

    t.command("U0AAA1", "/retro", "start Q&A --channel <#C0PAYMENTS|payments>");
    t.runDue(); // the membership check after the ack
    List<SlackCall> posts = t.postsTo("C0PAYMENTS");

    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).param("text")).startsWith("Retro: Q&amp;A (");
  }
}
