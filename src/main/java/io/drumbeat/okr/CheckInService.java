package io.drumbeat.okr;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.slack.AdminNotifier;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import io.drumbeat.slack.UserDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores check-ins and tells people about them: the echo in the okr channel (updated in place on a
 * revision, never posted twice) and a short confirmation DM to the owner.
 */
final class CheckInService {
  private static final Logger LOG = LoggerFactory.getLogger(CheckInService.class);
  private final Jdbi jdbi;
  private final OkrCalendar calendar;
  private final SlackGateway slack;
  private final UserDirectory users;
  private final AdminNotifier admins;
  private final Optional<String> echoChannel;

  /**
   * @param jdbi database
   * @param calendar organisation time
   * @param slack Web API
   * @param users DM channels
   * @param admins where channel problems go
   * @param echoChannel resolved id of {@code okr.channel}, if configured
   */
  public CheckInService(
      Jdbi jdbi,
      OkrCalendar calendar,
      SlackGateway slack,
      UserDirectory users,
      AdminNotifier admins,
      Optional<String> echoChannel) {
    this.jdbi = jdbi;
    this.calendar = calendar;
    this.slack = slack;
    this.users = users;
    this.admins = admins;
    this.echoChannel = echoChannel;
  }

  /** The user's KRs in the current quarter, by key, in file order. */
  public Map<String, KeyResult> ownedNow(String userId) {
    Map<String, KeyResult> owned = new LinkedHashMap<>();
    jdbi.onDemand(OkrRepository.class)
        .keyResultsOwnedBy(calendar.currentQuarter().toString(), userId)
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
   * same week.
   *
   * @return the stored check-ins, in entry order
   */
  public List<CheckIn> save(String userId, IsoWeek week, List<CheckInForm.Entry> entries) {
    return jdbi.inTransaction(
        h -> {
          OkrRepository repo = h.attach(OkrRepository.class);
          List<CheckIn> saved = new ArrayList<>();
          for (CheckInForm.Entry e : entries) {
            KeyResult kr = e.kr();
            Optional<CheckIn> earlier = repo.checkIn(kr.quarter(), kr.krKey(), week.toString());
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
                    earlier.map(CheckIn::echoChannel).orElse(null),
                    earlier.map(CheckIn::echoTs).orElse(null));
            repo.saveCheckIn(checkIn);
            saved.add(checkIn);
          }
          return saved;
        });
  }

  /**
   * Echoes each check-in to the okr channel and confirms to the owner. Runs after the ack; Slack
   * failures are logged and channel problems reported to the admins.
   */
  public void announce(String userId, List<CheckIn> saved) {
    OkrRepository repo = jdbi.onDemand(OkrRepository.class);
    List<String> summary = new ArrayList<>();
    for (CheckIn c : saved) {
      KeyResult kr = repo.keyResult(c.quarter(), c.krKey()).orElseThrow();
      CheckIn previous = repo.checkInBefore(c.quarter(), c.krKey(), c.isoWeek()).orElse(null);
      echoChannel.ifPresent(channel -> echo(channel, kr, c, previous));
      summary.add(
          "• "
              + CheckInText.title(kr)
              + ": "
              + c.status().label()
              + ", "
              + CheckInText.valueVsTarget(kr, c.currentValue()));
    }
    String text =
        ":white_check_mark: Saved your check-in for *"
            + saved.get(0).isoWeek()
            + "*:\n"
            + String.join("\n", summary)
            + "\nRun `/okr-update` again this week to revise it.";
    try {
      slack.post(users.dmChannel(userId), Mrkdwn.truncate(text, Mrkdwn.MAX_TEXT), null, null);
    } catch (SlackCallException e) {
      LOG.warn("Could not confirm the check-in to {}: {}", userId, e.getMessage());
    }
  }

  /**
   * Posts the check-in's echo once per KR and week, or edits it in place. Two submissions racing (a
   * double click) both render the stored row; only the one that claims the echo posts it.
   */
  private void echo(String channel, KeyResult kr, CheckIn submitted, CheckIn previous) {
    OkrRepository repo = jdbi.onDemand(OkrRepository.class);
    CheckIn c =
        repo.checkIn(submitted.quarter(), submitted.krKey(), submitted.isoWeek()).orElse(submitted);
    List<LayoutBlock> blocks = echoBlocks(kr, c, previous);
    String fallback =
        "<@"
            + c.authorId()
            + "> checked in "
            + Mrkdwn.escape(kr.krKey())
            + ": "
            + c.status().label();
    try {
      if (c.echoTs() != null && !OkrRepository.ECHO_PENDING.equals(c.echoTs())) {
        slack.update(c.echoChannel(), c.echoTs(), fallback, blocks);
      } else if (repo.claimEcho(c.quarter(), c.krKey(), c.isoWeek()) == 1) {
        try {
          var posted = slack.post(channel, fallback, blocks, null);
          repo.setEcho(c.quarter(), c.krKey(), c.isoWeek(), posted.channel(), posted.ts());
        } catch (SlackCallException e) {
          repo.setEcho(c.quarter(), c.krKey(), c.isoWeek(), null, null);
          throw e;
        }
      }
    } catch (SlackCallException e) {
      if (e.isChannelProblem()) {
        admins.tell(AdminNotifier.channelAdvice("a check-in", channel, e));
      } else {
        LOG.warn("Could not echo the check-in of {}: {}", kr.krKey(), e.getMessage());
      }
    }
  }

  private static List<LayoutBlock> echoBlocks(KeyResult kr, CheckIn c, CheckIn previous) {
    List<LayoutBlock> blocks = new ArrayList<>();
    String head = CheckInText.title(kr) + "\n" + CheckInText.facts(kr, c, previous);
    blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(head, Mrkdwn.MAX_TEXT)))));
    blocks.addAll(CheckInText.noteBlocks(c.note()));
    return blocks;
  }
}
