package io.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MrkdwnTest {
  /** Text made only of whole entities and letters: no entity cut in two. */
  static final Pattern WHOLE_ENTITIES = Pattern.compile("([^&]|&amp;|&lt;|&gt;)*");

  /** Plain text → mrkdwn: exactly {@code &}, {@code <} and {@code >} replaced, {@code &} first. */
  static Stream<Arguments> escapes() {
    return Stream.of(
        arguments("<!channel>", "&lt;!channel&gt;"),
        arguments("<!here> <!everyone>", "&lt;!here&gt; &lt;!everyone&gt;"),
        arguments("<@U0AAA1>", "&lt;@U0AAA1&gt;"),
        arguments("<#C0DIST|general>", "&lt;#C0DIST|general&gt;"),
        arguments("<http://evil.example|Click here>", "&lt;http://evil.example|Click here&gt;"),
        arguments("R&D", "R&amp;D"),
        arguments("a&&b", "a&amp;&amp;b"),
        arguments("&lt; typed as text", "&amp;lt; typed as text"),
        arguments("&amp;", "&amp;amp;"),
        arguments("1 < 2 > 0", "1 &lt; 2 &gt; 0"),
        arguments("*bold* _it_ ~st~ `code` > quote", "*bold* _it_ ~st~ `code` &gt; quote"),
        arguments("\"q\" 'a' #1 @here :tada:", "\"q\" 'a' #1 @here :tada:"),
        arguments("Plain text, émoji 😀\nline two", "Plain text, émoji 😀\nline two"),
        arguments("", ""),
        arguments(null, ""));
  }

  @ParameterizedTest
  @MethodSource("escapes")
  void escape_replaces_exactly_ampersand_and_angle_brackets(String plain, String mrkdwn) {
    assertThat(Mrkdwn.escape(plain)).isEqualTo(mrkdwn);
  }

  @Test
  void chunk_of_short_or_empty_text_is_one_piece() {
    assertThat(Mrkdwn.chunk("", 10)).containsExactly("");
    assertThat(Mrkdwn.chunk("0123456789", 10)).containsExactly("0123456789");
  }

  @Test
  void chunk_without_breaks_cuts_at_max() {
    assertThat(Mrkdwn.chunk("abcdefghijklmnopqrstuvwxy", 10))
        .containsExactly("abcdefghij", "klmnopqrst", "uvwxy");
  }

  @Test
  void chunk_prefers_a_line_break_in_the_second_half() {
    assertThat(Mrkdwn.chunk("aaaaaaa\nbbbbbbbb", 10)).containsExactly("aaaaaaa\n", "bbbbbbbb");
    assertThat(Mrkdwn.chunk("aaaaaa\nb bbbbbbbb", 10)).containsExactly("aaaaaa\n", "b bbbbbbbb");
  }

  @Test
  void chunk_falls_back_to_a_space_then_ignores_breaks_in_the_first_half() {
    assertThat(Mrkdwn.chunk("aaaaaaa bbbbbbbb", 10)).containsExactly("aaaaaaa ", "bbbbbbbb");
    assertThat(Mrkdwn.chunk("aa\nbbbbbbbbbbbb", 10)).containsExactly("aa\nbbbbbbb", "bbbbb");
  }

  @ParameterizedTest
  @ValueSource(strings = {"&amp;", "&lt;", "&gt;", "&lt;&amp;&gt;"})
  void chunk_never_splits_an_entity_and_loses_nothing(String entity) {
    for (String prefix : List.of("", "x", "xy", "xyz", "wxyz")) {
      String text = prefix + entity.repeat(400);
      for (int max = 5; max <= 60; max++) {
        List<String> pieces = Mrkdwn.chunk(text, max);

        assertThat(String.join("", pieces)).isEqualTo(text);
        for (String piece : pieces) {
          assertThat(piece).hasSizeLessThanOrEqualTo(max).isNotEmpty().matches(WHOLE_ENTITIES);
        }
      }
    }
  }

  @Test
  void chunk_of_a_long_escaped_note_gives_pieces_within_slacks_limit() {
    String escaped = "> " + Mrkdwn.escape("&".repeat(3000));

    List<String> pieces = Mrkdwn.chunk(escaped, Mrkdwn.MAX_TEXT);

    assertThat(pieces).hasSize(6);
    assertThat(pieces).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(Mrkdwn.MAX_TEXT));
    assertThat(String.join("", pieces)).isEqualTo(escaped);
    assertThat(pieces.subList(1, pieces.size())).allSatisfy(p -> assertThat(p).startsWith("&amp;"));
  }

  @Test
  void truncate_keeps_text_that_fits() {
    assertThat(Mrkdwn.truncate("0123456789", 10)).isEqualTo("0123456789");
    assertThat(Mrkdwn.truncate("", 10)).isEmpty();
  }

  @Test
  void truncate_ends_with_an_ellipsis_and_stays_within_max() {
    String cut = Mrkdwn.truncate("abcdefghijklmnopqrstuvwxyz", 10);

    assertThat(cut).isEqualTo("abcdefghi…").hasSize(10);
    assertThat(Mrkdwn.truncate("x".repeat(5000), Mrkdwn.MAX_TEXT))
        .hasSize(Mrkdwn.MAX_TEXT)
        .endsWith("x…");
  }

  @Test
  void truncate_prefers_a_word_boundary_and_never_splits_an_entity() {
    assertThat(Mrkdwn.truncate("aaaaaa bbbbbbbbbb", 10)).isEqualTo("aaaaaa …");
    assertThat(Mrkdwn.truncate("&amp;".repeat(10), 12)).isEqualTo("&amp;&amp;…");
    for (int max = 6; max <= 40; max++) {
      String cut = Mrkdwn.truncate("x" + "&lt;".repeat(20), max);
      assertThat(cut).hasSizeLessThanOrEqualTo(max).endsWith("…");
      assertThat(cut.substring(0, cut.length() - 1)).matches(WHOLE_ENTITIES);
    }
  }

  @Test
  void a_break_exactly_at_the_limit_never_makes_a_piece_one_character_too_long() {
    assertThat(Mrkdwn.chunk("aaaaaaaaaa\nbbbbb", 10))
        .allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(10));
    assertThat(Mrkdwn.chunk("aaaaaaaaaa bbbbb", 10))
        .allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(10));
    assertThat(Mrkdwn.truncate("aaaaaaaaa bbbbb", 10)).hasSizeLessThanOrEqualTo(10);
    String note = "> " + "a".repeat(2998) + "\nb";
    assertThat(Mrkdwn.chunk(note, 3000))
        .allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(3000));
  }

  @Test
  void an_emoji_is_never_cut_in_half() {
    String text = "a" + "\uD83D\uDE00".repeat(20);
    for (String piece : Mrkdwn.chunk(text, 10)) {
      assertThat(Character.isHighSurrogate(piece.charAt(piece.length() - 1))).isFalse();
    }
    assertThat(String.join("", Mrkdwn.chunk(text, 10))).isEqualTo(text);
  }
}
