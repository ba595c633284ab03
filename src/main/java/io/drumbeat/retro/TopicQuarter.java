package io.drumbeat.retro;

import io.drumbeat.okr.Quarter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which OKR quarter a retro is linked to: its {@code --okrs} quarter; else the current quarter when
 * the retro runs in {@code okr.channel} or {@code okr.digestChannel}; else none. Action items may
 * be linked to a KR of {@link #forActions} (the linked quarter, else the current one).
 */
final class TopicQuarter {
  private final Clock clock;
  private final ZoneId zone;
  private final int fiscalYearStartMonth;
  private final Supplier<Set<String>> okrChannels;

  /**
   * @param clock the time source
   * @param zone the organisation's zone
   * @param fiscalYearStartMonth 1–12
   * @param okrChannels ids of {@code okr.channel} and {@code okr.digestChannel} (looked up when
   *     needed)
   */
  TopicQuarter(
      Clock clock, ZoneId zone, int fiscalYearStartMonth, Supplier<Set<String>> okrChannels) {
    this.clock = clock;
    this.zone = zone;
    this.fiscalYearStartMonth = fiscalYearStartMonth;
    this.okrChannels = okrChannels;
  }

  /** The quarter {@code retro}'s suggested topics come from, if any. */
  Optional<Quarter> of(Retro retro) {
    if (retro.okrQuarter() != null) {
      return Optional.of(Quarter.parse(retro.okrQuarter()));
    }
    return okrChannels.get().contains(retro.channel()) ? Optional.of(current()) : Optional.empty();
  }

  /** The quarter whose KRs {@code retro}'s action items may be linked to. */
  Quarter forActions(Retro retro) {
    return of(retro).orElseGet(this::current);
  }

  /** The first day of {@code quarter}. */
  LocalDate start(Quarter quarter) {
    return quarter.start(fiscalYearStartMonth);
  }

  /** Today in the organisation's zone. */
  LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  private Quarter current() {
    return Quarter.containing(today(), fiscalYearStartMonth);
  }
}
