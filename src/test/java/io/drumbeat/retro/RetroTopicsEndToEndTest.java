package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Suggested retro topics from the OKRs (at risk, confidence fell, no check-in for two weeks), Add
 * as item, and action items linked to a KR that its next digest line shows.
 */
class RetroTopicsEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime W46 = ZonedDateTime.of(2026, 11, 9, 9, 0, 0, 0, LA);
  static final ZonedDateTime W49 = ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, LA);

  private TestSlackApp t;

  @BeforeEach
  void twoWeeksOfCheckIns() {
    t = TestSlackApp.start(TestDb.H2, W46);
    checkIn("U0AAA1", "KR1.1", "ON_TRACK", "1000", "8");
    checkIn("U0BBB2", "KR1.2", "AT_RISK", "50", "6");
    checkIn("U0BBB2", "KR2.1", "ON_TRACK", "10", "9");
    t.advanceTo(W46.plusWeeks(1), Duration.ofHours(12));
    checkIn("U0AAA1", "KR1.1", "ON_TRACK", "900", "5");
    checkIn("U0BBB2", "KR1.2", "AT_RISK", "55", "6");
    t.advanceTo(W49, Duration.ofHours(12));
  }

  @AfterEach
  void close() {
    t.close();
  }

  private void checkIn(String owner, String kr, String status, String value, String confidence) {
    t.command(owner, "/okr-update", "");
    t.submit(owner, TestSlackApp.checkIn(kr, status, value, confidence));
  }

  private String suggestions() {
    List<SlackCall> replies = t.slack.calls(SlackDouble.RESPONSE_URL);
    return replies.stream()
        .map(c -> c.param("blocks"))
        .filter(b -> b != null && b.contains("Suggested topics"))
        .findFirst()
        .orElse("");
  }

  @Test
  void the_facilitator_gets_suggested_topics_for_each_reason_naming_it() {
    t.command("U0AAA1", "/retro", "start Q4 review --okrs FY2027-Q4");

    assertThat(suggestions())
        .contains("*KR1.2* Searches on the new index", "at risk for 2 weeks")
        .contains("*KR1.1* p99 latency under 500 ms", "confidence fell from 8 to 5")
        .contains("*KR2.1* Self-serve upgrades", "no check-in since 2026-W46")
        .contains("*KR2.2* Upgrade guide for every version", "no check-in this quarter")
        .contains("Add as item", TopicSuggestions.ADD);
  }

  @Test
  void add_as_item_adds_an_ordinary_anonymous_item_once_and_only_for_the_facilitator() {
    t.command("U0AAA1", "/retro", "start Q4 review --okrs FY2027-Q4");
    long id = RetroScenes.retroIn(t, "C0DIST").id();

    t.requests.clickButton("U0BBB2", TopicSuggestions.ADD, id + ":KR1.2", "C0DIST");
    t.settle();
    assertThat(RetroScenes.lastReply(t)).contains("Only the retro's facilitator or an admin");
    t.requests.clickButton("U0AAA1", TopicSuggestions.ADD, id + ":KR1.2", "C0DIST");
    t.settle();
    t.requests.clickButton("U0AAA1", TopicSuggestions.ADD, id + ":KR1.2", "C0DIST");
    t.settle();

    List<RetroItem> items = t.database.jdbi().onDemand(RetroRepository.class).items(id);
    assertThat(items)
        .extracting(RetroItem::text)
        .containsExactly("KR: KR1.2 Searches on the new index — at risk for 2 weeks");
    assertThat(items.get(0).author()).isNull();
    assertThat(RetroScenes.lastReply(t)).contains("Already an item");
  }

  @Test
  void a_retro_outside_the_okr_channels_without_okrs_gets_no_suggestions() {
    t.command("U0AAA1", "/retro", "start Sprint 42");
    assertThat(suggestions()).isEmpty();
  }

  @Test
  void an_action_item_linked_to_a_kr_shows_under_that_kr_in_the_next_digest() {
    t.command("U0AAA1", "/retro", "start Q4 review --okrs FY2027-Q4");
    t.command("U0AAA1", "/retro", "vote");
    t.command("U0AAA1", "/retro", "discuss");
    long id = RetroScenes.retroIn(t, "C0DIST").id();
    t.requests.clickButton("U0AAA1", RetroAnnouncement.ADD_ACTION, "" + id, "C0DIST");
    t.settle();
    assertThat(t.lastView().toString()).contains("Key result (optional)", "KR1.2 Searches");
    t.submit(
        "U0AAA1",
        RetroScenes.action("Re-index <the> shards", "U0BBB2").select("kr", "kr", "KR1.2"));

    t.command("U0ADMIN1", "/drumbeat", "digest now");
    t.deliverAll();

    List<SlackCall> digests = t.postsTo("C0VPSYNC");
    String digest = digests.get(digests.size() - 1).json("blocks").toString();
    assertThat(digest).contains("Open actions", "Re-index &lt;the&gt; shards");
    int kr12 = digest.indexOf("Searches on the new index");
    int kr21 = digest.indexOf("Self-serve upgrades");
    int action = digest.indexOf("Re-index &lt;the&gt; shards");
    assertThat(action).isBetween(kr12, kr21);
  }
}
