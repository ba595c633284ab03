package io.drumbeat.config;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code teams} list of {@code drumbeat.yml}. */
final class TeamsSection {
  static final List<String> KEYS =
      List.of("id", "name", "channel", "members", "dailyPrompt", "dailyReminder", "digestAt");
  static final LocalTime DEFAULT_PROMPT = LocalTime.of(9, 30);
  static final LocalTime DEFAULT_REMINDER = LocalTime.of(15, 0);

  private TeamsSection() {}

  /**
   * Reads every team, reporting problems at {@code teams[i].key}.
   *
   * @return the valid teams in file order; empty when the key is absent
   */
  static List<TeamConfig> read(Node teams) {
    List<TeamConfig> result = new ArrayList<>();
    Map<String, String> pathById = new HashMap<>();
    for (Node team : teams.elements().orElse(List.of())) {
      readTeam(team, pathById).ifPresent(result::add);
    }
    return result;
  }

  private static Optional<TeamConfig> readTeam(Node team, Map<String, String> pathById) {
    if (team.isAbsent()) {
      team.problem("empty (a team needs at least id and channel)");
      return Optional.empty();
    }
    if (!team.isMapping(KEYS)) {
      return Optional.empty();
    }
    int before = team.problemCount();
    Node idNode = team.get("id");
    Optional<String> id = idNode.required(Scalars::teamId);
    id.ifPresent(
        value -> {
          String first = pathById.putIfAbsent(value, team.path());
          if (first != null) {
            idNode.problem(Scalars.quote(value) + " is already the id of " + first);
          }
        });
    Optional<String> name = team.get("name").text(TeamsSection::name);
    Optional<ChannelRef> channel = team.get("channel").channel(true);
    List<String> members = team.get("members").list(Scalars::userId).orElse(List.of());
    Optional<LocalTime> prompt = team.get("dailyPrompt").text(Scalars::time, DEFAULT_PROMPT);
    Node reminderNode = team.get("dailyReminder");
    Optional<LocalTime> reminder = reminderNode.text(Scalars::time, DEFAULT_REMINDER);
    if (prompt.isPresent() && reminder.isPresent() && !reminder.get().isAfter(prompt.get())) {
      reminderNode.problem(
          reminder.get()
              + (reminderNode.isAbsent() ? " (the default)" : "")
              + " must be after dailyPrompt "
              + prompt.get());
    }
    Optional<WeeklyTime> digestAt = team.get("digestAt").text(WeeklyTime::parse);
    if (team.problemCount() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new TeamConfig(
            id.orElseThrow(),
            name.orElse(id.orElseThrow()),
            channel.orElseThrow(),
            members,
            prompt.orElseThrow(),
            reminder.orElseThrow(),
            digestAt));
  }

  private static String name(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("must not be blank (leave it out to use the id)");
    }
    return text;
  }
}
