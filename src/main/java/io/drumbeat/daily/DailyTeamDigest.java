package io.drumbeat.daily;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.config.TeamConfig;
import io.drumbeat.config.WeeklyTime;
import io.drumbeat.slack.AdminNotifier;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
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
  private final SlackGateway slack;
  private final UserDirectory users;
  private final AdminNotifier admins;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param jdbi database
   * @param roster team channels
   * @param slack Web API
   * @param users member names
   * @param admins told about channel problems
   * @param clock the time source
   * @param zone organisation zone
   */
  public DailyTeamDigest(
      Jdbi jdbi,
      DailyRoster roster,
      SlackGateway slack,
      UserDirectory users,
      AdminNotifier admins,
      Clock clock,
      ZoneId zone) {
    this.jdbi = jdbi;
    this.roster = roster;
    this.slack = slack;
    this.users = users;
    this.admins = admins;
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

  /** Builds and posts the team's digest for this week so far. */
  public boolean post(TeamConfig team) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<DailyUpdate> updates =
        jdbi.onDemand(DailyRepository.class).teamUpdates(team.id(), monday, today);
    String channel = roster.channelOf(team);
    try {
      String ts = null;
      for (List<LayoutBlock> message : MessagePacker.pack(blocks(team, monday, today, updates))) {
        var posted =
            slack.post(channel, "Weekly daily-update digest for " + team.name(), message, ts);
        ts = ts == null ? posted.ts() : ts;
      }
      return true;
    } catch (SlackCallException e) {
      admins.tell(AdminNotifier.channelAdvice("the weekly daily-update digest", channel, e));
      return false;
    }
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
