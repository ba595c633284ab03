package io.drumbeat.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reconnect backoff: doubling from the first delay, never longer than the maximum. */
class SocketModeSettingsTest {
  @Test
  void reconnects_back_off_doubling_from_one_second_up_to_a_minute() {
    SocketModeSettings settings = SocketModeSettings.of("xapp-test");

    assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.retryAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.retryAfter(6)).isEqualTo(Duration.ofSeconds(32));
    assertThat(settings.retryAfter(7)).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.retryAfter(1000)).isEqualTo(Duration.ofMinutes(1));
  }
}
