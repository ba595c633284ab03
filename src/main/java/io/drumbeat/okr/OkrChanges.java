package io.drumbeat.okr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drumbeat.DrumbeatException;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code okrs import} with sign-off: an import that changes the <em>current</em> quarter's key
 * results (a new or removed KR, a changed target, start, unit, owner or objective) is not applied
 * at once. It is stored as a pending {@link OkrChange}, and each approver ({@code okr.approvers},
 * else {@code admins}) gets a DM with the diff and *Approve* / *Reject*, recorded in the outbox in
 * the same transaction (handbook {@code recurring-processes.md}: mid-quarter updates "should be
 * signed off by the VP of Engineering"). Titles apply at once; so does an import of any other
 * quarter, or of a quarter that has no KRs yet. A later import of the same quarter supersedes a
 * pending change.
 */
public final class OkrChanges {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Jdbi jdbi;
  private final OkrImporter importer;
  private final Outbox outbox;
  private final Clock clock;
  private final DrumbeatConfig config;

  /**
   * @param jdbi database
   * @param outbox where the approvers' DMs are recorded (delivered by a running {@code serve})
   * @param clock the time source (which quarter is current, in the organisation's zone)
   * @param config {@code timezone}, {@code fiscalYearStartMonth} and the approvers
   */
  public OkrChanges(Jdbi jdbi, Outbox outbox, Clock clock, DrumbeatConfig config) {
    this.jdbi = jdbi;
    this.importer = new OkrImporter(jdbi);
    this.outbox = outbox;
    this.clock = clock;
    this.config = config;
  }

  /** What an import did, or would do with {@code --dry-run}. */
  public enum Kind {
    /** Applied at once. */
    APPLIED,
    /** Stored as a pending change; the approvers were asked. */
    PROPOSED,
    /** Nothing was changed (dry run). */
    DRY_RUN
  }

  /**
   * @param kind what happened
   * @param quarter the file's quarter
   * @param diff what it changes that needs a sign-off when the quarter is current
   * @param needsSignOff true when applying it needs an approver
   * @param report the import's report when applied, else null
   * @param changeId the pending change's id when proposed, else 0
   * @param approvers who were (or would be) asked
   */
  public record Outcome(
      Kind kind,
      Quarter quarter,
      List<KrDiff> diff,
      boolean needsSignOff,
      OkrImporter.Report report,
      long changeId,
      List<String> approvers) {

    /** The diff as plain text, one line per KR, or "(no change to key results)". */
    public String diffText() {
      return diff.isEmpty() ? "(no change to key results)" : OkrDiff.plain(diff);
    }
  }

  /**
   * Imports {@code text}, applying it at once or proposing it for sign-off.
   *
   * @param source names the file in errors
   * @param proposedBy the importer's Slack user id, told of the decision; empty for nobody
   * @param dryRun true to change nothing and only report the diff
   * @throws DrumbeatException naming the key path of every problem in the file, or when a sign-off
   *     is needed and there are no approvers
   */
  public Outcome importText(
      String text, String source, Optional<String> proposedBy, boolean dryRun) {
    OkrFile file = importer.parse(text, source);
    Quarter quarter = Quarter.parse(file.quarter());
    List<String> approvers = config.okrApprovers();
    return jdbi.inTransaction(
        h -> {
          List<KeyResult> stored = h.attach(OkrRepository.class).keyResults(quarter.toString());
          List<KrDiff> diff = OkrDiff.between(stored, OkrImporter.rows(file));
          boolean signOff = isCurrent(quarter) && !stored.isEmpty() && !diff.isEmpty();
          if (dryRun) {
            return new Outcome(Kind.DRY_RUN, quarter, diff, signOff, null, 0, approvers);
          }
          OkrChangeRepository changes = h.attach(OkrChangeRepository.class);
          changes.supersede(quarter.toString(), clock.instant());
          if (!signOff) {
            return new Outcome(
                Kind.APPLIED, quarter, diff, false, importer.store(file), 0, approvers);
          }
          if (approvers.isEmpty()) {
            throw new DrumbeatException(
                source
                    + ": this changes the key results of the current quarter "
                    + quarter
                    + ", which needs a sign-off, but nobody can give it: list okr.approvers"
                    + " (or admins) in drumbeat.yml");
          }
          retitle(changes, file);
          String by = proposedBy.orElse(null);
          long id = changes.insert(quarter.toString(), text, toJson(diff), by, clock.instant());
          for (String approver : approvers) {
            outbox.enqueue(
                h,
                Delivery.message(
                    "okr-change:" + id + ":" + approver,
                    approver,
                    ChangeMessages.request(id, quarter.toString(), by, diff)));
          }
          return new Outcome(Kind.PROPOSED, quarter, diff, true, null, id, approvers);
        });
  }

  private boolean isCurrent(Quarter quarter) {
    return new OkrCalendar(clock, config.timezone(), config.fiscalYearStartMonth())
        .currentQuarter()
        .equals(quarter);
  }

  private static void retitle(OkrChangeRepository changes, OkrFile file) {
    String q = Quarter.parse(file.quarter()).toString();
    for (OkrFile.ObjectiveEntry o : file.objectives()) {
      changes.retitleObjective(q, o.key(), o.title().strip());
    }
    for (KeyResult kr : OkrImporter.rows(file)) {
      changes.retitleKeyResult(q, kr.krKey(), kr.title());
    }
  }

  static String toJson(List<KrDiff> diff) {
    try {
      return JSON.writeValueAsString(diff);
    } catch (JsonProcessingException e) {
      throw new DrumbeatException("cannot write an OKR diff", e);
    }
  }

  static List<KrDiff> fromJson(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<KrDiff>>() {});
    } catch (JsonProcessingException e) {
      throw new DrumbeatException("cannot read a stored OKR diff", e);
    }
  }

  /** The parser and store used on approval. */
  OkrImporter importer() {
    return importer;
  }
}
