package io.drumbeat.slack;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What {@code GET /healthz} reports: nothing while Drumbeat can serve Slack, else the first problem
 * found. Must answer quickly (it never waits for the database or Slack).
 */
@FunctionalInterface
public interface HealthCheck {
  /** The problem now, or empty when healthy. */
  Optional<Problem> problem();

  /**
   * Drumbeat's check: the database first ({@code database}), then the Socket Mode connection
   * ({@code socketMode}: a sentence saying what is wrong, empty while it is fine or not used).
   */
  static HealthCheck of(BooleanSupplier database, Supplier<Optional<String>> socketMode) {
    return () ->
        database.getAsBoolean()
            ? socketMode.get().map(detail -> new Problem("socket_mode", detail))
            : Optional.of(new Problem("database", null));
  }

  /**
   * Why Drumbeat cannot serve Slack now.
   *
   * @param reason a short fixed word for monitors, e.g. {@code database} or {@code socket_mode}
   * @param detail a sentence for people, or null when the reason says it all
   */
  record Problem(String reason, String detail) {}
}
