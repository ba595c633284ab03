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
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Followups;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.delivery.OutboxRow;
import io.drumbeat.delivery.Via;
import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.junit.jupiter.api.Test;

/**
 * The page buttons: ack, with the reply replacing the ephemeral message recorded in the outbox. The
 * author pages through their own history here; who else may is {@link HistoryAccessTest}'s and
 * {@link DailyHistoryAccessEndToEndTest}'s.
 */
class DailyHistoryListenerTest {
  static final LocalDate TO = LocalDate.parse("2026-11-20");
  static final HistoryQuery YEAR = new HistoryQuery("U0AAA1", TO.minusDays(365), TO);

  static BlockActionRequest click(String responseUrl, String actionId, String value) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode payload = json.createObjectNode().put("type", "block_actions");
    payload.putObject("user").put("id", "U0AAA1");
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
  void a_page_button_is_acked_and_records_a_reply_replacing_the_message_with_that_page() {
    try (Database db = TestDb.H2.open()) {
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
              "https://hooks.slack.invalid/h1",
              DailyHistory.ACTION_ID + "_older",
              new DailyHistory.PageRef(YEAR, 2).encode());
      ActionContext ctx = req.getContext();
      ctx.setSlack(Slack.getInstance());

      Outbox outbox = new Outbox(Clock.systemUTC());
      DailyRoster roster =
          HistoryAccessTest.listed(
              db.jdbi(), List.of(HistoryAccessTest.team(0, "distribution", "C0DIST", "U0AAA1")));
      HistoryAccess access = new HistoryAccess(db.jdbi(), roster, id -> false);
      Response ack =
          new DailyHistoryListener(access, new Followups(db.jdbi(), outbox)).onPage(req, ctx);

      assertThat(ack.getStatusCode()).isEqualTo(200);
      List<OutboxRow> replies =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select * from outbox")
                          .map(ConstructorMapper.of(OutboxRow.class))
                          .list());
      assertThat(replies)
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row.via()).isEqualTo(Via.RESPOND);
                assertThat(row.channel()).isEqualTo("https://hooks.slack.invalid/h1");
                Content content = Content.fromJson(row.payload());
                assertThat(content.replaceOriginal()).isTrue();
                assertThat(content.text()).isEqualTo("Daily updates");
                List<LayoutBlock> expected =
                    DailyHistory.page(YEAR, repo.history("U0AAA1", YEAR.from(), YEAR.to()), 2);
                assertThat(JsonParser.parseString(content.blocks()))
                    .isEqualTo(GsonFactory.createSnakeCase().toJsonTree(expected));
                assertThat(content.blocks()).contains("(page 2 of 3)", "day 48");
              });
    }
  }
}
