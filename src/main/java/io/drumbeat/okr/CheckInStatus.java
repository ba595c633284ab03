package io.drumbeat.okr;

import java.util.Arrays;
import java.util.Optional;

/**
 * A key result's status in a check-in (handbook {@code product-and-engineering.md}, "OKR slides").
 * Stored by name.
 */
public enum CheckInStatus {
  ON_TRACK("On track", ":large_green_circle:"),
  AT_RISK("At risk", ":large_yellow_circle:"),
  OFF_TRACK("Off track", ":red_circle:"),
  DONE("Done", ":white_check_mark:");

  private final String label;
  private final String emoji;

  CheckInStatus(String label, String emoji) {
    this.label = label;
    this.emoji = emoji;
  }

  /** Human label, e.g. "At risk". */
  public String label() {
    return label;
  }

  /** Slack emoji code shown before the label in messages. */
  public String emoji() {
    return emoji;
  }

  /** The status whose {@link #name()} is {@code value}, if any. */
  public static Optional<CheckInStatus> fromValue(String value) {
    return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
  }
}
