package io.drumbeat.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A position in the parsed YAML tree: its key path ({@code teams[1].dailyPrompt}), the value there
 * (absent when the key is missing or written without a value), and the shared list of problems.
 * Typed reads report a wrong type or format at this path and return empty, so the caller can keep
 * going and collect every problem.
 */
final class Node {
  private final String path;
  private final JsonNode json;
  private final List<String> problems;

  private Node(String path, JsonNode json, List<String> problems) {
    this.path = path;
    this.json = json;
    this.problems = problems;
  }

  /** The document root; problems found below it are appended to {@code problems}. */
  static Node root(JsonNode json, List<String> problems) {
    return new Node("", json, problems);
  }

  /** The key path, {@code (root)} for the document itself. */
  String path() {
    return path.isEmpty() ? "(root)" : path;
  }

  /** True if the key is missing or has no value ({@code key:} or {@code key: ~}). */
  boolean isAbsent() {
    return json == null || json.isMissingNode() || json.isNull();
  }

  /** The child at {@code key}; absent if this is not a mapping or has no such key. */
  Node get(String key) {
    JsonNode child = json != null && json.isObject() ? json.get(key) : null;
    return new Node(path.isEmpty() ? key : path + "." + key, child, problems);
  }

  /** Records a problem at this path. */
  void problem(String what) {
    problems.add(path() + ": " + what);
  }

  /** How many problems have been recorded so far (to tell whether a section added any). */
  int problemCount() {
    return problems.size();
  }

  /**
   * Checks that this is a mapping whose keys are all in {@code keys}, reporting each unknown key.
   *
   * @return true if this is a mapping (even with unknown keys); false if absent or not a mapping
   *     (the latter reported)
   */
  boolean isMapping(List<String> keys) {
    if (isAbsent()) {
      return false;
    }
    if (!json.isObject()) {
      problem("expected a mapping (key: value lines), got " + Scalars.describe(json));
      return false;
    }
    String expected = "unknown key (expected one of: " + String.join(", ", keys) + ")";
    json.fieldNames()
        .forEachRemaining(
            key -> {
              if (!keys.contains(key)) {
                get(key).problem(expected);
              }
            });
    return true;
  }

  /** The elements of a list; empty if absent or not a list (the latter reported). */
  Optional<List<Node>> elements() {
    if (isAbsent()) {
      return Optional.empty();
    }
    if (!json.isArray()) {
      problem("expected a list (like [A, B] or \"- A\" lines), got " + Scalars.describe(json));
      return Optional.empty();
    }
    List<Node> result = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      result.add(new Node(path + "[" + i + "]", json.get(i), problems));
    }
    return Optional.of(result);
  }

  /** A list whose every entry is text parsed by {@code parser}; bad entries are reported. */
  <T> Optional<List<T>> list(Function<String, T> parser) {
    return elements()
        .map(nodes -> nodes.stream().flatMap(n -> n.required(parser).stream()).toList());
  }

  /** The text value; empty if absent or not text (the latter reported). */
  Optional<String> text() {
    if (isAbsent()) {
      return Optional.empty();
    }
    if (!json.isTextual()) {
      problem("expected text, got " + Scalars.describe(json));
      return Optional.empty();
    }
    return Optional.of(json.textValue());
  }

  /** The text parsed by {@code parser}; empty if absent, or if wrong (reported). */
  <T> Optional<T> text(Function<String, T> parser) {
    return text().flatMap(text -> parse(text, parser));
  }

  /** Like {@link #text(Function)}, but {@code fallback} when absent. */
  <T> Optional<T> text(Function<String, T> parser, T fallback) {
    return isAbsent() ? Optional.of(fallback) : text(parser);
  }

  /** Like {@link #text(Function)}, but an absent value is reported as missing. */
  <T> Optional<T> required(Function<String, T> parser) {
    if (isAbsent()) {
      problem(json == null || json.isMissingNode() ? "missing" : "empty");
      return Optional.empty();
    }
    return text(parser);
  }

  /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
  Optional<Integer> integer(int min, int max, int fallback) {
    if (isAbsent()) {
      return Optional.of(fallback);
    }
    String range = min + " to " + max;
    if (!json.isIntegralNumber() || !json.canConvertToInt()) {
      problem("expected a whole number from " + range + ", got " + Scalars.describe(json));
      return Optional.empty();
    }
    int value = json.intValue();
    if (value < min || value > max) {
      problem(value + " is out of range (expected " + range + ")");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** A boolean ({@code true} or {@code false}), or {@code fallback} when absent. */
  Optional<Boolean> flag(boolean fallback) {
    if (isAbsent()) {
      return Optional.of(fallback);
    }
    if (!json.isBoolean()) {
      problem("expected true or false, got " + Scalars.describe(json));
      return Optional.empty();
    }
    return Optional.of(json.booleanValue());
  }

  /**
   * A channel reference. A key written without a value is reported even when optional: an unquoted
   * {@code #name} is a YAML comment, which leaves the key empty.
   */
  Optional<ChannelRef> channel(boolean required) {
    if (json != null && json.isNull()) {
      problem(
          "empty (write a channel id like C0123ABCD, or \"#name\" in quotes:"
              + " an unquoted # starts a YAML comment)");
      return Optional.empty();
    }
    if (isAbsent()) {
      if (required) {
        problem("missing (a channel id like C0123ABCD or \"#name\")");
      }
      return Optional.empty();
    }
    return text(value -> new ChannelRef(path, value));
  }

  /** A date written as text {@code YYYY-MM-DD}, or already parsed to a date by the YAML reader. */
  Optional<LocalDate> date() {
    if (json != null && json.isPojo()) {
      Object pojo = ((com.fasterxml.jackson.databind.node.POJONode) json).getPojo();
      if (pojo instanceof LocalDate date) {
        return Optional.of(date);
      } else if (pojo instanceof Date date) {
        return Optional.of(date.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
      }
    }
    return required(Scalars::date);
  }

  private <T> Optional<T> parse(String text, Function<String, T> parser) {
    try {
      return Optional.of(parser.apply(text));
    } catch (IllegalArgumentException e) {
      problem(e.getMessage());
      return Optional.empty();
    }
  }
}
