package io.drumbeat.okr;

import io.drumbeat.config.WeeklyTime;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.Replays;
import io.drumbeat.slack.UserDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The KR owners' retrospective prework (handbook {@code product-and-engineering.md}: "DRI
 * responsible for each KR fills out their retrospective slide"): in week 12 of the quarter, at
 * {@code okr.retroPrompt} in the owner's zone, each KR owner gets a DM "Write your KR
 * retrospective" with a button per KR; owners with a KR still without one get one reminder on week
 * 13's Monday at the same time. Retrospectives are stored per KR per quarter and can be edited
 * until the quarter's scorecard is final.
 */
final class KrRetros {
  /** {@code action_id} of the DM's per-KR button; its value is {@code QUARTER|KR_KEY}. */
  static final String WRITE = KrRetroPrompt.WRITE;

  private final Jdbi jdbi;
  private final OkrCalendar calendar;
  private final int fiscalYearStartMonth;
  private final WeeklyTime retroPrompt;
  private final Outbox outbox;
  private final Replays replays;
  private final UserDirectory users;

  /**
   * @param jdbi database
   * @param calendar organisation time
   * @param fiscalYearStartMonth 1 to 12
   * @param retroPrompt {@code okr.retroPrompt}: the time of day is used, in the owner's zone, on
   *     the Monday of week 12 (prompt) and week 13 (reminder)
   * @param outbox where the DMs are recorded
   * @param replays submissions already handled
   * @param users owners' zones
   */
  KrRetros(
      Jdbi jdbi,
      OkrCalendar calendar,
      int fiscalYearStartMonth,
      WeeklyTime retroPrompt,
      Outbox outbox,
      Replays replays,
      UserDirectory users) {
    this.jdbi = jdbi;
    this.calendar = calendar;
    this.fiscalYearStartMonth = fiscalYearStartMonth;
    this.retroPrompt = retroPrompt;
    this.outbox = outbox;
    this.replays = replays;
    this.users = users;
  }

  /** A DM due to one owner: the week-12 prompt or the week-13 reminder. */
  record Due(String owner, Quarter quarter, boolean reminder, Instant at) {
    /** The db-scheduler instance id, e.g. {@code U0AAA1:FY2027-Q4:prompt}. */
    String instanceId() {
      return owner + ":" + quarter + ":" + (reminder ? "reminder" : "prompt");
    }

    /** Reads {@link #instanceId()}. */
    static Due parse(String id) {
      String[] p = id.split(":");
      return new Due(p[0], Quarter.parse(p[1]), p[2].equals("reminder"), null);
    }
  }

  /**
   * The DMs due this week or next (organisation zone): for week 12 of a quarter each owner's
   * prompt, for week 13 each owner's reminder, at the time in the owner's own zone. Looking a week
   * ahead lets an owner east of the organisation get Monday's DM on their Monday morning, which may
   * still be the organisation's Sunday.
   */
  List<Due> dueSoon() {
    IsoWeek now = calendar.currentWeek();
    List<Due> due = new ArrayList<>();
    for (IsoWeek week : List.of(now, now.next())) {
      Quarter quarter = calendar.quarterOf(week);
      boolean prompt = week.equals(new QuarterWeeks(fiscalYearStartMonth).week(quarter, 12));
      boolean reminder = week.equals(new QuarterWeeks(fiscalYearStartMonth).week(quarter, 13));
      if (!prompt && !reminder) {
        continue;
      }
      List<String> owners = jdbi.onDemand(OkrRepository.class).owners(quarter.toString());
      users.ensureKnown(owners);
      WeeklyTime at =
          prompt ? retroPrompt : new WeeklyTime(java.time.DayOfWeek.MONDAY, retroPrompt.time());
      for (String owner : owners) {
        Instant when = at.in(week.monday(), users.zoneOf(owner, calendar.zone())).toInstant();
        due.add(new Due(owner, quarter, reminder, when));
      }
    }
    return due;
  }

  /**
   * Records the DM of {@code due} once (delivery key {@code okr-kr-retro-prompt:QUARTER:OWNER} or
   * {@code okr-kr-retro-reminder:…}). A reminder goes only to an owner with a KR still without a
   * retrospective; nothing is sent once the scorecard is final.
   *
   * @return what happened, for the log
   */
  String send(Due due) {
    String quarter = due.quarter().toString();
    return jdbi.inTransaction(
        h -> {
          List<KeyResult> krs =
              h.attach(OkrRepository.class).keyResultsOwnedBy(quarter, due.owner());
          KrRetroRepository repo = h.attach(KrRetroRepository.class);
          if (krs.isEmpty() || repo.isFinal(quarter)) {
            return "nothing to ask";
          }
          Set<String> written =
              repo.ofQuarter(quarter).stream().map(KrRetro::krKey).collect(Collectors.toSet());
          if (due.reminder() && krs.stream().allMatch(kr -> written.contains(kr.krKey()))) {
            return "all written";
          }
          String key =
              "okr-kr-retro-"
                  + (due.reminder() ? "reminder" : "prompt")
                  + ":"
                  + quarter
                  + ":"
                  + due.owner();
          String title =
              due.reminder()
                  ? "Still to write: your KR retrospective"
                  : "Write your KR retrospective";
          outbox.enqueue(
              h,
              Delivery.message(
                  key,
                  due.owner(),
                  Content.of(
                      title + " for " + quarter,
                      KrRetroPrompt.blocks(title, quarter, krs, written))));
          return "sent";
        });
  }

  /**
   * The KR named by a button or form, if {@code userId} owns it in that quarter and its scorecard
   * is not final yet.
   *
   * @param ref {@code QUARTER|KR_KEY}
   * @return the KR, or the reason it cannot be written (mrkdwn)
   */
  Writable writable(String userId, String ref) {
    String[] p = ref == null ? new String[0] : ref.split("\\|", 2);
    if (p.length != 2) {
      return new Writable(null, null, "This form is out of date; nothing was saved.");
    }
    return jdbi.withHandle(
        h -> {
          Optional<KeyResult> kr = h.attach(OkrRepository.class).keyResult(p[0], p[1]);
          if (kr.isEmpty() || !kr.get().ownerId().equals(userId)) {
            return new Writable(
                null,
                null,
                "Only the owner of " + Mrkdwn.escape(p[1]) + " can write its retrospective.");
          }
          KrRetroRepository repo = h.attach(KrRetroRepository.class);
          if (repo.isFinal(p[0])) {
            return new Writable(
                null,
                null,
                "The "
                    + Mrkdwn.escape(p[0])
                    + " scorecard is final, so its KR retrospectives can no longer be changed.");
          }
          return new Writable(kr.get(), repo.find(p[0], p[1]).orElse(null), null);
        });
  }

  /** A KR its owner may write: the KR and the retrospective so far, or why not. */
  record Writable(KeyResult kr, KrRetro existing, String refusal) {}

  /**
   * Saves the retrospective (revising an earlier one) and DMs a confirmation, in one transaction; a
   * replayed submission ({@code submission} seen before) changes nothing.
   *
   * @return false for a replay
   */
  boolean save(String userId, KeyResult kr, KrRetroModal.Answers a, String submission) {
    return jdbi.inTransaction(
        h -> {
          if (!replays.first(h, Replays.VIEW, submission)) {
            return false;
          }
          h.attach(KrRetroRepository.class)
              .save(
                  new KrRetro(
                      kr.quarter(),
                      kr.krKey(),
                      a.outcome(),
                      a.worked(),
                      a.didnt(),
                      a.learned(),
                      userId,
                      calendar.clock().instant()));
          outbox.enqueue(
              h,
              Delivery.message(
                  "okr-kr-retro-saved:" + userId + ":" + submission,
                  userId,
                  Content.text(
                      ":white_check_mark: Saved your retrospective of "
                          + Mrkdwn.truncate(CheckInText.title(kr), 2500)
                          + ". It will be on the "
                          + kr.quarter()
                          + " scorecard.")));
          return true;
        });
  }
}
