package io.drumbeat.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the top level of {@code drumbeat.yml} and assembles the {@link DrumbeatConfig}. */
final class RootSection {
  static final List<String> KEYS =
      List.of(
          "timezone",
          "fiscalYearStartMonth",
          "workdays",
          "holidays",
          "admins",
          "teams",
          "okr",
          "retro",
          "calendar",
          "daily",
          "monthly");
  static final Set<DayOfWeek> DEFAULT_WORKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  private RootSection() {}

  /**
   * Reads the whole document.
   *
   * @return the configuration, or null if any problem was recorded
   */
  static DrumbeatConfig read(Node root) {
    int before = root.problemCount();
    if (!root.isAbsent() && !root.isMapping(KEYS)) {
      return null; // an empty file goes on, to report the required keys as missing
    }
    Optional<ZoneId> timezone = root.get("timezone").required(Scalars::zone);
    Optional<Integer> fiscal = root.get("fiscalYearStartMonth").integer(1, 12, 1);
    Set<DayOfWeek> workdays = workdays(root.get("workdays"));
    Set<LocalDate> holidays = holidays(root.get("holidays"));
    List<String> admins = root.get("admins").list(Scalars::userId).orElse(List.of());
    List<TeamConfig> teams = TeamsSection.read(root.get("teams"));
    OkrConfig okr = OkrSection.read(root.get("okr"));
    RetroConfig retro = RetroSection.read(root.get("retro"));
    List<CalendarEntry> calendar = CalendarSection.read(root.get("calendar"));
    DailyConfig daily = DailySection.read(root.get("daily"));
    MonthlyConfig monthly = MonthlySection.read(root.get("monthly"));
    if (root.problemCount() > before) {
      return null;
    }
    return new DrumbeatConfig(
        timezone.orElseThrow(),
        fiscal.orElseThrow(),
        workdays,
        holidays,
        admins,
        teams,
        okr,
        retro,
        calendar,
        daily,
        monthly);
  }

  private static Set<DayOfWeek> workdays(Node node) {
    if (node.isAbsent()) {
      return DEFAULT_WORKDAYS;
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    List<Node> elements = node.elements().orElse(null);
    if (elements == null) {
      return days;
    }
    if (elements.isEmpty()) {
      node.problem("must list at least one day");
    }
    for (Node element : elements) {
      element
          .required(Scalars::day)
          .filter(day -> !days.add(day))
          .ifPresent(day -> element.problem(day.name().substring(0, 3) + " is listed twice"));
    }
    return days;
  }

  private static Set<LocalDate> holidays(Node node) {
    Set<LocalDate> dates = new LinkedHashSet<>();
    node.elements().orElse(List.of()).forEach(element -> element.date().ifPresent(dates::add));
    return dates;
  }
}
