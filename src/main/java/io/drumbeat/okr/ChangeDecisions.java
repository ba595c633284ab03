package io.drumbeat.okr;

import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * An approver's *Approve* or *Reject* on a pending {@link OkrChange}. The first decision wins, on
 * any instance (a conditional update); on approval the stored file is applied in the same
 * transaction, keeping every check-in. The approver's DM is replaced by the outcome; the importer,
 * the other approvers and the OKR channel are told, all through the outbox in that transaction.
 */
final class ChangeDecisions {
  private final Jdbi jdbi;
  private final OkrImporter importer;
  private final Outbox outbox;
  private final Clock clock;
  private final List<String> approvers;
  private final Supplier<String> channel;

  /**
   * @param jdbi database
   * @param importer applies an approved file
   * @param outbox where the notices are recorded
   * @param clock the time source
   * @param approvers {@code okr.approvers}, else {@code admins}
   * @param channel the id of the channel told of each decision ({@code okr.channel}, else {@code
   *     okr.digestChannel}), resolved at use
   */
  ChangeDecisions(
      Jdbi jdbi,
      OkrImporter importer,
      Outbox outbox,
      Clock clock,
      List<String> approvers,
      Supplier<String> channel) {
    this.jdbi = jdbi;
    this.importer = importer;
    this.outbox = outbox;
    this.clock = clock;
    this.approvers = List.copyOf(approvers);
    this.channel = channel;
  }

  /**
   * Decides change {@code id} for {@code userId}.
   *
   * @param idText the button's value (the change id, as sent back by Slack: checked)
   * @param approve true to approve, false to reject
   * @param responseUrl the clicked DM's {@code response_url}
   * @return empty when decided (the DM is replaced), else the mrkdwn reason nothing changed, for
   *     the clicker only
   */
  Optional<String> decide(String userId, String idText, boolean approve, String responseUrl) {
    if (!approvers.contains(userId)) {
      return Optional.of(
          "Only the OKR approvers (`okr.approvers` in drumbeat.yml, else the admins) can sign off"
              + " a change.");
    }
    long id;
    try {
      id = Long.parseLong(idText);
    } catch (NumberFormatException e) {
      return Optional.of("This button names no OKR change.");
    }
    String target = channel.get();
    return jdbi.inTransaction(
        h -> {
          OkrChangeRepository changes = h.attach(OkrChangeRepository.class);
          Optional<OkrChange> found = changes.find(id);
          if (found.isEmpty()) {
            return Optional.of("This button names no OKR change.");
          }
          OkrChange change = found.get();
          String state = approve ? "APPROVED" : "REJECTED";
          if (changes.decide(id, state, userId, clock.instant()) == 0) {
            return Optional.of(ChangeMessages.answer(changes.find(id).orElseThrow()));
          }
          if (approve) {
            importer.store(importer.parse(change.fileText(), "change #" + id));
          }
          List<KrDiff> diff = OkrChanges.fromJson(change.diff());
          Content notice =
              ChangeMessages.decided(
                  id, change.quarter(), change.proposedBy(), diff, approve, userId);
          String key = "okr-change-decided:" + id + ":";
          outbox.enqueue(
              h, Delivery.reply(key + "reply:" + userId, responseUrl, notice.replacingOriginal()));
          Set<String> told = new LinkedHashSet<>();
          if (change.proposedBy() != null) {
            told.add(change.proposedBy());
          }
          told.addAll(approvers);
          told.remove(userId);
          for (String person : told) {
            outbox.enqueue(h, Delivery.message(key + person, person, notice));
          }
          outbox.enqueue(h, Delivery.message(key + "channel", target, notice));
          return Optional.empty();
        });
  }
}
