package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README states the retries of the OKR reminder job as {@link OkrJobs} configures them. */
class OkrJobsRetryDocsTest {
  /**
   * "1, 2, 4, 8 and 16 minutes": the waits before each of {@code retries} retries, the first 1
   * minute (production's first retry) and each later one {@code multiplier} times the one before.
   */
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

  static String readme() throws Exception {
    return Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
  }

  @Test
  void the_readme_states_the_multiplier_and_the_number_of_retries_of_the_okr_reminder()
      throws Exception {
    assertThat(readme())
        .contains("exponential backoff, multiplier " + OkrJobs.BACKOFF_MULTIPLIER)
        .contains(
            "An OKR reminder is retried up to "
                + OkrJobs.RETRIES
                + " times ("
                + waits(OkrJobs.RETRIES, OkrJobs.BACKOFF_MULTIPLIER)
                + ")");
  }
}
