package io.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Slash-command text as Slack sends it ({@code should_escape}) read back as plain text, once. */
class SlashTextTest {
  /** The {@code text} field as Slack sends it → what the person typed. */
  static Stream<Arguments> sent() {
    return Stream.of(
        arguments("R&amp;D sync", "R&D sync"),
        arguments("Fix &lt;this&gt; &amp; that", "Fix <this> & that"),
        arguments("&lt;!channel&gt;", "<!channel>"),
        arguments("&amp;lt; typed as text", "&lt; typed as text"),
        arguments("&amp;amp;", "&amp;"),
        arguments("&quot;q&quot; &#60; &copy; & alone", "&quot;q&quot; &#60; &copy; & alone"),
        arguments("ask <@U0BBB2|sam> now", "ask @sam now"),
        arguments("ask <@U0BBB2>", "ask @U0BBB2"),
        arguments("ask <@W0BBB2|@sam>", "ask @sam"),
        arguments("in <#C0DIST|distributioneers>", "in #distributioneers"),
        arguments("in <#C0DIST>", "in #C0DIST"),
        arguments("<!channel> <!here|here> <!everyone>", "@channel @here @everyone"),
        arguments("<!subteam^S0DEVS|@devs>", "@devs"),
        arguments("<!subteam^S0DEVS>", "@S0DEVS"),
        arguments("see <https://t.example/a?b=1&amp;c=2>", "see https://t.example/a?b=1&c=2"),
        arguments("see <https://t.example|t.example>", "see t.example"),
        arguments("<mailto:a@b.example|a@b.example>", "a@b.example"),
        arguments("<@U0BBB2|R&amp;D bot>", "@R&D bot"),
        arguments("plain text, émoji 😀 *bold* `code`", "plain text, émoji 😀 *bold* `code`"),
        arguments("", ""),
        arguments(null, ""));
  }

  @ParameterizedTest
  @MethodSource("sent")
  void plain_decodes_entities_once_and_reads_tokens_as_text(String sent, String typed) {
    assertThat(SlashText.plain(sent)).isEqualTo(typed);
  }

  /** The {@code text} field → its words, as sent. */
  static Stream<Arguments> words() {
    return Stream.of(
        arguments("start  R&amp;D\tsync ", List.of("start", "R&amp;D", "sync")),
        arguments("<@U0AAA1|a b> 2026-11-01", List.of("<@U0AAA1|a b>", "2026-11-01")),
        arguments("--channel <#C0DIST|dist>", List.of("--channel", "<#C0DIST|dist>")),
        arguments("(<@U0AAA1>),", List.of("(<@U0AAA1>),")),
        arguments("&lt;a b&gt;", List.of("&lt;a", "b&gt;")),
        arguments("   ", List.of()),
        arguments(null, List.of()));
  }

  @ParameterizedTest
  @MethodSource("words")
  void words_split_at_spaces_but_never_inside_a_token(String sent, List<String> words) {
    assertThat(SlashText.words(sent)).isEqualTo(words);
  }

  @Test
  void a_typed_mention_is_text_not_a_token() {
    assertThat(SlashText.words("&lt;@U0BOSS&gt;")).containsExactly("&lt;@U0BOSS&gt;");
    assertThat(SlashText.plain("&lt;@U0BOSS&gt;")).isEqualTo("<@U0BOSS>");
  }
}
