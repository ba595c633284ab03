package io.drumbeat.okr;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.slack.Mrkdwn;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /okr-update history [KR]}: a KR's weekly check-ins this quarter, as an ephemeral message
 * with pages. Who may read it: the KR's owner, the OKR approvers ({@code okr.approvers}, else the
 * admins) and the admins; the KR is named by its key (any case) among the current quarter's. The
 * reader is taken from the signed request on every command and page click. Its Chart button shares
 * the KR's sparkline (a PNG) into the reader's DM with Drumbeat, through the outbox.
 */
final class CheckInHistory {
  private final Jdbi jdbi;
  private final OkrCalendar calendar;
  private final DrumbeatConfig config;
  private final Outbox outbox;

  /**
   * @param jdbi database
   * @param calendar which quarter is current
   * @param config admins and approvers
   * @param outbox shares the charts
   */
  CheckInHistory(Jdbi jdbi, OkrCalendar calendar, DrumbeatConfig config, Outbox outbox) {
    this.jdbi = jdbi;
    this.calendar = calendar;
    this.config = config;
    this.outbox = outbox;
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

  /**
   * A Chart click ({@code value} "QUARTER KR", checked again): records the KR's sparkline for
   * {@code userId}'s DM. A redelivered click ({@code actionTs} the same) records nothing twice.
   *
   * @return what the reader is told
   */
  Reply chart(String userId, String value, String actionTs) {
    String[] parts = value == null ? new String[0] : value.split(" ");
    Optional<KeyResult> kr =
        parts.length == 2
            ? jdbi.onDemand(OkrRepository.class).keyResult(parts[0], parts[1])
            : Optional.empty();
    if (kr.isEmpty()) {
      return new Reply("This chart button names no key result.", List.of());
    }
    if (!mayRead(userId, kr.get())) {
      return refusal(kr.get());
    }
    Delivery chart =
        Delivery.drawnFile(
            "okr-history-chart:"
                + userId
                + ":"
                + kr.get().quarter()
                + ":"
                + kr.get().krKey()
                + ":"
                + actionTs,
            SparklineRenderer.KIND,
            kr.get().quarter() + "|" + kr.get().krKey(),
            userId);
    jdbi.useTransaction(h -> outbox.enqueue(h, chart));
    return new Reply(
        ":chart_with_upwards_trend: The chart of "
            + Mrkdwn.escape(kr.get().krKey())
            + " is on its way to your DM with Drumbeat.",
        List.of());
  }

  private boolean mayRead(String userId, KeyResult kr) {
    return kr.ownerId().equals(userId)
        || config.isAdmin(userId)
        || config.okrApprovers().contains(userId);
  }

  private Reply page(String userId, KeyResult kr, int page) {
    if (!mayRead(userId, kr)) {
      return refusal(kr);
    }
    List<CheckIn> history = jdbi.onDemand(OkrRepository.class).history(kr.quarter(), kr.krKey());
    return new Reply(
        "Check-ins of " + Mrkdwn.escape(kr.krKey()) + " in " + kr.quarter(),
        HistoryPages.page(kr, history, page));
  }

  private Reply refusal(KeyResult kr) {
    return new Reply(
        "Only the owner of "
            + Mrkdwn.escape(kr.krKey())
            + " (<@"
            + kr.ownerId()
            + ">), the OKR approvers and the admins can read its check-in history here. The"
            + " weekly digest shows every KR's latest check-in.",
        List.of());
  }
}
