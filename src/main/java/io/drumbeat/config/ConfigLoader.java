package io.drumbeat.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads and validates {@code drumbeat.yml}. Reports every problem at once, each with its key path,
 * as a {@link ConfigException}. Thread-safe.
 */
public final class ConfigLoader {
  private final ObjectMapper yaml =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Creates a loader. */
  public ConfigLoader() {}

  /**
   * Reads and validates a UTF-8 configuration file.
   *
   * @param file the file, e.g. {@code /etc/drumbeat/drumbeat.yml}
   * @return the configuration
   * @throws ConfigException if the file is missing or unreadable (the message names the file), is
   *     not valid YAML (with line:column) or is not a valid configuration (every problem with its
   *     key path)
   */
  public DrumbeatConfig load(Path file) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source, List.of("cannot read the file: no such file"), e);
    } catch (AccessDeniedException e) {
      throw new ConfigException(source, List.of("cannot read the file: permission denied"), e);
    } catch (CharacterCodingException e) {
      throw new ConfigException(source, List.of("cannot read the file: not UTF-8 text"), e);
    } catch (IOException e) {
      throw new ConfigException(source, List.of("cannot read the file: " + e), e);
    }
    return parse(text, source);
  }

  /**
   * Parses and validates configuration text.
   *
   * @param yamlText the YAML document
   * @param sourceName where it came from, used as the prefix of every problem in the message
   * @return the configuration
   * @throws ConfigException if the text is not valid YAML (with line:column) or not a valid
   *     configuration (every problem with its key path)
   */
  public DrumbeatConfig parse(String yamlText, String sourceName) {
    Objects.requireNonNull(yamlText, "yamlText");
    Objects.requireNonNull(sourceName, "sourceName");
    JsonNode tree;
    try {
      tree = yaml.readTree(yamlText);
    } catch (JsonProcessingException e) {
      throw new ConfigException(sourceName, List.of(syntaxProblem(e)), e);
    }
    List<String> problems = new ArrayList<>();
    DrumbeatConfig config = RootSection.read(Node.root(tree, problems));
    if (!problems.isEmpty() || config == null) {
      throw new ConfigException(sourceName, problems);
    }
    return config;
  }

  /**
   * "line:column: invalid YAML: what". SnakeYAML's problem mark is preferred to Jackson's location,
   * which is where the parser stopped rather than where the problem is.
   */
  private static String syntaxProblem(JsonProcessingException e) {
    String what = firstLine(e.getOriginalMessage());
    JsonLocation location = e.getLocation();
    String where = location == null ? null : location.getLineNr() + ":" + location.getColumnNr();
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      where = position(marked.getProblemMark());
      what = marked.getProblem();
      if (marked.getContext() != null && marked.getContextMark() != null) {
        what += " (" + marked.getContext() + " at " + position(marked.getContextMark()) + ")";
      }
    }
    return (where == null ? "" : where + ": ") + "invalid YAML: " + what;
  }

  private static String position(Mark mark) {
    return (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
