package io.drumbeat.config;

import io.drumbeat.DrumbeatException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code drumbeat.yml} could not be read or is invalid. Carries every problem found, not just the
 * first, so an admin can fix the file in one pass.
 *
 * <p>Each problem is one line {@code "<keyPath>: <what is wrong>"}, for example {@code
 * "teams[1].dailyPrompt: \"9:30\" is not a time (use 24-hour HH:mm, e.g. 09:30)"}. A YAML syntax
 * error uses {@code "<line>:<column>"} (1-based) in place of the key path; a file that cannot be
 * read has just the reason. The message has one line per problem, each prefixed with the source:
 * {@code "<source>: <keyPath>: <what is wrong>"}.
 */
public final class ConfigException extends DrumbeatException {
  /** The problems, each {@code "<keyPath>: <what is wrong>"}; unmodifiable. */
  private final List<String> problems;

  /**
   * @param source the file path or name the configuration came from, e.g. {@code drumbeat.yml}
   * @param problems the problems found, each {@code "<keyPath>: <what is wrong>"}; copied
   */
  public ConfigException(String source, List<String> problems) {
    this(source, problems, null);
  }

  /**
   * @param source the file path or name the configuration came from
   * @param problems the problems found; copied
   * @param cause the underlying failure (I/O or YAML parser), or null
   */
  ConfigException(String source, List<String> problems, Throwable cause) {
    super(message(source, problems), cause);
    this.problems = List.copyOf(problems);
  }

  /**
   * @return the problems without the source prefix, in the order found; unmodifiable
   */
  public List<String> problems() {
    return problems;
  }

  private static String message(String source, List<String> problems) {
    if (problems.isEmpty()) {
      return source + ": invalid configuration";
    }
    return problems.stream().map(p -> source + ": " + p).collect(Collectors.joining("\n"));
  }
}
