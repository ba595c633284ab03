package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.Mrkdwn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestRendererTest {
  static final Quarter Q = Quarter.parse("FY2027-Q4");
  static final IsoWeek WEEK = IsoWeek.parse("2026-W47");
  static final Gson GSON = GsonFactory.createSnakeCase();
  static final ObjectMapper JSON = new ObjectMapper();

  static KeyResult kr(String key, String title, String owner) {
    return new KeyResult(
        Q.toString(), key, "O1", title, owner, null, new BigDecimal("50"), "ms", 0);
  }

  static CheckIn checkIn(String key, String week, CheckInStatus status, String value, String note) {
    return new CheckIn(
        Q.toString(),
        key,
        week,
        status,
        value == null ? null : new BigDecimal(value),
        7,
        note,
        "U0AAA1",
        Instant.parse("2026-11-20T22:00:00Z"),
        null,
        null);
  }

  static Digest.Section section(String key, String title, Digest.Row... rows) {
    return new Digest.Section(new Objective(Q.toString(), key, title, 0), List.of(rows));
  }

  /** Each message's blocks as Slack receives them (Gson), read back with Jackson. */
  static List<List<JsonNode>> parsed(List<List<LayoutBlock>> messages) throws Exception {
    List<List<JsonNode>> result = new ArrayList<>();
    for (List<LayoutBlock> message : messages) {
      List<JsonNode> blocks = new ArrayList<>();
      JSON.readTree(GSON.toJson(message)).forEach(blocks::add);
      result.add(blocks);
    }
    return result;
  }

  /** Every text of a block: a header's or section's text, a context's elements. */
  static List<String> texts(JsonNode block) {
    List<String> texts = new ArrayList<>();
    if (block.has("text")) {
      texts.add(block.path("text").path("text").asText());
    }
    block.path("elements").forEach(e -> texts.add(e.path("text").asText()));
    return texts;
  }

  static List<String> allTexts(List<List<LayoutBlock>> messages) throws Exception {
    return parsed(messages).stream().flatMap(List::stream).flatMap(b -> texts(b).stream()).toList();
  }

  @Test
  void a_digest_without_key_results_is_one_valid_message() throws Exception {
    List<List<LayoutBlock>> messages = DigestRenderer.render(new Digest(Q, WEEK, List.of()));

    assertThat(messages).hasSize(1);
    List<JsonNode> blocks = parsed(messages).get(0);
    assertThat(blocks)
        .extracting(b -> b.path("type").asText())
        .containsExactly("header", "section", "section");
    assertThat(texts(blocks.get(0))).containsExactly("OKR digest · FY2027-Q4 · 2026-W47");
    assertThat(texts(blocks.get(1)))
        .containsExactly(
            "*0 key results* · :large_green_circle: On track 0 · :large_yellow_circle: At risk 0"
                + " · :red_circle: Off track 0 · :white_check_mark: Done 0"
                + " · :grey_question: No update 0");
    assertThat(texts(blocks.get(2)).get(0)).startsWith("No key results for FY2027-Q4 yet.");
  }

  /** A row of {@code key} with this week's check-in in {@code status}, or none for null. */
  static Digest.Row row(String key, CheckInStatus status) {
    CheckIn thisWeek = status == null ? null : checkIn(key, "2026-W47", status, "1", null);
    return new Digest.Row(kr(key, "a", "U1A"), thisWeek, null);
  }

  @Test
  void totals_count_each_status_and_the_key_results_without_an_update() throws Exception {
    Digest digest =
        new Digest(
            Q,
            WEEK,
            List.of(
                section(
                    "O1",
                    "Fast",
                    row("K1", CheckInStatus.ON_TRACK),
                    row("K2", CheckInStatus.ON_TRACK),
                    row("K3", null)),
                section(
                    "O2",
                    "Easy",
                    row("K4", CheckInStatus.AT_RISK),
                    row("K5", CheckInStatus.DONE),
                    row("K6", null))));

    List<String> texts = allTexts(DigestRenderer.render(digest));

    assertThat(texts.get(1))
        .isEqualTo(
            "*6 key results* · :large_green_circle: On track 2 · :large_yellow_circle: At risk 1"
                + " · :red_circle: Off track 0 · :white_check_mark: Done 1"
                + " · :grey_question: No update 2");
  }

  @Test
  void a_row_shows_the_change_since_the_previous_week_and_a_missing_update_is_flagged()
      throws Exception {
    CheckIn before = checkIn("KR1.1", "2026-W46", CheckInStatus.AT_RISK, "40", null);
    Digest digest =
        new Digest(
            Q,
            WEEK,
            List.of(
                section(
                    "O1",
                    "Search is fast",
                    new Digest.Row(
                        kr("KR1.1", "p99 latency", "U0AAA1"),
                        checkIn("KR1.1", "2026-W47", CheckInStatus.ON_TRACK, "44", null),
                        before),
                    new Digest.Row(kr("KR1.2", "New index", "U0BBB2"), null, before),
                    new Digest.Row(kr("KR1.3", "Guide", "U0CCC3"), null, null))));

    List<String> texts = allTexts(DigestRenderer.render(digest));

    assertThat(texts)
        .contains(
            ":dart: *O1 · Search is fast*",
            "*KR1.1* p99 latency\n:large_green_circle: On track · 44 / 50 ms (88%)"
                + " · +4 ms, was at risk since 2026-W46 · confidence 7/10 · <@U0AAA1>",
            "*KR1.2* New index\n:grey_question: *No update this week*"
                + " · last: At risk, 40 / 50 ms (80%) (2026-W46) · <@U0BBB2>",
            "*KR1.3* Guide\n:grey_question: *No update this week* · never checked in · <@U0CCC3>");
  }

  @Test
  void titles_and_notes_are_escaped_so_nobody_is_pinged() throws Exception {
    Digest digest =
        new Digest(
            Q,
            WEEK,
            List.of(
                section(
                    "O1",
                    "R&D <b>",
                    new Digest.Row(
                        kr("KR1", "<!channel> ping", "U0AAA1"),
                        checkIn("KR1", "2026-W47", CheckInStatus.ON_TRACK, "1", "<!here> & more"),
                        null))));

    List<String> texts = allTexts(DigestRenderer.render(digest));

    assertThat(texts)
        .contains(":dart: *O1 · R&amp;D &lt;b&gt;*", "> &lt;!here&gt; &amp; more")
        .anySatisfy(t -> assertThat(t).startsWith("*KR1* &lt;!channel&gt; ping\n"))
        .noneSatisfy(t -> assertThat(t).contains("<!channel>"))
        .noneSatisfy(t -> assertThat(t).contains("<!here>"));
  }

  static String note(int i) {
    return switch (i % 3) {
      case 0 -> "&".repeat(CheckIn.MAX_NOTE);
      case 1 -> "<>&".repeat(CheckIn.MAX_NOTE / 3);
      default -> ">".repeat(CheckIn.MAX_NOTE);
    };
  }

  static Digest huge() {
    List<Digest.Section> sections = new ArrayList<>();
    for (int o = 0; o < 6; o++) {
      List<Digest.Row> rows = new ArrayList<>();
      for (int k = 0; k < 10; k++) {
        int i = o * 10 + k;
        String key = "KR" + o + "." + k;
        CheckInStatus status = CheckInStatus.values()[i % 4];
        rows.add(
            new Digest.Row(
                kr(key, "Title " + i + " <&>", "U0AAA1"),
                checkIn(key, "2026-W47", status, String.valueOf(i), note(i)),
                checkIn(key, "2026-W46", CheckInStatus.AT_RISK, "1", "old")));
      }
      sections.add(
          new Digest.Section(new Objective(Q.toString(), "O" + o, "Objective " + o, o), rows));
    }
    return new Digest(Q, WEEK, sections);
  }

  @Test
  void sixty_key_results_with_long_notes_fit_slacks_limits() throws Exception {
    List<List<LayoutBlock>> messages = DigestRenderer.render(huge());

    assertThat(messages).hasSizeGreaterThan(1);
    for (List<LayoutBlock> message : messages) {
      assertThat(message).isNotEmpty().hasSizeLessThanOrEqualTo(MessagePacker.MAX_BLOCKS);
      int json = message.stream().mapToInt(b -> GSON.toJson(b).length()).sum();
      if (message.size() > 1) {
        assertThat(json).isLessThanOrEqualTo(MessagePacker.MAX_JSON_CHARS);
      }
    }
    for (JsonNode block : parsed(messages).stream().flatMap(List::stream).toList()) {
      int max = block.path("type").asText().equals("header") ? 150 : Mrkdwn.MAX_TEXT;
      assertThat(texts(block)).allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(max));
    }
    assertThat(allTexts(messages).get(1))
        .isEqualTo(
            "*60 key results* · :large_green_circle: On track 15 · :large_yellow_circle: At risk 15"
                + " · :red_circle: Off track 15 · :white_check_mark: Done 15"
                + " · :grey_question: No update 0");
  }

  @Test
  void notes_are_shortened_to_the_digest_limit_and_split_without_losing_that_text()
      throws Exception {
    List<String> texts = allTexts(DigestRenderer.render(huge()));

    for (int i = 0; i < 60; i++) {
      String rowStart = "*KR" + (i / 10) + "." + (i % 10) + "* ";
      int row = 0;
      while (!texts.get(row).startsWith(rowStart)) {
        row++;
      }
      StringBuilder joined = new StringBuilder();
      for (int n = row + 1; n < texts.size() && !isRowOrObjective(texts.get(n)); n++) {
        joined.append(texts.get(n));
      }
      assertThat(texts.get(row + 1)).startsWith("> ");
      assertThat(joined.substring(2))
          .as("note of row %d", i)
          .isEqualTo(Mrkdwn.escape(DigestRenderer.shorten(note(i))));
    }
  }

  static boolean isRowOrObjective(String text) {
    return text.startsWith("*KR") || text.startsWith(":dart: ");
  }
}
