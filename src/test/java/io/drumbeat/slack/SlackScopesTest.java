package io.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.okr.OkrFeature;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Web API methods Drumbeat calls are exactly those in {@link SlackScopes#BY_METHOD}, whose
 * scopes {@code manifest.yml} declares (checked by ManifestTest): nothing undeclared, nothing
 * declared for nothing.
 */
class SlackScopesTest {
  /**
   * Called only to find a thread reply whose answer was lost (the outbox's reconciliation; see
   * {@code io.drumbeat.delivery.OutboxFaultsTest}), which this scenario does not stage.
   */
  static final Set<String> ONLY_WHEN_A_THREAD_REPLY_IS_LOST = Set.of("conversations.replies");

  @Test
  void every_feature_together_calls_exactly_the_methods_the_scope_table_lists() {
    ZonedDateTime monday =
        ZonedDateTime.of(2026, 11, 16, 9, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
    String config = TestSlackApp.CONFIG.replace("\"#vp-sync\"", "C0VPSYNC");
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, monday, config, TestSlackApp.OKRS)) {
      // A first DM's answer is lost: it is looked for in the DM before it is sent again
      // (conversations.open finds the DM, conversations.history reads it).
      t.slack.failNext("chat.postMessage", 503, java.util.Map.of(), "");
      t.command("U0ADMIN1", "/drumbeat", "remind okr now");
      t.deliverAll();
      t.command("U0BBB2", "/okr-update", "");
      var select =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .createObjectNode()
              .put("type", "block_actions");
      select.putObject("user").put("id", "U0BBB2");
      select
          .putObject("view")
          .put("id", "V1")
          .put("hash", "h1")
          .put("type", "modal")
          .put("private_metadata", t.lastView().path("private_metadata").asText());
      select
          .putArray("actions")
          .addObject()
          .put("type", "static_select")
          .put("action_id", OkrFeature.KR_SELECT)
          .put("block_id", "kr")
          .putObject("selected_option")
          .put("value", "KR1.2");
      t.requests.interaction(select);
      t.settle();
      t.submit("U0BBB2", TestSlackApp.checkIn("KR1.2", "ON_TRACK", "70", "7"));
      t.command("U0BBB2", "/okr-update", "");
      t.submit("U0BBB2", TestSlackApp.checkIn("KR1.2", "ON_TRACK", "72", "7"));
      t.advanceTo(monday.plusDays(5), Duration.ofHours(2));
      t.requests.clickButton("U0CCC3", OkrFeature.UPDATE_NOW, "2026-W47", "D0CCC3");
      t.settle();
      // The digest's answer is lost in a public channel the app is not in: it joins to read it.
      t.slack.failNext("chat.postMessage", 503, java.util.Map.of(), "");
      t.command("U0ADMIN1", "/drumbeat", "digest now");
      t.deliverAll();

      Set<String> called =
          t.slack.calls().stream()
              .map(SlackCall::method)
              .filter(
                  m -> !m.equals(SlackDouble.RESPONSE_URL) && !m.equals(SlackDouble.FILE_UPLOAD))
              .collect(Collectors.toCollection(TreeSet::new));
      called.addAll(ONLY_WHEN_A_THREAD_REPLY_IS_LOST);
      assertThat(called).isEqualTo(new TreeSet<>(SlackScopes.BY_METHOD.keySet()));
    }
  }
}
