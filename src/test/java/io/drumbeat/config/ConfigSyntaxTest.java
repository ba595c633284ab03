package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class ConfigSyntaxTest {
  private static ConfigException failure(String yaml) {
    return catchThrowableOfType(
        ConfigException.class, () -> new ConfigLoader().parse(yaml, "drumbeat.yml"));
  }

  @Test
  void yaml_syntax_error_names_line_and_column() {
    ConfigException e = failure("timezone: UTC\nokr:\n  digestAt: MON: 08:00\n");

    assertThat(e.problems())
        .containsExactly("3:16: invalid YAML: mapping values are not allowed here");
    assertThat(e)
        .hasMessage("drumbeat.yml: 3:16: invalid YAML: mapping values are not allowed here");
    assertThat(e).hasCauseInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
  }

  @Test
  void unterminated_quote_points_at_where_the_quote_started() {
    ConfigException e = failure("timezone: UTC\nokr:\n  channel: \"#okrs\n");

    assertThat(e.problems())
        .singleElement()
        .asString()
        .startsWith("4:1: invalid YAML: ")
        .contains("at 3:12");
  }

  @Test
  void tab_indentation_is_a_syntax_error_with_position() {
    assertThat(failure("timezone: UTC\n\tokr: x\n").problems())
        .singleElement()
        .asString()
        .startsWith("2:1: invalid YAML: ");
  }

  @Test
  void duplicate_key_is_an_error_with_its_line() {
    assertThat(failure("timezone: UTC\ntimezone: Europe/Paris\n").problems())
        .singleElement()
        .asString()
        .startsWith("2:")
        .contains("Duplicate field 'timezone'");
  }

  @Test
  void empty_file_reports_the_required_keys() {
    assertThat(failure("# nothing yet\n").problems())
        .containsExactly("timezone: missing", "okr: missing (required: digestChannel)");
  }

  @Test
  void a_document_that_is_not_a_mapping_is_an_error_at_the_root() {
    assertThat(failure("- timezone: UTC\n").problems())
        .containsExactly("(root): expected a mapping (key: value lines), got a list");
  }
}
