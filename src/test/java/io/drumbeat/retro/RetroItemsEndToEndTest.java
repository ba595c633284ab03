package io.drumbeat.retro;

import static io.drumbeat.retro.RetroEndToEndTest.addItem;
import static io.drumbeat.retro.RetroEndToEndTest.retro;
import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.store.TestDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Anonymity, named items (edit and delete) and action items, through the real endpoint. */
class RetroItemsEndToEndTest {
  TestSlackApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  /**
   * Every text cell of every table that contains {@code needle}, as "table.column": character
   * columns and {@code text} (H2 reports it as a character large object, PostgreSQL as text).
   */
  static List<String> cellsContaining(TestSlackApp t, String needle) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = t.database.dataSource().getConnection()) {
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "select table_name, column_name from information_schema.columns"
                      + " where table_schema = 'public' and (lower(data_type) like '%char%'"
                      + " or lower(data_type) = 'text')")) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] col : columns) {
        try (var ps =
            c.prepareStatement("select count(*) from " + col[0] + " where " + col[1] + " like ?")) {
          ps.setString(1, "%" + needle + "%");
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getInt(1) > 0) {
              found.add(col[0] + "." + col[1]);
            }
          }
        }
      }
    }
    return found;
  }

  /** A click on a button inside the latest modal, as Slack sends it (container type view). */
  static void clickInView(TestSlackApp t, String user, String actionId, String value) {
    var view = t.lastView();
    var payload = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    payload.put("type", "block_actions").put("trigger_id", "trigger-in-view");
    payload.putObject("user").put("id", user).put("name", user.toLowerCase(java.util.Locale.ROOT));
    payload
        .putObject("container")
        .put("type", "view")
        .put("view_id", view.path("id").asText("V0DEMO"));
    var v = payload.putObject("view");
    v.put("id", view.path("id").asText("V0DEMO")).put("hash", view.path("hash").asText("h0"));
    v.put("type", "modal").put("private_metadata", view.path("private_metadata").asText());
    v.putObject("state").putObject("values");
    payload
        .putArray("actions")
        .addObject()
        .put("type", "button")
        .put("action_id", actionId)
        .put("block_id", "b")
        .put("value", value)
        .put("action_ts", "1700000000.0001");
    t.requests.interaction(payload);
    t.settle();
  }

  /** The values of the "Edit" buttons of the "My items" modal {@code view}, in order. */
  static List<String> editValues(com.fasterxml.jackson.databind.JsonNode view) {
    List<String> values = new ArrayList<>();
    for (var block : view.path("blocks")) {
      if (MyItemsModal.EDIT.equals(block.path("accessory").path("action_id").asText())) {
        values.add(block.path("accessory").path("value").asText());
      }
    }
    return values;
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void an_anonymous_item_leaves_no_trace_of_its_author_in_any_table_or_message(TestDb db)
      throws SQLException {
    t = TestSlackApp.start(db, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42");

    addItem(t, "U0NOKR", "NOT_WELL", "Too many meetings");

    assertThat(t.database.jdbi().onDemand(RetroRepository.class).itemCount(retro(t).id())).isOne();
    assertThat(cellsContaining(t, "U0NOKR")).isEmpty();
    assertThat(t.slack.calls())
        .filteredOn(c -> c.method().startsWith("chat."))
        .allSatisfy(c -> assertThat(c.params().toString()).doesNotContain("U0NOKR"));
  }

  @Test
  void authors_of_named_items_can_edit_and_delete_their_own_while_collecting() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42 --named");
    addItem(t, "U0BBB2", "WINS", "Shipped serch");
    addItem(t, "U0BBB2", "STOP", "Friday deploys");
    RetroRepository repo = t.database.jdbi().onDemand(RetroRepository.class);
    List<RetroItem> mine = repo.itemsBy(retro(t).id(), "U0BBB2");

    t.requests.clickButton("U0BBB2", RetroAnnouncement.MY_ITEMS, "" + retro(t).id(), "C0DIST");
    t.settle();
    assertThat(t.lastView().toString()).contains("Shipped serch", "Friday deploys", "Edit");
    List<String> edits = editValues(t.lastView());
    clickInView(t, "U0BBB2", MyItemsModal.EDIT, edits.get(0));
    assertThat(t.slack.calls("views.update")).hasSize(1);
    t.submit(
        "U0BBB2",
        new FormValues()
            .select("category", "category", "WINS")
            .text("text", "text", "Shipped search"));
    t.requests.clickButton("U0BBB2", RetroAnnouncement.MY_ITEMS, "" + retro(t).id(), "C0DIST");
    t.settle();
    clickInView(t, "U0BBB2", MyItemsModal.EDIT, edits.get(1));
    t.submit(
        "U0BBB2",
        new FormValues()
            .select("category", "category", "STOP")
            .text("text", "text", "Friday deploys")
            .checkboxes("delete", "delete", "yes"));

    assertThat(repo.items(retro(t).id()))
        .containsExactly(
            new RetroItem(
                mine.get(0).id(), retro(t).id(), RetroCategory.WINS, "Shipped search", "U0BBB2"));
  }

  @Test
  void someone_elses_named_item_cannot_be_opened_for_editing() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42 --named");
    addItem(t, "U0BBB2", "WINS", "Mine");
    t.requests.clickButton("U0BBB2", RetroAnnouncement.MY_ITEMS, "" + retro(t).id(), "C0DIST");
    t.settle();
    String samsEdit = editValues(t.lastView()).get(0);
    int updates = t.slack.calls("views.update").size();

    clickInView(t, "U0CCC3", MyItemsModal.EDIT, samsEdit);

    assertThat(t.slack.calls("views.update")).hasSize(updates);
  }

  @Test
  void an_action_item_dms_its_owner_who_marks_it_done_and_open_ones_carry_to_the_next_retro() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42");

    var ack =
        t.command("U0AAA1", "/retro", "action Fix the <!here> flaky test <@U0BBB2|sam> 2026-12-01");
    t.command("U0AAA1", "/retro", "action Write the runbook <@U0CCC3>");

    assertThat(ack.body()).contains("Action item recorded for");
    List<SlackCall> dm = t.dmsTo("U0BBB2");
    assertThat(dm).hasSize(1);
    assertThat(dm.get(0).json("blocks").toString())
        .contains("Fix the &lt;!here&gt; flaky test", "Due 2026-12-01", "Mark done")
        .doesNotContain("<!here>");
    ActionRepository actions = t.database.jdbi().onDemand(ActionRepository.class);
    long runbook = actions.ofRetro(retro(t).id()).get(1).id();
    t.requests.clickButton("U0CCC3", ActionItems.DONE, "" + runbook, "DCCC3");
    t.settle();
    assertThat(actions.find(runbook).orElseThrow().isOpen()).isFalse();

    t.database.jdbi().onDemand(RetroRepository.class).close(retro(t).id(), t.clock.instant());
    t.command("U0AAA1", "/retro", "start Sprint 43");

    String next = t.postsTo("C0DIST").get(t.postsTo("C0DIST").size() - 1).param("blocks");
    assertThat(next)
        .contains("Open action items from earlier retros", "Fix the")
        .doesNotContain("runbook");
  }

  @Test
  void the_add_action_modal_records_an_item_and_refuses_a_past_due_date() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42");
    t.requests.clickButton("U0AAA1", RetroAnnouncement.ADD_ACTION, "" + retro(t).id(), "C0DIST");
    t.settle();

    var past =
        t.submit(
            "U0AAA1",
            new FormValues()
                .text("text", "text", "Automate it")
                .user("owner", "owner", "U0BBB2")
                .date("due", "due", "2026-11-01"));
    var ok =
        t.submit(
            "U0AAA1",
            new FormValues()
                .text("text", "text", "Automate it")
                .user("owner", "owner", "U0BBB2")
                .date("due", "due", "2026-11-30"));

    assertThat(past.body()).contains("in the past");
    assertThat(ok.body()).doesNotContain("errors");
    assertThat(t.database.jdbi().onDemand(ActionRepository.class).ofRetro(retro(t).id()))
        .extracting(ActionItem::owner)
        .containsExactly("U0BBB2");
    assertThat(t.dmsTo("U0BBB2")).hasSize(1);
  }

  @Test
  void action_command_without_an_owner_explains_the_usage() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42");

    assertThat(t.command("U0AAA1", "/retro", "action Fix it").body())
        .contains("Name the owner with an @mention", "/retro action TEXT @owner");
  }
}
