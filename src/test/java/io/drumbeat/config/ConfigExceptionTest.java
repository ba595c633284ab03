package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drumbeat.DrumbeatException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigExceptionTest {
  @Test
  void message_has_one_line_per_problem_prefixed_with_the_source() {
    ConfigException e =
        new ConfigException("drumbeat.yml", List.of("timezone: missing", "okr: missing"));

    assertThat(e)
        .isInstanceOf(DrumbeatException.class)
        .hasMessage("drumbeat.yml: timezone: missing\ndrumbeat.yml: okr: missing");
    assertThat(e.problems()).containsExactly("timezone: missing", "okr: missing");
  }

  @Test
  void problems_are_copied_and_unmodifiable() {
    List<String> problems = new ArrayList<>(List.of("a: b"));
    ConfigException e = new ConfigException("f", problems);
    problems.add("c: d");

    assertThat(e.problems()).containsExactly("a: b");
    assertThatThrownBy(() -> e.problems().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
