package io.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepliesTest {
  static final List<LayoutBlock> BLOCKS =
      List.of(
          SectionBlock.builder()
              .text(MarkdownTextObject.builder().text(":white_check_mark: Done").build())
              .build());

  final List<ActionResponse> sent = new ArrayList<>();
  final Replies.Responder recording =
      message -> {
        sent.add(message);
        return null;
      };

  @Test
  void an_ephemeral_reply_is_seen_only_by_the_clicker_and_leaves_the_message_with_the_button() {
    Replies.ephemeral(recording, ":warning: That retro is closed.");

    assertThat(sent)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getResponseType()).isEqualTo("ephemeral");
              assertThat(m.isReplaceOriginal()).isFalse();
              assertThat(m.getText()).isEqualTo(":warning: That retro is closed.");
              assertThat(m.getBlocks()).isNull();
            });
  }

  @Test
  void replacing_the_original_sends_text_and_blocks_with_replace_original() {
    Replies.replaceOriginal(recording, "Action item done", BLOCKS);

    assertThat(sent)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.isReplaceOriginal()).isTrue();
              assertThat(m.getResponseType()).isNull();
              assertThat(m.getText()).isEqualTo("Action item done");
              assertThat(m.getBlocks()).isEqualTo(BLOCKS);
            });
  }

  @Test
  void replacing_an_ephemeral_message_keeps_it_ephemeral() {
    Replies.replaceEphemeral(recording, "Voting is open.", BLOCKS);

    assertThat(sent)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.isReplaceOriginal()).isTrue();
              assertThat(m.getResponseType()).isEqualTo("ephemeral");
              assertThat(m.getBlocks()).isEqualTo(BLOCKS);
            });
  }

  @Test
  void a_text_reply_is_passed_to_bolt_as_it_is() {
    List<String> texts = new ArrayList<>();

    Replies.text(texts::add, "I could not open the check-in form.");

    assertThat(texts).containsExactly("I could not open the check-in form.");
  }

  @Test
  void a_reply_that_slack_cannot_take_is_only_logged_in_one_line() {
    String log =
        stderrOf(
            () -> {
              Replies.ephemeral(
                  m -> {
                    throw new IOException("response_url expired");
                  },
                  "hello");
              Replies.replaceOriginal(
                  m -> {
                    throw new IllegalStateException("closed");
                  },
                  "hello",
                  BLOCKS);
              Replies.text(
                  t -> {
                    throw new IOException("connection reset");
                  },
                  "hello");
            });

    assertThat(log.lines())
        .hasSize(3)
        .allSatisfy(line -> assertThat(line).contains("[WARN]", "Could not reply"));
    assertThat(log)
        .contains("response_url expired", "closed", "connection reset")
        .doesNotContain("\tat ");
  }

  @Test
  void a_failing_reply_never_reaches_the_caller() {
    assertThatCode(
            () ->
                Replies.replaceEphemeral(
                    m -> {
                      throw new IOException("timeout");
                    },
                    "news",
                    BLOCKS))
        .doesNotThrowAnyException();
  }

  /** What {@code action} writes to System.err, where slf4j-simple logs. */
  static String stderrOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
