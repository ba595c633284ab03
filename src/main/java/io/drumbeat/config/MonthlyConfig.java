package io.drumbeat.config;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The optional {@code monthly} section of {@code drumbeat.yml}: the monthly update.
 *
 * @param channel where the month in review is posted; empty when the section is absent (no monthly
 *     update)
 * @param at time of day, in the organisation's zone, on the first workday of each month; default
 *     10:00
 * @param emailTo addresses the update is also emailed to ({@code monthly.email.to}); empty for none
 * @param emailFrom the sender address ({@code monthly.email.from}); present whenever {@code
 *     emailTo} is not empty
 */
public record MonthlyConfig(
    Optional<ChannelRef> channel, LocalTime at, List<String> emailTo, Optional<String> emailFrom) {
  /** No monthly update. */
  public static final MonthlyConfig NONE =
      new MonthlyConfig(Optional.empty(), MonthlySection.DEFAULT_AT, List.of(), Optional.empty());

  /**
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code emailTo} is set without {@code emailFrom}
   */
  public MonthlyConfig {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
    emailTo = List.copyOf(emailTo);
    Objects.requireNonNull(emailFrom, "emailFrom");
    if (!emailTo.isEmpty() && emailFrom.isEmpty()) {
      throw new IllegalArgumentException("monthly.email.from is required with monthly.email.to");
    }
  }
}
