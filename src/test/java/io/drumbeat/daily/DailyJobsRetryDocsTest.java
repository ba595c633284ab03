package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README states the retries of the daily prompt and reminder jobs as {@link DailyJobs} does.
 */
class DailyJobsRetryDocsTest {
  /** "1, 2, 4 and 8 minutes": the waits before each retry, the first 1 minute as in production. */
  static String waits(int retries, double multiplier) {
    List<String> minutes = new ArrayList<>();
    for (int i = 0; i < retries; i++) {
      minutes.add(String.valueOf(Math.round(Math.pow(multiplier, i))));
    }
    return String.join(", ", minutes.subList(0, retries - 1))
        + " and "
        + minutes.get(retries - 1)
        + " minutes";
  }

  @Test
  void the_readme_states_the_multiplier_and_the_number_of_retries_of_daily_notices()
      throws Exception {
    String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");

    assertThat(readme)
        .contains("exponential backoff, multiplier " + DailyJobs.BACKOFF_MULTIPLIER)
        .contains(
            "a daily prompt or reminder up to "
                + DailyJobs.RETRIES
                + " times ("
                + waits(DailyJobs.RETRIES, DailyJobs.BACKOFF_MULTIPLIER)
                + ")");
  }
}
