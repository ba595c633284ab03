package io.drumbeat.config;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the optional {@code monthly} section of {@code drumbeat.yml}. */
final class MonthlySection {
  static final List<String> KEYS = List.of("channel", "at", "email");
  static final List<String> EMAIL_KEYS = List.of("to", "from");
  static final LocalTime DEFAULT_AT = LocalTime.of(10, 0);
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");

  private MonthlySection() {}

  /**
   * Reads the section; absent means no monthly update.
   *
   * @return the section, or null if any problem was recorded (e.g. {@code monthly.email.from:
   *     missing (required with monthly.email.to)})
   */
  static MonthlyConfig read(Node monthly) {
    if (monthly.isAbsent()) {
      return MonthlyConfig.NONE;
    }
    if (!monthly.isMapping(KEYS)) {
      return null;
    }
    int before = monthly.problemCount();
    Optional<ChannelRef> channel = monthly.get("channel").channel(true);
    Optional<LocalTime> at = monthly.get("at").text(Scalars::time, DEFAULT_AT);
    Node email = monthly.get("email");
    List<String> to = List.of();
    Optional<String> from = Optional.empty();
    if (!email.isAbsent() && email.isMapping(EMAIL_KEYS)) {
      to = email.get("to").list(MonthlySection::address).orElse(List.of());
      from = email.get("from").text(MonthlySection::address);
      if (!to.isEmpty() && email.get("from").isAbsent()) {
        email.get("from").problem("missing (required with monthly.email.to)");
      }
    }
    if (monthly.problemCount() > before) {
      return null;
    }
    return new MonthlyConfig(channel, at.orElseThrow(), to, from);
  }

  static String address(String text) {
    if (!ADDRESS.matcher(text).matches()) {
      throw new IllegalArgumentException(
          Scalars.quote(text) + " is not an email address (e.g. vp@example.com)");
    }
    return text;
  }
}
