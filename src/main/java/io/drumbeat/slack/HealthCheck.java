package io.drumbeat.slack;

import java.util.Optional;

/**
 * What {@code GET /healthz} reports: nothing while Drumbeat can serve Slack, else the first problem
 * found. Must answer quickly (it never waits for the database or Slack).
 */
@FunctionalInterface
public interface HealthCheck {
  /** The problem now, or empty when healthy. */
  Optional<Problem> problem();

  /**
   * Why Drumbeat cannot serve Slack now.
   *
   * @param reason a short fixed word for monitors, e.g. {@code database} or {@code socket_mode}
   * @param detail a sentence for people, or null when the reason says it all
   */
  record Problem(String reason, String detail) {}
}
