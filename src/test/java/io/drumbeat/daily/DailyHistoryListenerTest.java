package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.slack.Background;
import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page buttons: ack, then the ephemeral message replaced through the response_url. */
class DailyHistoryListenerTest {
  static final LocalDate TO = LocalDate.parse("2026-11-20");
  static final HistoryQuery YEAR = new HistoryQuery("U0AAA1", TO.minusDays(365), TO);

  static BlockActionRequest click(String responseUrl, String actionId, String value) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode payload = json.createObjectNode().put("type", "block_actions");
    payload.putObject("user").put("id", "U0CALLER");
    payload.put("response_url", responseUrl);
    payload
        .putArray("actions")
        .addObject()
        .put("type", "button")
        .put("action_id", actionId)
        .put("value", value);
    return new BlockActionRequest("payload=", payload.toString(), new RequestHeaders(Map.of()));
  }

  @Test
  void a_page_button_is_acked_and_replaces_the_message_with_that_page() throws Exception {
    try (Database db = TestDb.H2.open();
        SlackDouble slack = SlackDouble.start();
        Background background = new Background(1)) {
      DailyRepository repo = db.jdbi().onDemand(DailyRepository.class);
      for (int i = 0; i < 120; i++) {
        repo.save(
            new DailyUpdate(
                "U0AAA1",
                TO.minusDays(i),
                "day " + i,
                null,
                null,
                Instant.parse("2026-11-20T22:00:00Z")));
      }
      BlockActionRequest req =
          click(
              slack.responseUrl("h1"),
              DailyHistory.ACTION_ID + "_older",
              new DailyHistory.PageRef(YEAR, 2).encode());
      ActionContext ctx = req.getContext();
      ctx.setSlack(Slack.getInstance());

      Response ack = new DailyHistoryListener(db.jdbi(), background).onPage(req, ctx);

      assertThat(ack.getStatusCode()).isEqualTo(200);
      assertThat(background.awaitIdle(Duration.ofSeconds(20))).isTrue();
      SlackCall call = slack.responseUrlCalls("h1").get(0);
      assertThat(call.param("replace_original")).isEqualTo("true");
      assertThat(call.param("response_type")).isEqualTo("ephemeral");
      assertThat(call.param("text")).isEqualTo("Daily updates");
      List<LayoutBlock> expected =
          DailyHistory.page(YEAR, repo.history("U0AAA1", YEAR.from(), YEAR.to()), 2);
      assertThat(JsonParser.parseString(call.param("blocks")))
          .isEqualTo(GsonFactory.createSnakeCase().toJsonTree(expected));
      assertThat(call.param("blocks")).contains("(page 2 of 3)", "day 48");
    }
  }
}
