package io.drumbeat.admin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A job an admin can trigger with {@code /drumbeat WORDS} (or {@code /drumbeat WORDS ARGUMENT} when
 * it takes an argument).
 *
 * @param words what follows {@code /drumbeat}, e.g. "digest now"
 * @param description one line for {@code /drumbeat help}
 * @param run does the work (after the ack) and returns a short mrkdwn report for the admin
 * @param withArgument for a job that takes an optional argument (e.g. {@code scorecard FY2027-Q1}):
 *     does the work with the argument as typed, "" when none was given; else null
 */
public record AdminAction(
    String words, String description, Supplier<String> run, Function<String, String> withArgument) {

  /** A job without an argument. */
  public AdminAction(String words, String description, Supplier<String> run) {
    this(words, description, run, null);
  }

  /** A job that takes an optional argument after its words. */
  public static AdminAction withArgument(
      String words, String description, Function<String, String> job) {
    return new AdminAction(words, description, () -> job.apply(""), job);
  }

  /**
   * The action {@code text} names, and its argument ("" when none).
   *
   * @param text what followed {@code /drumbeat}, whitespace-normalised
   */
  static Optional<Match> find(List<AdminAction> actions, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (AdminAction a : actions) {
      if (lower.equals(a.words())) {
        return Optional.of(new Match(a, ""));
      }
      if (a.withArgument() != null && lower.startsWith(a.words() + " ")) {
        return Optional.of(new Match(a, text.substring(a.words().length() + 1).trim()));
      }
    }
    return Optional.empty();
  }

  /** An action and its argument. */
  record Match(AdminAction action, String argument) {
    /** Runs it. */
    String run() {
      return argument.isEmpty() ? action.run().get() : action.withArgument().apply(argument);
    }
  }
}
