package io.drumbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drumbeat.config.ConfigLoader;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.schedule.MovableClock;
import io.drumbeat.slack.ChannelDirectory;
import io.drumbeat.socket.SocketModeSettings;
import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WiringTest {
  static final DrumbeatConfig CONFIG =
      new ConfigLoader().parse(TestSlackApp.CONFIG, "drumbeat.yml");
  static Database db;

  @BeforeAll
  static void open() {
    db = TestDb.H2.open();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static WiringBuilder builder() {
    return Wiring.builder(CONFIG, db, "http://127.0.0.1:1/api/", "xoxb-test", "secret");
  }

  @Test
  void unset_settings_are_serves_except_that_it_listens_on_loopback() {
    Wiring w = builder().build();

    assertThat(w.clock()).isEqualTo(Clock.systemUTC());
    assertThat(w.manualClock()).isEmpty();
    assertThat(w.channels()).isEmpty();
    assertThat(w.host()).isEqualTo("127.0.0.1");
    assertThat(w.port()).isZero();
    assertThat(w.retryDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(w.configSource()).isEqualTo("drumbeat.yml");
  }

  @Test
  void a_manual_scheduler_runs_on_the_time_source() {
    MovableClock clock = new MovableClock(Instant.parse("2026-11-20T22:00:00Z"));

    Wiring w = builder().manualScheduler(clock).build();

    assertThat(w.manualClock()).containsSame(clock);
    assertThat(w.clock()).isSameAs(clock);
  }

  @Test
  void a_manual_scheduler_on_another_clock_than_the_time_source_is_refused() {
    MovableClock clock = new MovableClock(Instant.parse("2026-11-20T22:00:00Z"));

    assertThatThrownBy(() -> builder().manualScheduler(clock).clock(Clock.systemUTC()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("manual scheduler");
  }

  @Test
  void named_settings_are_kept() {
    ChannelDirectory channels = ChannelDirectory.of(Map.of("okr.digestChannel", "C0VPSYNC"));

    Wiring w =
        builder()
            .configSource("/etc/drumbeat.yml")
            .host("0.0.0.0")
            .port(3000)
            .retryDelay(Duration.ofMillis(5))
            .channels(channels)
            .build();

    assertThat(w.configSource()).isEqualTo("/etc/drumbeat.yml");
    assertThat(w.host()).isEqualTo("0.0.0.0");
    assertThat(w.port()).isEqualTo(3000);
    assertThat(w.retryDelay()).isEqualTo(Duration.ofMillis(5));
    assertThat(w.channels()).containsSame(channels);
  }

  @Test
  void a_port_outside_0_to_65535_or_a_retry_delay_that_is_not_positive_is_refused() {
    assertThatThrownBy(() -> builder().port(65536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port");
    assertThatThrownBy(() -> builder().retryDelay(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retryDelay");
  }

  @Test
  void a_missing_required_argument_is_named() {
    assertThatThrownBy(() -> Wiring.builder(CONFIG, db, "http://x/", null, "secret"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("botToken");
  }

  @Test
  void without_a_signing_secret_socket_mode_is_required() {
    assertThatThrownBy(() -> Wiring.builder(CONFIG, db, "http://x/", "xoxb-test", null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("signing secret");
    assertThat(
            Wiring.builder(CONFIG, db, "http://x/", "xoxb-test", null)
                .socketMode(SocketModeSettings.of("xapp-test"))
                .build())
        .isNotNull();
  }

  @Test
  void socket_mode_settings_refuse_a_blank_token_and_never_show_it() {
    assertThatThrownBy(() -> SocketModeSettings.of(" "))
        .isInstanceOf(IllegalArgumentException.class);
    SocketModeSettings settings = SocketModeSettings.of("xapp-test");
    assertThat(settings.connections()).isEqualTo(2);
    assertThat(settings.toString()).doesNotContain("xapp-test");
  }
}
