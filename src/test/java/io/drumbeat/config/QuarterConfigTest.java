package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** {@code okr.scorecardChannel} and {@code okr.retroPrompt}. */
class QuarterConfigTest {
  static DrumbeatConfig parse(String okr) {
    return new ConfigLoader().parse("timezone: UTC\nokr:\n" + okr, "drumbeat.yml");
  }

  @Test
  void the_scorecard_goes_to_the_digest_channel_and_owners_are_asked_monday_10_by_default() {
    OkrConfig okr = parse("  digestChannel: C0VP\n").okr();

    assertThat(okr.scorecardChannelOrDigest()).isEqualTo(okr.digestChannel());
    assertThat(okr.retroPrompt()).isEqualTo(new WeeklyTime(DayOfWeek.MONDAY, LocalTime.of(10, 0)));
  }

  @Test
  void a_scorecard_channel_is_used_and_checked_with_the_others() {
    DrumbeatConfig cfg =
        parse("  digestChannel: C0VP\n  scorecardChannel: \"#eng\"\n  retroPrompt: TUE 09:30\n");

    assertThat(cfg.okr().scorecardChannelOrDigest().toString()).contains("eng");
    assertThat(cfg.channels()).contains(cfg.okr().scorecardChannelOrDigest());
    assertThat(cfg.okr().retroPrompt().toString()).isEqualTo("TUE 09:30");
  }

  @Test
  void bad_values_are_errors_naming_the_key() {
    var problems =
        catchThrowableOfType(
                ConfigException.class,
                () ->
                    parse("  digestChannel: C0VP\n  scorecardChannel: eng\n  retroPrompt: 10am\n"))
            .problems();

    assertThat(problems)
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith("okr.scorecardChannel: \"eng\" is not a channel"))
        .anySatisfy(
            p -> assertThat(p).startsWith("okr.retroPrompt: \"10am\" is not a weekly time"));
  }
}
