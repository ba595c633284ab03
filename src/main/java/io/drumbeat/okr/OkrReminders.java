package io.drumbeat.okr;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.config.WeeklyTime;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.UserDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Friday reminder: each KR owner with at least one KR lacking this week's check-in gets one
 * private DM at {@code reminderAt} in their own zone, listing those KRs, with an "Update now"
 * button. Nobody else is pinged; the {@code okr_reminder} ledger (primary key owner + week) makes a
 * second send impossible, whichever instance or retry gets there.
 */
final class OkrReminders {
  private static final Logger LOG = LoggerFactory.getLogger(OkrReminders.class);
  private final Jdbi jdbi;
  private final OkrCalendar calendar;
  private final WeeklyTime reminderAt;
  private final Outbox outbox;
  private final UserDirectory users;

  /**
   * @param jdbi database
   * @param calendar organisation time
   * @param reminderAt {@code okr.reminderAt}, read in each owner's own zone
   * @param outbox where the reminder DMs are recorded
   * @param users owners' zones
   */
  public OkrReminders(
      Jdbi jdbi, OkrCalendar calendar, WeeklyTime reminderAt, Outbox outbox, UserDirectory users) {
    this.jdbi = jdbi;
    this.calendar = calendar;
    this.reminderAt = reminderAt;
    this.outbox = outbox;
    this.users = users;
  }

  /** What a reminder run did for one owner. */
  public enum Outcome {
    SENT,
    UP_TO_DATE,
    ALREADY_REMINDED,
    PAST_WEEK
  }

  /**
   * The owners of the current quarter's KRs who have not been reminded this week and lack a
   * check-in, each with the instant of this week's reminder in their own zone (from their Slack
   * profile, read with {@code users.list} when one is missing; the organisation zone when Slack
   * does not know it).
   */
  public List<Due> dueThisWeek() {
    IsoWeek week = calendar.currentWeek();
    OkrRepository repo = jdbi.onDemand(OkrRepository.class);
    List<Due> due = new ArrayList<>();
    List<String> owners = owners();
    users.ensureKnown(owners);
    for (String owner : owners) {
      if (repo.reminderCount(owner, week.toString()) == 0 && !missing(owner, week).isEmpty()) {
        var zone = users.zoneOf(owner, calendar.zone());
        due.add(new Due(owner, week, reminderAt.in(week.monday(), zone).toInstant()));
      }
    }
    return due;
  }

  /** Owners of the KRs of the current week's quarter, by user id. */
  public List<String> owners() {
    IsoWeek week = calendar.currentWeek();
    return jdbi.onDemand(OkrRepository.class).owners(calendar.quarterOf(week).toString());
  }

  /**
   * Reminds {@code owner} for {@code week} unless the week is over, they are up to date, or they
   * were already reminded.
   *
   * <p>The ledger claim and the DM (delivery key {@code okr-reminder:U1:2026-W47}, not sent after
   * the week ends) are recorded in one transaction; the outbox delivers the DM.
   */
  public Outcome remind(String owner, IsoWeek week) {
    if (calendar.currentWeek().compareTo(week) > 0) {
      LOG.info("Not reminding {} for {}: that week is over", owner, week);
      return Outcome.PAST_WEEK;
    }
    List<KeyResult> missing = missing(owner, week);
    if (missing.isEmpty()) {
      return Outcome.UP_TO_DATE;
    }
    var weekEnds = week.monday().plusWeeks(1).atStartOfDay(users.zoneOf(owner, calendar.zone()));
    return jdbi.inTransaction(
        h -> {
          OkrRepository repo = h.attach(OkrRepository.class);
          if (repo.claimReminder(owner, week.toString(), calendar.clock().instant()) == 0) {
            return Outcome.ALREADY_REMINDED;
          }
          outbox.enqueue(
              h,
              Delivery.message(
                      "okr-reminder:" + owner + ":" + week,
                      owner,
                      Content.of(fallback(missing), blocks(missing, week)))
                  .expiringAt(weekEnds.toInstant()));
          return Outcome.SENT;
        });
  }

  /**
   * Gives up on a reminder that kept failing: it is marked as handled so the planner does not
   * schedule it again this week.
   */
  public void giveUp(String owner, IsoWeek week) {
    jdbi.onDemand(OkrRepository.class)
        .claimReminder(owner, week.toString(), calendar.clock().instant());
  }

  /** The owner's KRs (in the week's quarter) with no check-in filed under {@code week}. */
  public List<KeyResult> missing(String owner, IsoWeek week) {
    OkrRepository repo = jdbi.onDemand(OkrRepository.class);
    String quarter = calendar.quarterOf(week).toString();
    Set<String> done =
        repo.checkIns(quarter, List.of(week.toString())).stream()
            .map(CheckIn::krKey)
            .collect(Collectors.toSet());
    return repo.keyResultsOwnedBy(quarter, owner).stream()
        .filter(kr -> !done.contains(kr.krKey()))
        .toList();
  }

  private static String fallback(List<KeyResult> missing) {
    return "Reminder: " + missing.size() + " of your key results need this week's check-in.";
  }

  private static List<LayoutBlock> blocks(List<KeyResult> missing, IsoWeek week) {
    StringBuilder text =
        new StringBuilder(
            ":wave: It's check-in time for *"
                + week
                + "*. These key results"
                + " have no update yet, so the Monday digest will show them as \"no update this week\":\n");
    for (KeyResult kr : missing.stream().limit(20).toList()) {
      text.append("• ").append(CheckInText.title(kr)).append('\n');
    }
    if (missing.size() > 20) {
      text.append("…and ").append(missing.size() - 20).append(" more\n");
    }
    return List.of(
        section(s -> s.text(markdownText(Mrkdwn.truncate(text.toString(), Mrkdwn.MAX_TEXT)))),
        actions(
            a ->
                a.elements(
                    List.of(
                        button(
                            b ->
                                b.actionId(OkrListeners.UPDATE_NOW)
                                    .text(plainText("Update now"))
                                    .style("primary")
                                    .value(week.toString()))))));
  }

  /**
   * One owner's reminder for a week.
   *
   * @param owner Slack user id
   * @param week the ISO week
   * @param at the instant of {@code reminderAt} in the owner's zone
   */
  public record Due(String owner, IsoWeek week, Instant at) {
    /** The deterministic db-scheduler instance id, e.g. "U0AAA1:2026-W47". */
    public String instanceId() {
      return owner + ":" + week;
    }

    /** Parses {@link #instanceId()}. */
    public static Due parse(String instanceId) {
      int colon = instanceId.lastIndexOf(':');
      return new Due(
          instanceId.substring(0, colon), IsoWeek.parse(instanceId.substring(colon + 1)), null);
    }
  }
}
