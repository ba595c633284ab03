package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelRefTest {
  @Test
  void hash_name_is_not_an_id_and_its_name_drops_the_hash() {
    ChannelRef ref = new ChannelRef("okr.channel", "#okrs");

    assertThat(ref.isId()).isFalse();
    assertThat(ref.name()).isEqualTo("okrs");
  }

  @Test
  void channel_and_group_ids_are_ids_named_by_themselves() {
    assertThat(new ChannelRef("k", "C0123ABCD").isId()).isTrue();
    assertThat(new ChannelRef("k", "C0123ABCD").name()).isEqualTo("C0123ABCD");
    assertThat(new ChannelRef("k", "G01PRIV").isId()).isTrue();
  }

  @Test
  void names_may_use_digits_dash_and_underscore_up_to_80_characters() {
    assertThat(new ChannelRef("k", "#team_2-ops").name()).isEqualTo("team_2-ops");
    assertThat(new ChannelRef("k", "#" + "a".repeat(80)).isId()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"okrs", "#", "#Okrs", "#vp sync", "D0123ABCD", "C0", "c0123abcd", "#é"})
  void anything_else_is_rejected_with_a_message_quoting_the_value(String value) {
    assertThatThrownBy(() -> new ChannelRef("k", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "\"" + value + "\" is not a channel (use a channel id like C0123ABCD or #name)");
  }

  @Test
  void names_longer_than_80_characters_are_rejected() {
    assertThatThrownBy(() -> new ChannelRef("k", "#" + "a".repeat(81)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
