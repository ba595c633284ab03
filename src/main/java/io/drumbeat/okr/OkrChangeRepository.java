package io.drumbeat.okr;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Mid-quarter OKR changes ({@code okr_change}) and the title updates that apply at once. */
@RegisterConstructorMapper(OkrChange.class)
public interface OkrChangeRepository {
  /** Records a pending change; returns its id. */
  @SqlUpdate(
      "insert into okr_change (quarter, file_text, diff, proposed_by, proposed_at, state)"
          + " values (:quarter, :fileText, :diff, :proposedBy, :at, 'PENDING')")
  @GetGeneratedKeys("id")
  long insert(String quarter, String fileText, String diff, String proposedBy, Instant at);

  /** Marks the quarter's pending changes superseded by a later import; returns how many. */
  @SqlUpdate(
      "update okr_change set state = 'SUPERSEDED', decided_at = :at"
          + " where quarter = :quarter and state = 'PENDING'")
  int supersede(String quarter, Instant at);

  /**
   * Decides a pending change.
   *
   * @param state APPROVED or REJECTED
   * @return 1 when this call decided it, 0 when it was no longer pending
   */
  @SqlUpdate(
      "update okr_change set state = :state, decided_by = :by, decided_at = :at"
          + " where id = :id and state = 'PENDING'")
  int decide(long id, String state, String by, Instant at);

  @SqlQuery("select * from okr_change where id = :id")
  Optional<OkrChange> find(long id);

  /** Updates an existing objective's title. */
  @SqlUpdate(
      "update objective set title = :title where quarter = :quarter and objective_key = :key")
  int retitleObjective(String quarter, String key, String title);

  /** Updates an existing key result's title. */
  @SqlUpdate("update key_result set title = :title where quarter = :quarter and kr_key = :key")
  int retitleKeyResult(String quarter, String key, String title);
}
