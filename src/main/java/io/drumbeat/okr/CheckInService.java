package io.drumbeat.okr;

import io.drumbeat.HomeRefresh;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.Replays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Stores check-ins and records, in the same transaction, what people are told about them: the echo
 * in the okr channel (drawn from the stored check-in by {@link CheckInEcho}, so a revision edits it
 * in place and it is never posted twice), a short confirmation DM to the owner, and in its thread
 * each KR's trend image ({@link SparklineRenderer}). The outbox delivers them.
 */
final class CheckInService {
  private final Jdbi jdbi;
  private final OkrCalendar calendar;
  private final Outbox outbox;
  private final Replays replays;
  private final Supplier<Optional<String>> echoChannel;
  private final HomeRefresh home;

  /**
   * @param jdbi database
   * @param calendar organisation time
   * @param outbox where the echo and the confirmation are recorded
   * @param replays submissions already handled
   * @param echoChannel the id of {@code okr.channel}, if configured (looked up when needed)
   * @param home redraws the owner's App Home after a check-in, in its transaction
   */
  CheckInService(
      Jdbi jdbi,
      OkrCalendar calendar,
      Outbox outbox,
      Replays replays,
      Supplier<Optional<String>> echoChannel,
      HomeRefresh home) {
    this.jdbi = jdbi;
    this.calendar = calendar;
    this.outbox = outbox;
    this.replays = replays;
    this.echoChannel = echoChannel;
    this.home = home;
  }

  /** The user's KRs in the current quarter, by key, in file order. */
  public Map<String, KeyResult> ownedNow(String userId) {
    return owned(calendar.currentQuarter().toString(), userId);
  }

  /** The user's KRs in {@code quarter} (e.g. "FY2027-Q4"), by key, in file order. */
  public Map<String, KeyResult> owned(String quarter, String userId) {
    Map<String, KeyResult> owned = new LinkedHashMap<>();
    jdbi.onDemand(OkrRepository.class)
        .keyResultsOwnedBy(quarter, userId)
        .forEach(kr -> owned.put(kr.krKey(), kr));
    return owned;
  }

  /** Each KR's latest check-in up to and including {@code week}, by KR key. */
  public Map<String, CheckIn> latest(List<KeyResult> krs, IsoWeek week) {
    OkrRepository repo = jdbi.onDemand(OkrRepository.class);
    Map<String, CheckIn> latest = new LinkedHashMap<>();
    for (KeyResult kr : krs) {
      repo.checkIn(kr.quarter(), kr.krKey(), week.toString())
          .or(() -> repo.checkInBefore(kr.quarter(), kr.krKey(), week.toString()))
          .ifPresent(c -> latest.put(kr.krKey(), c));
    }
    return latest;
  }

  /**
   * Stores the entries in one transaction, as the check-ins of {@code week}, revising any of the
   * same week, and records their echo and the owner's confirmation in it. A replayed submission
   * ({@code submission} seen before) changes nothing.
   *
   * @param submission the submission's id ({@link Replays#view}), also the confirmation's key
   * @return the stored check-ins, in entry order (empty for a replay)
   */
  public List<CheckIn> save(
      String userId, IsoWeek week, List<CheckInForm.Entry> entries, String submission) {
    return jdbi.inTransaction(
        h -> {
          if (!replays.first(h, Replays.VIEW, submission)) {
            return List.of();
          }
          OkrRepository repo = h.attach(OkrRepository.class);
          List<CheckIn> saved = new ArrayList<>();
          List<String> summary = new ArrayList<>();
          for (CheckInForm.Entry e : entries) {
            KeyResult kr = e.kr();
            CheckIn checkIn =
                new CheckIn(
                    kr.quarter(),
                    kr.krKey(),
                    week.toString(),
                    e.status(),
                    e.value(),
                    e.confidence(),
                    e.note(),
                    userId,
                    calendar.clock().instant(),
                    null,
                    null);
            repo.saveCheckIn(checkIn);
            saved.add(checkIn);
            echoChannel
                .get()
                .ifPresent(channel -> outbox.draw(h, CheckInEcho.delivery(checkIn, channel)));
            summary.add(
                "• "
                    + CheckInText.title(kr)
                    + ": "
                    + checkIn.status().label()
                    + ", "
                    + CheckInText.valueVsTarget(kr, checkIn.currentValue()));
          }
          if (!saved.isEmpty()) {
            String text =
                ":white_check_mark: Saved your check-in for *"
                    + week
                    + "*:\n"
                    + String.join("\n", summary)
                    + "\nRun `/okr-update` again this week to revise it.";
            String confirmation = "okr-confirm:" + userId + ":" + submission;
            outbox.enqueue(
                h,
                Delivery.message(
                    confirmation, userId, Content.text(Mrkdwn.truncate(text, Mrkdwn.MAX_TEXT))));
            for (CheckInForm.Entry e : entries) {
              outbox.enqueue(h, SparklineRenderer.delivery(confirmation, e.kr(), userId));
            }
            home.redraw(h, userId);
          }
          return saved;
        });
  }
}
