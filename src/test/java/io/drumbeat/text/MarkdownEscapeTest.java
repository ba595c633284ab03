package io.drumbeat.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one Markdown escaper: user text reads as typed and cannot change the document. */
class MarkdownEscapeTest {
  /** Typed text → the escaped line (Java string literals: "\\" is one backslash). */
  static Stream<Arguments> lines() {
    return Stream.of(
        arguments("plain text, émoji 🚀 and @here", "plain text, émoji 🚀 and @here"),
        arguments("![](https://t.example/p.png)", "!\\[\\](https://t.example/p.png)"),
        arguments("[click](https://t.example)", "\\[click\\](https://t.example)"),
        arguments("[ref]: https://t.example", "\\[ref\\]: https://t.example"),
        arguments("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        arguments("<https://t.example>", "\\<https://t.example\\>"),
        arguments("&amp; &#60; &copy", "\\&amp; \\&#60; \\&copy"),
        arguments("R&D", "R\\&D"),
        arguments("# not a heading", "\\# not a heading"),
        arguments("###### six", "\\###### six"),
        arguments("1. first", "1\\. first"),
        arguments("2) second", "2\\) second"),
        arguments("123456789. nine digits", "123456789\\. nine digits"),
        arguments("1234567890. ten digits is no list", "1234567890. ten digits is no list"),
        arguments("> quote", "\\> quote"),
        arguments("| a | b |", "\\| a \\| b \\|"),
        arguments("a | b", "a \\| b"),
        arguments("- item", "\\- item"),
        arguments("+ item", "\\+ item"),
        arguments("* item", "\\* item"),
        arguments("---", "\\---"),
        arguments("===", "\\==="),
        arguments("___", "\\_\\_\\_"),
        arguments("```java", "\\`\\`\\`java"),
        arguments("~~~", "\\~\\~\\~"),
        arguments("`code` and ``more``", "\\`code\\` and \\`\\`more\\`\\`"),
        arguments(
            "*em* **strong** _em_ __strong__",
            "\\*em\\* \\*\\*strong\\*\\* \\_em\\_ \\_\\_strong\\_\\_"),
        arguments("~~gone~~", "\\~\\~gone\\~\\~"),
        arguments("C:\\temp\\", "C:\\\\temp\\\\"),
        arguments("first\nsecond\r\nthird", "first second third"),
        arguments("a\n# b", "a # b"),
        arguments("   # indented  ", "\\# indented"),
        arguments("    four spaces of code", "four spaces of code"),
        arguments("", ""),
        arguments(null, ""));
  }

  @ParameterizedTest
  @MethodSource("lines")
  void a_line_shows_as_typed_and_changes_no_structure(String typed, String escaped) {
    assertThat(MarkdownEscape.line(typed)).isEqualTo(escaped);
  }

  /** Typed text → the escaped lines of one list item indented by two spaces. */
  static Stream<Arguments> items() {
    return Stream.of(
        arguments("one line", "one line"),
        arguments("a\n\n> quote\n===\n", "a\\\n  \\> quote\\\n  \\==="),
        arguments(
            "Shipped\r\n1. search\n  - [x] done", "Shipped\\\n  1\\. search\\\n  \\- \\[x\\] done"),
        arguments(
            "![](https://t.example/p.png)\n<img src=x>",
            "!\\[\\](https://t.example/p.png)\\\n  \\<img src=x\\>"),
        arguments("\n \n", ""),
        arguments(null, ""));
  }

  @ParameterizedTest
  @MethodSource("items")
  void lines_keep_their_breaks_inside_one_list_item(String typed, String escaped) {
    assertThat(MarkdownEscape.lines(typed, "  ")).isEqualTo(escaped);
  }
}
