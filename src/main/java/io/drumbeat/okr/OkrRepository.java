package io.drumbeat.okr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transactional;

/**
 * Objectives, key results, check-ins and the reminder ledger. The same SQL runs on H2 (PostgreSQL
 * mode) and PostgreSQL; upserts are {@code insert … on conflict do nothing} followed by an update,
 * the portable subset both accept.
 */
@RegisterConstructorMapper(Objective.class)
@RegisterConstructorMapper(KeyResult.class)
@RegisterConstructorMapper(CheckIn.class)
public interface OkrRepository extends Transactional<OkrRepository> {
  @SqlUpdate(
      "insert into objective (quarter, objective_key, title, position)"
          + " values (:quarter, :objectiveKey, :title, :position) on conflict do nothing")
  int insertObjective(@BindMethods Objective objective);

  @SqlUpdate(
      "update objective set title = :title, position = :position"
          + " where quarter = :quarter and objective_key = :objectiveKey")
  int updateObjective(@BindMethods Objective objective);

  /** Inserts or updates an objective; returns true when it was new. */
  default boolean upsertObjective(Objective objective) {
    if (insertObjective(objective) == 1) {
      return true;
    }
    updateObjective(objective);
    return false;
  }

  @SqlUpdate(
      "insert into key_result (quarter, kr_key, objective_key, title, owner_id, start_value,"
          + " target_value, unit, position) values (:quarter, :krKey, :objectiveKey, :title,"
          + " :ownerId, :startValue, :targetValue, :unit, :position) on conflict do nothing")
  int insertKeyResult(@BindMethods KeyResult keyResult);

  @SqlUpdate(
      "update key_result set objective_key = :objectiveKey, title = :title, owner_id = :ownerId,"
          + " start_value = :startValue, target_value = :targetValue, unit = :unit,"
          + " position = :position where quarter = :quarter and kr_key = :krKey")
  int updateKeyResult(@BindMethods KeyResult keyResult);

  /** Inserts or updates a key result, never touching its check-ins; returns true when new. */
  default boolean upsertKeyResult(KeyResult keyResult) {
    if (insertKeyResult(keyResult) == 1) {
      return true;
    }
    updateKeyResult(keyResult);
    return false;
  }

  @SqlQuery("select * from objective where quarter = :quarter order by position, objective_key")
  List<Objective> objectives(String quarter);

  @SqlQuery("select * from key_result where quarter = :quarter order by position, kr_key")
  List<KeyResult> keyResults(String quarter);

  @SqlQuery(
      "select * from key_result where quarter = :quarter and owner_id = :ownerId"
          + " order by position, kr_key")
  List<KeyResult> keyResultsOwnedBy(String quarter, String ownerId);

  @SqlQuery("select * from key_result where quarter = :quarter and kr_key = :krKey")
  Optional<KeyResult> keyResult(String quarter, String krKey);

  @SqlQuery("select distinct owner_id from key_result where quarter = :quarter order by owner_id")
  List<String> owners(String quarter);

  @SqlUpdate(
      "insert into check_in (quarter, kr_key, iso_week, status, current_value, confidence, note,"
          + " author_id, submitted_at) values (:quarter, :krKey, :isoWeek, :status,"
          + " :currentValue, :confidence, :note, :authorId, :submittedAt) on conflict do nothing")
  int insertCheckIn(@BindMethods CheckIn checkIn);

  @SqlUpdate(
      "update check_in set status = :status, current_value = :currentValue,"
          + " confidence = :confidence, note = :note, author_id = :authorId,"
          + " submitted_at = :submittedAt"
          + " where quarter = :quarter and kr_key = :krKey and iso_week = :isoWeek")
  int updateCheckIn(@BindMethods CheckIn checkIn);

  /**
   * Stores the week's check-in, revising an earlier one of the same week.
   *
   * @return true when it is the week's first check-in for that KR
   */
  default boolean saveCheckIn(CheckIn checkIn) {
    if (insertCheckIn(checkIn) == 1) {
      return true;
    }
    updateCheckIn(checkIn);
    return false;
  }

  @SqlQuery(
      "select * from check_in where quarter = :quarter and kr_key = :krKey"
          + " and iso_week = :isoWeek")
  Optional<CheckIn> checkIn(String quarter, String krKey, String isoWeek);

  @SqlQuery(
      "select * from check_in where quarter = :quarter and iso_week in (<weeks>)"
          + " order by kr_key, iso_week")
  List<CheckIn> checkIns(String quarter, @BindList("weeks") List<String> weeks);

  @SqlQuery(
      "select * from check_in where quarter = :quarter and kr_key = :krKey"
          + " and iso_week < :isoWeek order by iso_week desc limit 1")
  Optional<CheckIn> checkInBefore(String quarter, String krKey, String isoWeek);

  @SqlQuery("select * from check_in where quarter = :quarter and kr_key = :krKey order by iso_week")
  List<CheckIn> history(String quarter, String krKey);

  /** Every check-in of the quarter, by KR key then ISO week. */
  @SqlQuery("select * from check_in where quarter = :quarter order by kr_key, iso_week")
  List<CheckIn> quarterCheckIns(String quarter);

  /** Each KR's latest check-in of the quarter (by ISO week), ordered by KR key. */
  @SqlQuery(
      "select c.* from check_in c where c.quarter = :quarter and c.iso_week ="
          + " (select max(l.iso_week) from check_in l where l.quarter = c.quarter"
          + " and l.kr_key = c.kr_key) order by c.kr_key")
  List<CheckIn> latestCheckIns(String quarter);

  /** Remembers where a check-in's echo was posted. */
  @SqlUpdate(
      "update check_in set echo_channel = :channel, echo_ts = :ts"
          + " where quarter = :quarter and kr_key = :krKey and iso_week = :isoWeek")
  int setEcho(String quarter, String krKey, String isoWeek, String channel, String ts);

  /**
   * Records that {@code userId} is being reminded for {@code isoWeek}.
   *
   * @return 1 when this call claimed the reminder, 0 when someone already did
   */
  @SqlUpdate(
      "insert into okr_reminder (user_id, iso_week, sent_at) values (:userId, :isoWeek, :at)"
          + " on conflict do nothing")
  int claimReminder(String userId, String isoWeek, Instant at);

  /** Releases a claim when sending failed, so a retry can send it. */
  @SqlUpdate("delete from okr_reminder where user_id = :userId and iso_week = :isoWeek")
  int releaseReminder(String userId, String isoWeek);

  @SqlQuery("select count(*) from okr_reminder where user_id = :userId and iso_week = :isoWeek")
  int reminderCount(String userId, String isoWeek);
}
