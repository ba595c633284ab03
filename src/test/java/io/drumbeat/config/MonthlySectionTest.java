package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code monthly} section: channel, time and email. */
class MonthlySectionTest {
  private static final String BASE = "timezone: UTC\nokr: {digestChannel: C0VPSYNC}\n";

  private static List<String> problems(String body) {
    return catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader().parse(BASE + body, "drumbeat.yml"))
        .problems();
  }

  @Test
  void without_the_section_there_is_no_monthly_update_and_the_time_defaults_to_ten() {
    assertThat(new ConfigLoader().parse(BASE, "drumbeat.yml").monthly().channel()).isEmpty();
    MonthlyConfig monthly =
        new ConfigLoader().parse(BASE + "monthly: {channel: C0MONTH}\n", "drumbeat.yml").monthly();
    assertThat(monthly.at()).isEqualTo(LocalTime.of(10, 0));
    assertThat(monthly.emailTo()).isEmpty();
  }

  @Test
  void bad_values_are_errors_naming_the_key_path() {
    assertThat(problems("monthly: {channel: C0MONTH, at: '25:00'}\n"))
        .singleElement()
        .asString()
        .startsWith("monthly.at: ");
    assertThat(problems("monthly: {channel: C0MONTH, email: {to: [vp@example.com]}}\n"))
        .containsExactly("monthly.email.from: missing (required with monthly.email.to)");
    assertThat(
            problems(
                "monthly: {channel: C0MONTH, email: {to: [not-an-address], from: a@example.com}}\n"))
        .singleElement()
        .asString()
        .startsWith("monthly.email.to[0]: \"not-an-address\" is not an email address");
    assertThat(problems("monthly: {at: '10:00'}\n"))
        .singleElement()
        .asString()
        .startsWith("monthly.channel: ");
  }
}
