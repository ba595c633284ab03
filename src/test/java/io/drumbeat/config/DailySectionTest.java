package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code daily} section: {@code daily.blockerAgeDays}. */
class DailySectionTest {
  private static final String BASE = "timezone: UTC\nokr: {digestChannel: C0VPSYNC}\n";

  private static List<String> problems(String body) {
    return catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader().parse(BASE + body, "drumbeat.yml"))
        .problems();
  }

  @Test
  void blocker_age_defaults_to_three_workdays() {
    assertThat(new ConfigLoader().parse(BASE, "drumbeat.yml").daily().blockerAgeDays())
        .isEqualTo(3);
    assertThat(
            new ConfigLoader()
                .parse(BASE + "daily: {blockerAgeDays: 5}\n", "drumbeat.yml")
                .daily()
                .blockerAgeDays())
        .isEqualTo(5);
  }

  @Test
  void a_bad_blocker_age_or_an_unknown_key_is_an_error_naming_the_key_path() {
    assertThat(problems("daily: {blockerAgeDays: 0}\n"))
        .containsExactly("daily.blockerAgeDays: 0 is out of range (expected 1 to 30)");
    assertThat(problems("daily: {blockerAge: 3}\n"))
        .hasSize(1)
        .allMatch(p -> p.startsWith("daily.blockerAge"));
  }
}
