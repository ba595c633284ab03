package io.drumbeat.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as "the same blocker". */
class BlockerTextTest {
  @Test
  void a_reworded_blocker_with_mostly_the_same_words_is_the_same() {
    assertThat(
            BlockerText.same(
                BlockerText.normalise("Waiting on *security review* for SSO!"),
                BlockerText.normalise("still waiting on security review for SSO")))
        .isTrue();
  }

  @Test
  void a_different_blocker_is_not_the_same() {
    assertThat(
            BlockerText.same(
                BlockerText.normalise("Staging is down"),
                BlockerText.normalise("Waiting on design for the billing page")))
        .isFalse();
  }

  @Test
  void lines_that_say_there_is_no_blocker_are_not_blockers() {
    assertThat(BlockerText.blockers("None.\nN/A\n- \nno blockers\nCI is red"))
        .containsExactly("ci is red");
  }
}
