package io.drumbeat.okr;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.config.WeeklyTime;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Monday digest for the weekly VP sync (handbook {@code product-and-engineering.md}, "OKR
 * slides"): built from the database and posted to {@code okr.digestChannel}; parts beyond the first
 * message go in its thread.
 */
final class OkrDigest {
  private static final Logger LOG = LoggerFactory.getLogger(OkrDigest.class);
  private final Jdbi jdbi;
  private final OkrCalendar calendar;
  private final WeeklyTime reminderAt;
  private final WeeklyTime digestAt;
  private final Outbox outbox;
  private final Supplier<String> channel;
  private final QuarterCharts charts;
  private final DigestAdditions additions;

  /**
   * @param jdbi database
   * @param calendar organisation time
   * @param reminderAt {@code okr.reminderAt}: the digest reports on the latest week whose reminder
   *     day has begun
   * @param outbox where the digest is recorded (a channel problem reaches the admins from there)
   * @param channel the id of {@code okr.digestChannel} (looked up when needed)
   * @param charts the quarter's trend chart, shared in the digest's thread
   * @param additions what other rituals add (open retro action items, stuck blockers, the agenda);
   *     {@link DigestAdditions#NONE} for none
   */
  public OkrDigest(
      Jdbi jdbi,
      OkrCalendar calendar,
      WeeklyTime reminderAt,
      WeeklyTime digestAt,
      Outbox outbox,
      Supplier<String> channel,
      QuarterCharts charts,
      DigestAdditions additions) {
    this.additions = additions;
    this.jdbi = jdbi;
    this.charts = charts;
    this.calendar = calendar;
    this.reminderAt = reminderAt;
    this.digestAt = digestAt;
    this.outbox = outbox;
    this.channel = channel;
  }

  /**
   * Runs the scheduled digest: records it when this week's {@code digestAt} has passed. A digest
   * missed while Drumbeat was down is therefore posted once on restart if its week is still
   * current, and never for a past week (db-scheduler runs a missed recurring execution once); its
   * delivery key ({@code okr-digest:QUARTER:WEEK:N}) makes a second run of the same week a no-op.
   *
   * @return true when recorded now
   */
  public boolean runScheduled() {
    Instant dueThisWeek = digestAt.in(calendar.today(), calendar.zone()).toInstant();
    if (dueThisWeek.isAfter(calendar.clock().instant())) {
      LOG.info("Skipping a digest from a past week; this week's is due {}", dueThisWeek);
      return false;
    }
    return record("");
  }

  /**
   * Records the digest now (an admin's {@code /drumbeat digest now}), posted even when this week's
   * scheduled one was.
   *
   * @return the week it reports on
   */
  public IsoWeek postNow() {
    record(":now-" + calendar.clock().millis());
    return calendar.reportingWeek(reminderAt);
  }

  private boolean record(String run) {
    Digest digest = build(calendar.reportingWeek(reminderAt));
    String prefix = "okr-digest:" + digest.quarter() + ":" + digest.week() + run + ":";
    String channel = this.channel.get();
    QuarterCharts.Drawn chart = charts.draw(digest.quarter());
    return jdbi.inTransaction(
        h -> {
          DigestAdditions.After after = additions.after(h, calendar.today());
          List<List<LayoutBlock>> messages =
              DigestRenderer.render(digest, kr -> additions.underKr(h, kr), after.blocks());
          boolean recorded = false;
          for (int i = 0; i < messages.size(); i++) {
            String text =
                "OKR digest "
                    + digest.quarter()
                    + " "
                    + digest.week()
                    + (messages.size() > 1
                        ? " (part " + (i + 1) + " of " + messages.size() + ")"
                        : "");
            Delivery part =
                Delivery.message(prefix + (i + 1), channel, Content.of(text, messages.get(i)));
            recorded |= outbox.enqueue(h, i == 0 ? part : part.inThreadOf(prefix + 1));
          }
          if (recorded) {
            charts.record(h, chart, channel, prefix + 1, "the OKR digest of " + digest.week());
            after.recorded().accept(h, prefix + 1);
          }
          return recorded;
        });
  }

  /** The digest of {@code week}: every KR of that week's quarter with its check-ins. */
  public Digest build(IsoWeek week) {
    OkrRepository repo = jdbi.onDemand(OkrRepository.class);
    String quarter = calendar.quarterOf(week).toString();
    Map<String, CheckIn> thisWeek =
        repo.checkIns(quarter, List.of(week.toString())).stream()
            .collect(Collectors.toMap(CheckIn::krKey, Function.identity()));
    List<KeyResult> krs = repo.keyResults(quarter);
    List<Digest.Section> sections = new ArrayList<>();
    for (Objective objective : repo.objectives(quarter)) {
      List<Digest.Row> rows =
          krs.stream()
              .filter(kr -> kr.objectiveKey().equals(objective.objectiveKey()))
              .map(
                  kr ->
                      new Digest.Row(
                          kr,
                          thisWeek.get(kr.krKey()),
                          repo.checkInBefore(quarter, kr.krKey(), week.toString()).orElse(null)))
              .toList();
      sections.add(new Digest.Section(objective, rows));
    }
    return new Digest(calendar.quarterOf(week), week, sections);
  }
}
