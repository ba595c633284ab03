package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drumbeat.DrumbeatException;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /retro start} and {@code /retro action} read from the text exactly as Slack sends it. */
class CommandOptionsTest {
  static final LocalDate TODAY = LocalDate.parse("2026-11-19");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'R&amp;D sync'                         | R&D sync",
        "'&lt;!channel&gt; &amp; co'            | <!channel> & co",
        "'<!channel> news'                      | @channel news",
        "'Sync with <@U0BBB2|sam> and <@U0CCC3>' | Sync with @sam and @U0CCC3",
        "'  spaced   &amp;   out  '             | spaced & out"
      })
  void a_title_is_stored_as_typed(String sent, String title) {
    assertThat(StartOptions.parse(sent).title()).isEqualTo(title);
  }

  @Test
  void the_channel_comes_only_from_slacks_channel_token() {
    StartOptions options = StartOptions.parse("Q&amp;A --channel <#C0PAY|payments> --named");

    assertThat(options.title()).isEqualTo("Q&A");
    assertThat(options.channel()).isEqualTo(Optional.of("C0PAY"));
    assertThatThrownBy(() -> StartOptions.parse("X --channel &lt;#C0SECRET&gt;"))
        .as("typed text that looks like a token is not one")
        .isInstanceOf(DrumbeatException.class)
        .hasMessageContaining("`--channel` needs a channel picked with #");
  }

  @Test
  void an_action_is_stored_as_typed_with_the_last_mention_as_owner() {
    ActionOptions a =
        ActionOptions.parse("Fix &lt;this&gt; &amp; that <@U0BBB2|sam> 2026-12-01", TODAY);

    assertThat(a).isEqualTo(new ActionOptions("Fix <this> & that", "U0BBB2", TODAY.plusDays(12)));
    assertThat(ActionOptions.parse("Pair with <@U0CCC3|rosa> on it <@U0BBB2>", TODAY))
        .isEqualTo(new ActionOptions("Pair with @rosa on it", "U0BBB2", null));
  }

  @Test
  void a_typed_mention_is_not_an_owner_and_lengths_count_typed_characters() {
    assertThatThrownBy(() -> ActionOptions.parse("Fix it &lt;@U0BOSS&gt;", TODAY))
        .isInstanceOf(DrumbeatException.class)
        .hasMessageContaining("Name the owner");
    String full = "&amp;".repeat(ActionItem.MAX_TEXT);
    assertThat(ActionOptions.parse(full + " <@U0BBB2>", TODAY).text()).hasSize(ActionItem.MAX_TEXT);
    assertThat(StartOptions.parse("&lt;".repeat(Retro.MAX_TITLE)).title()).hasSize(Retro.MAX_TITLE);
  }
}
