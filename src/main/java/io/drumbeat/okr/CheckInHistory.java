package io.drumbeat.okr;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.slack.Mrkdwn;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /okr-update history [KR]}: a KR's weekly check-ins this quarter, as an ephemeral message
 * with pages. Who may read it: the KR's owner, the OKR approvers ({@code okr.approvers}, else the
 * admins) and the admins; the KR is named by its key (any case) among the current quarter's. The
 * reader is taken from the signed request on every command and page click.
 */
final class CheckInHistory {
  private final Jdbi jdbi;
  private final OkrCalendar calendar;
  private final DrumbeatConfig config;

  /**
   * @param jdbi database
   * @param calendar which quarter is current
   * @param config admins and approvers
   */
  CheckInHistory(Jdbi jdbi, OkrCalendar calendar, DrumbeatConfig config) {
    this.jdbi = jdbi;
    this.calendar = calendar;
    this.config = config;
  }

  /**
   * What a reader gets.
   *
   * @param text mrkdwn fallback text (or the whole answer when {@code blocks} is empty)
   * @param blocks the page, or empty for a text-only answer
   */
  record Reply(String text, List<LayoutBlock> blocks) {}

  /**
   * Answers {@code /okr-update history [KR]} for {@code userId}.
   *
   * @param krKey the KR typed (decoded), or empty for "my KR"
   */
  Reply command(String userId, Optional<String> krKey) {
    String q = calendar.currentQuarter().toString();
    OkrRepository repo = jdbi.onDemand(OkrRepository.class);
    if (krKey.isEmpty()) {
      List<KeyResult> mine = repo.keyResultsOwnedBy(q, userId);
      if (mine.size() == 1) {
        return page(userId, mine.get(0), 0);
      }
      String yours =
          mine.isEmpty()
              ? ""
              : " Yours: "
                  + String.join(", ", mine.stream().map(kr -> Mrkdwn.escape(kr.krKey())).toList())
                  + ".";
      return new Reply(
          "Which key result? Type `/okr-update history KEY`, e.g. `/okr-update history KR1.1`."
              + yours,
          List.of());
    }
    Optional<KeyResult> kr =
        repo.keyResults(q).stream()
            .filter(k -> k.krKey().equalsIgnoreCase(krKey.get()))
            .findFirst();
    if (kr.isEmpty()) {
      return new Reply(
          "There is no key result `"
              + Mrkdwn.escape(krKey.get())
              + "` in "
              + q
              + ". The digest lists every KR with its key.",
          List.of());
    }
    return page(userId, kr.get(), 0);
  }

  /**
   * A page click ({@code value} "QUARTER KR PAGE" as sent back by Slack, checked again).
   *
   * @return the page, or a reason it is not shown
   */
  Reply click(String userId, String value) {
    String[] parts = value == null ? new String[0] : value.split(" ");
    if (parts.length != 3 || !parts[2].matches("\\d{1,3}")) {
      return new Reply("This page button names no key result.", List.of());
    }
    Optional<KeyResult> kr = jdbi.onDemand(OkrRepository.class).keyResult(parts[0], parts[1]);
    return kr.map(k -> page(userId, k, Integer.parseInt(parts[2])))
        .orElseGet(() -> new Reply("This key result no longer exists.", List.of()));
  }

  private Reply page(String userId, KeyResult kr, int page) {
    boolean allowed =
        kr.ownerId().equals(userId)
            || config.isAdmin(userId)
            || config.okrApprovers().contains(userId);
    if (!allowed) {
      return new Reply(
          "Only the owner of "
              + Mrkdwn.escape(kr.krKey())
              + " (<@"
              + kr.ownerId()
              + ">), the OKR approvers and the admins can read its check-in history here. The"
              + " weekly digest shows every KR's latest check-in.",
          List.of());
    }
    List<CheckIn> history = jdbi.onDemand(OkrRepository.class).history(kr.quarter(), kr.krKey());
    return new Reply(
        "Check-ins of " + Mrkdwn.escape(kr.krKey()) + " in " + kr.quarter(),
        HistoryPages.page(kr, history, page));
  }
}
