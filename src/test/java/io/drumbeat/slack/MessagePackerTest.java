package io.drumbeat.slack;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessagePackerTest {
  static LayoutBlock text(String text) {
    return section(s -> s.text(markdownText(text)));
  }

  static int jsonSize(List<LayoutBlock> message) {
    return message.stream().mapToInt(MessagePacker::jsonSize).sum();
  }

  static List<LayoutBlock> flatten(List<List<LayoutBlock>> messages) {
    return messages.stream().flatMap(List::stream).toList();
  }

  @Test
  void no_blocks_give_no_messages() {
    assertThat(MessagePacker.pack(List.of())).isEmpty();
  }

  @Test
  void a_few_small_blocks_fit_in_one_message() {
    List<LayoutBlock> blocks = List.of(text("one"), divider(), text("two"));

    assertThat(MessagePacker.pack(blocks)).containsExactly(blocks);
  }

  @Test
  void many_small_blocks_are_split_into_messages_of_at_most_fifty_in_order() {
    List<LayoutBlock> blocks = IntStream.range(0, 120).mapToObj(i -> text("KR " + i)).toList();

    List<List<LayoutBlock>> messages = MessagePacker.pack(blocks);

    assertThat(messages).extracting(List::size).containsExactly(50, 50, 20);
    assertThat(flatten(messages)).containsExactlyElementsOf(blocks);
  }

  @Test
  void exactly_fifty_blocks_are_one_message_and_fifty_one_are_two() {
    List<LayoutBlock> blocks =
        IntStream.range(0, 51).mapToObj(i -> (LayoutBlock) divider()).toList();

    assertThat(MessagePacker.pack(blocks.subList(0, 50))).hasSize(1);
    assertThat(MessagePacker.pack(blocks)).extracting(List::size).containsExactly(50, 1);
  }

  @Test
  void large_blocks_are_split_by_json_size_below_the_block_limit() {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      blocks.add(text(i + "x".repeat(2900)));
    }

    List<List<LayoutBlock>> messages = MessagePacker.pack(blocks);

    assertThat(messages).extracting(List::size).containsExactly(3, 3, 3, 1);
    assertThat(messages)
        .allSatisfy(m -> assertThat(jsonSize(m)).isLessThanOrEqualTo(MessagePacker.MAX_JSON_CHARS));
    assertThat(flatten(messages)).containsExactlyElementsOf(blocks);
  }

  @Test
  void json_size_counts_characters_as_gson_escapes_them() {
    LayoutBlock block = text("<&>".repeat(100));

    assertThat(MessagePacker.jsonSize(block))
        .isEqualTo(GsonFactory.createSnakeCase().toJson(block).length())
        .isGreaterThan(6 * 300);
  }

  @Test
  void a_block_larger_than_the_json_budget_goes_alone_in_its_message() {
    LayoutBlock huge = text("<".repeat(3000));
    assertThat(MessagePacker.jsonSize(huge)).isGreaterThan(MessagePacker.MAX_JSON_CHARS);
    List<LayoutBlock> blocks = List.of(text("before"), text("also before"), huge, text("after"));

    List<List<LayoutBlock>> messages = MessagePacker.pack(blocks);

    assertThat(messages)
        .containsExactly(
            List.of(blocks.get(0), blocks.get(1)), List.of(huge), List.of(blocks.get(3)));
  }

  @Test
  void an_oversized_first_block_is_still_sent_on_its_own() {
    LayoutBlock huge = text(">".repeat(3000));

    assertThat(MessagePacker.pack(List.of(huge, huge)))
        .containsExactly(List.of(huge), List.of(huge));
  }

  @Test
  void every_message_respects_both_limits_for_a_mix_of_sizes() {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      blocks.add(i % 7 == 0 ? text("&".repeat(1 + (i * 37) % 1500)) : divider());
    }

    List<List<LayoutBlock>> messages = MessagePacker.pack(blocks);

    assertThat(flatten(messages)).containsExactlyElementsOf(blocks);
    assertThat(messages)
        .allSatisfy(
            m -> {
              assertThat(m).isNotEmpty().hasSizeLessThanOrEqualTo(MessagePacker.MAX_BLOCKS);
              assertThat(jsonSize(m)).isLessThanOrEqualTo(MessagePacker.MAX_JSON_CHARS);
            });
  }
}
