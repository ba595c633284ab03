package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class VotePagesTest {
  static final Retro RETRO =
      new Retro(
          7,
          "C0RETROS",
          "Sprint <42> & co",
          "U0FAC1",
          RetroPhase.VOTING,
          false,
          3,
          null,
          null,
          Instant.parse("2026-11-20T17:30:00Z"),
          null);

  /** {@code count} items with ids from 1000, prompts in turn, each of {@code text}. */
  static List<RetroItem> items(int count, String text) {
    List<RetroItem> items = new ArrayList<>();
    RetroCategory[] categories = RetroCategory.values();
    for (int i = 0; i < count; i++) {
      RetroCategory category = categories[i % categories.length];
      items.add(new RetroItem(1000 + i, RETRO.id(), category, text + " " + i, null));
    }
    return items;
  }

  /** The reference of an item in these tests: "r" and its id. */
  static String ref(RetroItem item) {
    return "r" + item.id();
  }

  static List<VotePages.Page> layout(List<RetroItem> items) {
    return VotePages.layout(items, false, VotePagesTest::ref);
  }

  /** Every page rendered, each ticking all of {@code selected} (references). */
  static List<JsonNode> render(List<RetroItem> items, Set<String> selected) {
    List<VotePages.Page> pages = layout(items);
    List<JsonNode> views = new ArrayList<>();
    for (int p = 0; p < pages.size(); p++) {
      VoteState state = new VoteState(RETRO.id(), p, "seal", selected);
      views.add(ModalLimits.json(VoteModal.page(RETRO, pages, state)));
    }
    return views;
  }

  @Test
  void three_hundred_items_of_1000_characters_page_within_slacks_limits_listing_each_item_once() {
    List<RetroItem> items = items(300, "word ".repeat(199));
    Set<String> all = Set.copyOf(LongStream.range(1000, 1300).mapToObj(i -> "r" + i).toList());

    List<JsonNode> pages = render(items, all);

    assertThat(pages).hasSizeGreaterThan(1);
    List<String> listed = new ArrayList<>();
    for (JsonNode page : pages) {
      ModalLimits.assertWithinLimits(page);
      listed.addAll(ModalLimits.optionValues(page));
      assertThat(ModalLimits.ticked(page)).isEqualTo(ModalLimits.optionValues(page));
    }
    assertThat(listed).hasSize(300).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void an_item_of_1000_ampersands_is_split_over_sections_without_cutting_an_entity() {
    List<RetroItem> items = items(30, "&".repeat(990));

    List<JsonNode> pages = render(items, Set.of());

    StringBuilder text = new StringBuilder();
    for (JsonNode page : pages) {
      ModalLimits.assertWithinLimits(page);
      for (JsonNode block : page.path("blocks")) {
        if (block.path("type").asText().equals("section")) {
          String section = block.path("text").path("text").asText();
          assertThat(section).doesNotStartWith("amp;").doesNotEndWith("&am");
          text.append(section);
        }
      }
    }
    assertThat(text.toString().replace("&amp;", "")).doesNotContain("&");
    assertThat(text.toString().split("&amp;", -1)).hasSize(30 * 990 + 1);
  }

  @Test
  void items_are_grouped_by_prompt_in_prompt_order_then_the_order_given_at_most_10_to_a_group() {
    List<RetroItem> items = new ArrayList<>(items(80, "short"));
    java.util.Collections.reverse(items);

    List<VotePages.Page> pages = layout(items);

    assertThat(pages).hasSize(1);
    List<VotePages.Group> groups = pages.get(0).groups();
    assertThat(groups).allSatisfy(g -> assertThat(g.entries()).hasSizeBetween(1, 10));
    assertThat(groups.stream().map(VotePages.Group::category).distinct().toList())
        .containsExactly(RetroCategory.values());
    List<VotePages.Entry> entries = groups.stream().flatMap(g -> g.entries().stream()).toList();
    assertThat(entries.get(0)).isEqualTo(new VotePages.Entry(1, items.get(2), "r1077"));
    assertThat(entries).extracting(VotePages.Entry::number).isSorted().hasSize(80);
    JsonNode view =
        ModalLimits.json(VoteModal.page(RETRO, pages, new VoteState(7, 0, "seal", Set.of())));
    ModalLimits.assertWithinLimits(view);
    assertThat(view.path("blocks").toString())
        .contains("What went well (wins)?", "*#1* short 77", "*#2* short 70", "Vote for #1–#10");
  }

  @Test
  void option_text_is_the_number_and_the_first_words_within_75_characters() {
    RetroItem item =
        new RetroItem(
            1,
            7,
            RetroCategory.WINS,
            "We shipped\nthe new search index <!channel> " + "x".repeat(90),
            null);

    String text = VoteChoices.optionText(new VotePages.Entry(12, item, "r1"));

    assertThat(text).startsWith("#12 We shipped the new search index").endsWith("…");
    assertThat(text.length()).isLessThanOrEqualTo(75);
  }

  @Test
  void the_title_and_the_items_are_escaped_in_every_mrkdwn_text() {
    List<RetroItem> items =
        List.of(new RetroItem(1, 7, RetroCategory.STOP, "<!channel> & <@U0X>", null));

    JsonNode view = render(items, Set.of()).get(0);

    assertThat(ModalLimits.mrkdwn(view))
        .contains("Sprint &lt;42&gt; &amp; co", "&lt;!channel&gt; &amp; &lt;@U0X&gt;")
        .doesNotContain("<!channel>", "<@U0X>");
  }

  @Test
  void a_retro_without_items_opens_a_notice_without_a_submit_button() {
    JsonNode view =
        ModalLimits.json(
            VoteModal.page(RETRO, layout(List.of()), new VoteState(7, 0, "seal", Set.of())));

    assertThat(view.has("submit")).isFalse();
    assertThat(view.path("blocks").toString()).contains("nothing to vote on");
  }
}
