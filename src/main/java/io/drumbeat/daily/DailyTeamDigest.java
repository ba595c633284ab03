package io.drumbeat.daily;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.config.TeamConfig;
import io.drumbeat.config.WeeklyTime;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.UserDirectory;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The optional weekly team digest ({@code teams[].digestAt}): who posted how many updates this week
 * (Monday to today, organisation zone) and the blockers raised. Names, not mentions: it pings
 * nobody, and nobody is listed as missing.
 */
final class DailyTeamDigest {
  private final Jdbi jdbi;
  private final DailyRoster roster;
  private final Outbox outbox;
  private final UserDirectory users;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param jdbi database
   * @param roster team channels
   * @param outbox where the digest is recorded (a channel problem reaches the admins from there)
   * @param users member names
   * @param clock the time source
   * @param zone organisation zone
   */
  DailyTeamDigest(
      Jdbi jdbi, DailyRoster roster, Outbox outbox, UserDirectory users, Clock clock, ZoneId zone) {
    this.jdbi = jdbi;
    this.roster = roster;
    this.outbox = outbox;
    this.users = users;
    this.clock = clock;
    this.zone = zone;
  }

  /** Posts the digest if this week's {@code digestAt} has passed (never for a past week). */
  public boolean runScheduled(TeamConfig team) {
    WeeklyTime at = team.digestAt().orElseThrow();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    if (at.in(today, zone).toInstant().isAfter(clock.instant())) {
      return false;
    }
    return post(team);
  }

  /**
   * Records the team's digest for this week so far, once per team and week (key {@code
   * daily-digest:TEAM:MONDAY:N}); parts after the first go in its thread.
   *
   * @return true when recorded now, false when this week's was already recorded
   */
  public boolean post(TeamConfig team) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    String channel = roster.channelOf(team);
    String prefix = "daily-digest:" + team.id() + ":" + monday + ":";
    String text = "Weekly daily-update digest for " + Mrkdwn.escape(team.name());
    return jdbi.inTransaction(
        h -> {
          List<DailyUpdate> updates =
              h.attach(DailyRepository.class).teamUpdates(team.id(), monday, today);
          List<List<LayoutBlock>> parts = MessagePacker.pack(blocks(team, monday, today, updates));
          boolean recorded = false;
          for (int i = 0; i < parts.size(); i++) {
            Delivery part =
                Delivery.message(prefix + (i + 1), channel, Content.of(text, parts.get(i)));
            recorded |= outbox.enqueue(h, i == 0 ? part : part.inThreadOf(prefix + 1));
          }
          return recorded;
        });
  }

  private List<LayoutBlock> blocks(
      TeamConfig team, LocalDate from, LocalDate to, List<DailyUpdate> updates) {
    Map<String, Integer> counts = new TreeMap<>();
    List<String> blockers = new ArrayList<>();
    for (DailyUpdate u : updates) {
      String name = Mrkdwn.escape(users.nameOf(u.userId()));
      counts.merge(name, 1, Integer::sum);
      DailyText.items(u.blockers())
          .forEach(
              b -> blockers.add("• " + name + " (" + u.localDate() + "): " + Mrkdwn.escape(b)));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        header(
            h ->
                h.text(
                    plainText(
                        Mrkdwn.truncate(
                            "Daily updates · " + team.name() + " · " + from + " to " + to, 150)))));
    StringBuilder who = new StringBuilder(updates.size() + " updates this week\n");
    counts.forEach((name, n) -> who.append("• ").append(name).append(": ").append(n).append('\n'));
    Mrkdwn.chunk(who.toString(), Mrkdwn.MAX_TEXT)
        .forEach(t -> blocks.add(section(s -> s.text(markdownText(t)))));
    String blocked =
        blockers.isEmpty()
            ? "*Blockers:* none raised"
            : "*Blockers raised:*\n" + String.join("\n", blockers);
    Mrkdwn.chunk(blocked, Mrkdwn.MAX_TEXT)
        .forEach(t -> blocks.add(section(s -> s.text(markdownText(t)))));
    return blocks;
  }
}
