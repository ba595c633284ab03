package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.config.ChannelRef;
import io.drumbeat.config.TeamConfig;
import io.drumbeat.slack.ChannelDirectory;
import io.drumbeat.slack.SlackChannel;
import io.drumbeat.slack.SlackChannelRepository;
import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The history rule as a table, on H2 and PostgreSQL. Avery (A) is in three teams: "pub" with Sam
 * (B) in a public channel, "priv" with Rosa (C) in a private one, and "unk" with Dev (D) in a
 * channel Slack has told Drumbeat nothing about. Zoe (Z) is an admin in no team, Xavi (X) an
 * outsider.
 */
class HistoryAccessTest {
  static final LocalDate D1 = LocalDate.parse("2026-11-16");
  static final LocalDate D2 = D1.plusDays(1);
  static final LocalDate D3 = D1.plusDays(2);
  static final LocalDate D4 = D1.plusDays(3);
  static final HistoryQuery AVERY = new HistoryQuery("U0A", D1, D4);

  /**
   * A roster of teams with listed members, whose channels are given by id: such a roster never asks
   * Slack or the profiles for members, so it is built without them.
   */
  static DailyRoster listed(Jdbi jdbi, List<TeamConfig> teams) {
    Map<String, String> ids = new LinkedHashMap<>();
    teams.forEach(t -> ids.put(t.channel().keyPath(), t.channel().value()));
    return new DailyRoster(teams, ChannelDirectory.of(ids), null, null, jdbi, Clock.systemUTC());
  }

  static TeamConfig team(int index, String id, String channel, String... members) {
    return new TeamConfig(
        id,
        id,
        new ChannelRef("teams[" + index + "].channel", channel),
        List.of(members),
        LocalTime.of(9, 30),
        LocalTime.of(15, 0),
        Optional.empty());
  }

  static HistoryAccess access(Jdbi jdbi) {
    List<TeamConfig> teams =
        List.of(
            team(0, "pub", "C0PUB", "U0A", "U0B"),
            team(1, "priv", "C0PRIV", "U0A", "U0C"),
            team(2, "unk", "C0UNK", "U0A", "U0D"));
    return new HistoryAccess(jdbi, listed(jdbi, teams), "U0Z"::equals);
  }

  static void update(DailyRepository repo, LocalDate day, String... postedIn) {
    repo.save(new DailyUpdate("U0A", day, "day " + day, null, null, Instant.EPOCH));
    for (String channel : postedIn) {
      String team = channel.substring(3).toLowerCase(java.util.Locale.ROOT);
      repo.insertPost(new DailyPost("U0A", day, team, channel, "1.0" + channel.length()));
    }
  }

  static List<LocalDate> seenBy(HistoryAccess access, String viewer) {
    return access.readable(viewer, AVERY).stream().map(DailyUpdate::localDate).toList();
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void each_reader_sees_what_was_posted_where_they_can_read_and_the_author_sees_everything(
      TestDb db) {
    try (Database database = db.open()) {
      Jdbi jdbi = database.jdbi();
      SlackChannelRepository channels = jdbi.onDemand(SlackChannelRepository.class);
      channels.save(new SlackChannel("C0PUB", "pub", false, Instant.EPOCH));
      channels.save(new SlackChannel("C0PRIV", "priv", true, Instant.EPOCH));
      DailyRepository repo = jdbi.onDemand(DailyRepository.class);
      update(repo, D1, "C0PUB", "C0PRIV");
      update(repo, D2, "C0PRIV");
      update(repo, D3);
      update(repo, D4, "C0UNK");
      HistoryAccess access = access(jdbi);

      assertThat(seenBy(access, "U0A")).containsExactly(D4, D3, D2, D1);
      assertThat(seenBy(access, "U0B")).containsExactly(D1);
      assertThat(seenBy(access, "U0C")).containsExactly(D2, D1);
      assertThat(seenBy(access, "U0D")).containsExactly(D4, D1);
      assertThat(seenBy(access, "U0Z")).containsExactly(D1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void the_author_an_admin_and_teammates_may_ask_and_nobody_else(TestDb db) {
    try (Database database = db.open()) {
      HistoryAccess access = access(database.jdbi());

      assertThat(access.refusal("U0A", "U0A")).isEmpty();
      assertThat(access.refusal("U0B", "U0A")).isEmpty();
      assertThat(access.refusal("U0C", "U0A")).isEmpty();
      assertThat(access.refusal("U0Z", "U0C")).isEmpty();
      assertThat(access.refusal("U0B", "U0C")).get().asString().contains("<@U0C>");
      assertThat(access.refusal("U0X", "U0A"))
          .hasValue(
              ":no_entry: You can read the daily updates only of people who share a team with you"
                  + " (admins: anyone's), and <@U0A> is in none of your teams.");
    }
  }
}
