package io.drumbeat.daily;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.drumbeat.HomeSection;
import io.drumbeat.Shared;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.config.TeamConfig;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.UserDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The Home's "Daily update": today's status in the person's own zone (posted, not yet, out of
 * office), <em>Write update</em> or <em>Edit today's update</em> (the prompt's button), the streak
 * of workdays in a row with an update, and the out-of-office period with <em>Set out of office</em>
 * (a modal with two date pickers, {@link OutOfOfficeModal}) or <em>End out of office</em>. For
 * admins: today's coverage per team (members who posted today in their own zone, of those not out
 * of office).
 */
public final class DailyHome implements HomeSection {
  /** Furthest back a streak is counted, in days. */
  static final int STREAK_DAYS = 120;

  private final DrumbeatConfig config;
  private final UserDirectory users;
  private final DailyRoster roster;
  private final Clock clock;
  private final OutOfOfficeModal modal;

  /**
   * @param s the shared parts (teams, zones, the Web API for the out-of-office modal, the Home's
   *     refresh after a change)
   */
  public DailyHome(Shared s) {
    this.config = s.config();
    this.users = s.users();
    this.clock = s.clock();
    this.roster =
        new DailyRoster(config.teams(), s.channels(), s.slack(), s.users(), s.jdbi(), s.clock());
    this.modal =
        new OutOfOfficeModal(
            s.jdbi(), s.slack(), s.home(), new Followups(s.jdbi(), s.outbox()), this::today);
  }

  /** {@code userId}'s local date now. */
  LocalDate today(String userId) {
    return LocalDate.now(clock.withZone(users.zoneOf(userId, config.timezone())));
  }

  @Override
  public List<LayoutBlock> blocks(Handle handle, String userId, int maxBlocks) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (roster.teamsOf(userId).isEmpty()) {
      return blocks;
    }
    DailyRepository repo = handle.attach(DailyRepository.class);
    LocalDate today = today(userId);
    boolean posted = repo.find(userId, today).isPresent();
    Optional<OutOfOffice> ooo = repo.outOfOffice(userId).filter(o -> !o.lastDay().isBefore(today));
    String status =
        ooo.filter(o -> o.covers(today)).isPresent()
            ? ":palm_tree: You are out of office today."
            : !config.isWorkday(today)
                ? ":sunny: No update is due today."
                : posted
                    ? ":white_check_mark: Posted today."
                    : ":hourglass_flowing_sand: Not posted yet today.";
    int streak = streak(repo, userId, today, posted);
    String text =
        "*Daily update* · "
            + today
            + "\n"
            + status
            + "\nStreak: *"
            + streak
            + "* workday"
            + (streak == 1 ? "" : "s")
            + " in a row with an update.\nOut of office: "
            + ooo.map(o -> o.firstDay() + " to " + o.lastDay() + " (inclusive)").orElse("not set");
    blocks.add(section(s -> s.text(markdownText(text))));
    List<BlockElement> buttons = new ArrayList<>();
    buttons.add(
        button(
            b ->
                b.actionId(DailyNotices.WRITE)
                    .text(plainText(posted ? "Edit today's update" : "Write update"))
                    .style("primary")
                    .value(today.toString())));
    buttons.add(button(b -> b.actionId(OutOfOfficeModal.SET).text(plainText("Set out of office"))));
    if (ooo.isPresent()) {
      buttons.add(
          button(b -> b.actionId(OutOfOfficeModal.END).text(plainText("End out of office"))));
    }
    blocks.add(actions(a -> a.blockId("home_daily").elements(buttons)));
    return blocks;
  }

  /**
   * Workdays in a row with an update, ending today when posted, else the workday before (today is
   * not over yet); holidays, weekends and out-of-office days neither count nor break it.
   */
  private int streak(DailyRepository repo, String userId, LocalDate today, boolean posted) {
    Set<LocalDate> days = new HashSet<>();
    repo.history(userId, today.minusDays(STREAK_DAYS), today).forEach(u -> days.add(u.localDate()));
    Optional<OutOfOffice> ooo = repo.outOfOffice(userId);
    int streak = 0;
    LocalDate day = posted ? today : today.minusDays(1);
    for (int i = 0; i < STREAK_DAYS; i++, day = day.minusDays(1)) {
      LocalDate d = day;
      if (days.contains(d)) {
        streak++;
      } else if (config.isWorkday(d) && ooo.filter(o -> o.covers(d)).isEmpty()) {
        break;
      }
    }
    return streak;
  }

  @Override
  public List<LayoutBlock> adminBlocks(Handle handle, int maxBlocks) {
    DailyRepository repo = handle.attach(DailyRepository.class);
    StringBuilder text = new StringBuilder("*Daily updates today*, per team:");
    for (TeamConfig team : config.teams()) {
      int members = 0;
      int done = 0;
      for (Map.Entry<String, List<TeamConfig>> e : roster.members().entrySet()) {
        if (!e.getValue().contains(team)) {
          continue;
        }
        LocalDate today = today(e.getKey());
        boolean away = repo.outOfOffice(e.getKey()).filter(o -> o.covers(today)).isPresent();
        if (!away && config.isWorkday(today)) {
          members++;
          done += repo.find(e.getKey(), today).isPresent() ? 1 : 0;
        }
      }
      text.append("\n• ")
          .append(Mrkdwn.escape(team.name() == null ? team.id() : team.name()))
          .append(": ")
          .append(done)
          .append(" of ")
          .append(members)
          .append(" posted");
    }
    String shown = Mrkdwn.truncate(text.toString(), Mrkdwn.MAX_TEXT);
    return List.of(section(s -> s.text(markdownText(shown))));
  }

  @Override
  public void register(App app) {
    modal.register(app);
  }
}
