package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeTest {
  private final List<String> problems = new ArrayList<>();

  @Test
  void holidays_already_parsed_as_dates_by_the_yaml_reader_are_accepted() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.putArray("holidays")
        .addPOJO(LocalDate.of(2026, 12, 25))
        .addPOJO(Date.from(java.time.Instant.parse("2027-01-01T00:00:00Z")))
        .add("2027-07-04");

    List<LocalDate> dates =
        Node.root(root, problems).get("holidays").elements().orElseThrow().stream()
            .map(n -> n.date().orElseThrow())
            .toList();

    assertThat(dates)
        .containsExactly(
            LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 7, 4));
    assertThat(problems).isEmpty();
  }

  @Test
  void paths_join_keys_with_dots_and_indexes_with_brackets() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.putArray("teams").addObject().put("dailyPrompt", "x");

    Node prompt =
        Node.root(root, problems).get("teams").elements().orElseThrow().get(0).get("dailyPrompt");
    prompt.problem("bad");

    assertThat(problems).containsExactly("teams[0].dailyPrompt: bad");
  }

  @Test
  void a_key_below_a_scalar_is_absent_not_an_error() {
    ObjectNode root = JsonNodeFactory.instance.objectNode().put("okr", "text");

    assertThat(Node.root(root, problems).get("okr").get("channel").isAbsent()).isTrue();
    assertThat(problems).isEmpty();
  }
}
