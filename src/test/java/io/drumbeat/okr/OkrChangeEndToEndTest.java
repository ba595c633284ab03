package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drumbeat.DrumbeatException;
import io.drumbeat.TestSlackApp;
import io.drumbeat.config.ConfigLoader;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.store.TestDb;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A mid-quarter change to the current quarter's KRs waits for an approver's sign-off in Slack
 * (handbook {@code recurring-processes.md}). On 2026-11-16, FY2027-Q4 is current.
 */
class OkrChangeEndToEndTest {
  static final ZonedDateTime MONDAY =
      ZonedDateTime.of(2026, 11, 16, 9, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  static final String CONFIG = TestSlackApp.CONFIG + "  approvers: [U0ADMIN1, U0NOKR]\n";

  /** KR1.1's target 500 → 400, KR2.2 to U0BBB2, a new KR2.3, KR1.2 retitled. */
  static final String CHANGED =
      TestSlackApp.OKRS
              .replace("start: 1200, target: 500", "start: 1200, target: 400")
              .replace(
                  "Upgrade guide for every version, owner: U0CCC3",
                  "Upgrade guide for every version, owner: U0BBB2")
              .replace("Searches on the new index", "Searches served by the new index")
          + "      - {key: KR2.3, title: Upgrades <b>&</b> rollbacks, owner: U0CCC3, target: 5}\n";

  static OkrChanges changes(TestSlackApp t, String config) {
    DrumbeatConfig c = new ConfigLoader().parse(config, "drumbeat.yml");
    return new OkrChanges(t.database.jdbi(), new Outbox(t.clock), t.clock, c);
  }

  static KeyResult kr(TestSlackApp t, String key) {
    return t.database
        .jdbi()
        .onDemand(OkrRepository.class)
        .keyResult("FY2027-Q4", key)
        .orElseThrow();
  }

  static String text(SlackCall call) {
    return call.param("text") + " " + call.json("blocks");
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void an_approved_change_applies_with_its_diff_and_keeps_the_check_ins(TestDb db) {
    try (TestSlackApp t = TestSlackApp.start(db, MONDAY, CONFIG, TestSlackApp.OKRS)) {
      t.command("U0AAA1", "/okr-update", "");
      t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "ON_TRACK", "700", "7"));

      OkrChanges.Outcome proposed =
          changes(t, CONFIG).importText(CHANGED, "okrs.yml", Optional.of("U0BBB2"), false);
      t.settle();

      assertThat(proposed.kind()).isEqualTo(OkrChanges.Kind.PROPOSED);
      assertThat(proposed.diffText())
          .isEqualTo(
              "~ KR1.1 \"p99 latency under 500 ms\": target: 500 -> 400\n"
                  + "~ KR2.2 \"Upgrade guide for every version\": owner: U0CCC3 -> U0BBB2\n"
                  + "+ KR2.3 \"Upgrades <b>&</b> rollbacks\": owner: — -> U0CCC3; target: — -> 5");
      assertThat(kr(t, "KR1.2").title()).isEqualTo("Searches served by the new index");
      assertThat(kr(t, "KR1.1").targetValue()).isEqualByComparingTo("500");
      List<SlackCall> asked = t.dmsTo("U0ADMIN1");
      assertThat(asked).hasSize(1);
      assertThat(text(asked.get(0)))
          .contains(
              "imported by <@U0BBB2>",
              "target: 500 → *400*",
              "owner: <@U0CCC3> → *<@U0BBB2>*",
              "Upgrades &lt;b&gt;&amp;&lt;/b&gt; rollbacks",
              ChangeMessages.APPROVE,
              ChangeMessages.REJECT);
      assertThat(t.dmsTo("U0NOKR")).hasSize(1);

      String id = Long.toString(proposed.changeId());
      t.requests.clickButton("U0AAA1", ChangeMessages.APPROVE, id, "DU0AAA1");
      t.settle();
      assertThat(kr(t, "KR1.1").targetValue()).isEqualByComparingTo("500");
      assertThat(t.slack.calls(SlackDouble.RESPONSE_URL))
          .last()
          .satisfies(c -> assertThat(c.param("text")).contains("Only the OKR approvers"));

      t.requests.clickButton("U0ADMIN1", ChangeMessages.APPROVE, id, "DADMIN1");
      t.deliverAll();

      assertThat(kr(t, "KR1.1").targetValue()).isEqualByComparingTo(new BigDecimal("400"));
      assertThat(kr(t, "KR2.2").ownerId()).isEqualTo("U0BBB2");
      assertThat(kr(t, "KR2.3").title()).isEqualTo("Upgrades <b>&</b> rollbacks");
      assertThat(t.database.jdbi().onDemand(OkrRepository.class).history("FY2027-Q4", "KR1.1"))
          .singleElement()
          .satisfies(c -> assertThat(c.currentValue()).isEqualByComparingTo("700"));
      assertThat(t.postsTo("C0OKRS").stream().map(OkrChangeEndToEndTest::text))
          .anySatisfy(s -> assertThat(s).contains("<@U0ADMIN1> *approved*", "target: 500 → *400*"));
      assertThat(t.dmsTo("U0BBB2").stream().map(OkrChangeEndToEndTest::text))
          .anySatisfy(s -> assertThat(s).contains("*approved*"));
      assertThat(t.dmsTo("U0NOKR")).hasSize(2);

      t.requests.clickButton("U0NOKR", ChangeMessages.REJECT, id, "DNOKR");
      t.settle();
      assertThat(t.slack.calls(SlackDouble.RESPONSE_URL))
          .last()
          .satisfies(c -> assertThat(c.param("text")).contains("already approved by <@U0ADMIN1>"));
      assertThat(kr(t, "KR1.1").targetValue()).isEqualByComparingTo(new BigDecimal("400"));
    }
  }

  @Test
  void a_rejected_change_changes_nothing_and_the_importer_and_channel_are_told() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY, CONFIG, TestSlackApp.OKRS)) {
      OkrChanges.Outcome proposed =
          changes(t, CONFIG).importText(CHANGED, "okrs.yml", Optional.of("U0BBB2"), false);
      t.settle();

      t.requests.clickButton(
          "U0NOKR", ChangeMessages.REJECT, Long.toString(proposed.changeId()), "DNOKR");
      t.deliverAll();

      assertThat(kr(t, "KR1.1").targetValue()).isEqualByComparingTo("500");
      assertThat(kr(t, "KR2.2").ownerId()).isEqualTo("U0CCC3");
      assertThat(t.database.jdbi().onDemand(OkrRepository.class).keyResult("FY2027-Q4", "KR2.3"))
          .isEmpty();
      assertThat(t.postsTo("C0OKRS").stream().map(OkrChangeEndToEndTest::text))
          .anySatisfy(s -> assertThat(s).contains("<@U0NOKR> *rejected*", "Nothing changed"));
      assertThat(t.dmsTo("U0BBB2").stream().map(OkrChangeEndToEndTest::text))
          .anySatisfy(s -> assertThat(s).contains("*rejected*"));
      assertThat(t.slack.calls(SlackDouble.RESPONSE_URL))
          .last()
          .satisfies(c -> assertThat(c.param("replace_original")).isEqualTo("true"));
    }
  }

  @Test
  void a_dry_run_prints_the_diff_and_changes_nothing() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY, CONFIG, TestSlackApp.OKRS)) {
      OkrChanges.Outcome dry =
          changes(t, CONFIG).importText(CHANGED, "okrs.yml", Optional.empty(), true);
      t.settle();

      assertThat(dry.kind()).isEqualTo(OkrChanges.Kind.DRY_RUN);
      assertThat(dry.needsSignOff()).isTrue();
      assertThat(dry.diff()).hasSize(3);
      assertThat(kr(t, "KR1.2").title()).isEqualTo("Searches on the new index");
      assertThat(t.dmsTo("U0ADMIN1")).isEmpty();
    }
  }

  @Test
  void titles_other_quarters_and_a_first_import_apply_at_once() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY, CONFIG, TestSlackApp.OKRS)) {
      OkrChanges changes = changes(t, CONFIG);
      String retitled = TestSlackApp.OKRS.replace("Search is fast", "Search is very fast");
      String next = CHANGED.replace("FY2027-Q4", "FY2028-Q1");

      assertThat(changes.importText(retitled, "a.yml", Optional.empty(), false).kind())
          .isEqualTo(OkrChanges.Kind.APPLIED);
      assertThat(changes.importText(next, "b.yml", Optional.empty(), false).kind())
          .isEqualTo(OkrChanges.Kind.APPLIED);
      assertThat(changes.importText(next, "b.yml", Optional.empty(), false).diff()).isEmpty();
      t.settle();

      assertThat(t.database.jdbi().onDemand(OkrRepository.class).objectives("FY2027-Q4"))
          .first()
          .satisfies(o -> assertThat(o.title()).isEqualTo("Search is very fast"));
      assertThat(t.dmsTo("U0ADMIN1")).isEmpty();
    }
  }

  @Test
  void a_later_import_supersedes_a_pending_change_and_without_approvers_nothing_is_proposed() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY, CONFIG, TestSlackApp.OKRS)) {
      OkrChanges changes = changes(t, CONFIG);
      long first = changes.importText(CHANGED, "a.yml", Optional.empty(), false).changeId();
      changes.importText(CHANGED, "a.yml", Optional.empty(), false);
      t.settle();

      t.requests.clickButton("U0ADMIN1", ChangeMessages.APPROVE, Long.toString(first), "DADMIN1");
      t.settle();

      assertThat(t.slack.calls(SlackDouble.RESPONSE_URL))
          .last()
          .satisfies(c -> assertThat(c.param("text")).contains("replaced by a later import"));
      assertThat(kr(t, "KR1.1").targetValue()).isEqualByComparingTo("500");
      String noAdmins = TestSlackApp.CONFIG.replace("admins: [U0ADMIN1]\n", "");
      assertThatThrownBy(
              () -> changes(t, noAdmins).importText(CHANGED, "a.yml", Optional.empty(), false))
          .isInstanceOf(DrumbeatException.class)
          .hasMessageContaining("a.yml: this changes the key results of the current quarter")
          .hasMessageContaining("okr.approvers");
    }
  }
}
