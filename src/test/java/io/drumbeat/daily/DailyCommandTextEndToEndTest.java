package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drumbeat.TestSlackApp;
import io.drumbeat.store.TestDb;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /daily-update} text as Slack sends it ({@code should_escape}: {@code &}, {@code <}, {@code
 * >} arrive as entities, mentions as {@code <@U…|name>}): read once, quoted back escaped once.
 */
class DailyCommandTextEndToEndTest {
  TestSlackApp t;

  @BeforeEach
  void start() {
    t =
        TestSlackApp.start(
            TestDb.H2, DailyEndToEndTest.MONDAY_EARLY.withHour(9), TestSlackApp.DAILY_CONFIG, null);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  String reply(String text) throws IOException {
    String body = t.command("U0AAA1", "/daily-update", text).body();
    return new ObjectMapper().readTree(body).path("text").asText()
        + new ObjectMapper().readTree(body).path("blocks").toString();
  }

  @Test
  void words_quoted_back_in_errors_are_escaped_once() throws IOException {
    assertThat(reply("R&D")).contains("I don't know `r&amp;d`").doesNotContain("&amp;amp;");
    assertThat(reply("history R&D"))
        .contains("I don't understand `R&amp;D`")
        .doesNotContain("&amp;amp;");
    assertThat(reply("history <2026-11-01>"))
        .contains("I don't understand `&lt;2026-11-01&gt;`")
        .doesNotContain("&amp;lt;");
    assertThat(reply("ooo R&D 2026-12-01"))
        .contains("\"R&amp;D\" is not a date")
        .doesNotContain("&amp;amp;");
  }

  @Test
  void history_still_reads_the_member_from_slacks_mention_token() throws IOException {
    DailyRepository repo = t.database.jdbi().onDemand(DailyRepository.class);
    LocalDate friday = LocalDate.parse("2026-11-20");
    repo.save(
        new DailyUpdate(
            "U0BBB2",
            friday,
            "Fixed R&D <build>",
            null,
            null,
            Instant.parse("2026-11-20T22:00:00Z")));
    // posted in the team's public channel, so a teammate may read it
    repo.insertPost(new DailyPost("U0BBB2", friday, "distribution", "C0DIST", "1700000000.000100"));

    String reply = reply("history <@U0BBB2|sam> 2026-11-16");

    assertThat(reply)
        .contains("Daily updates of <@U0BBB2> from 2026-11-16 to 2026-11-23")
        .contains("Fixed R&amp;D &lt;build&gt;");
  }
}
