package io.drumbeat.daily;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Daily updates, where they were posted, the prompt/reminder ledger and out-of-office periods. Same
 * SQL on H2 (PostgreSQL mode) and PostgreSQL.
 */
@RegisterConstructorMapper(DailyUpdate.class)
@RegisterConstructorMapper(DailyPost.class)
@RegisterConstructorMapper(OutOfOffice.class)
public interface DailyRepository {
  /** Ledger kind of the morning prompt. */
  String PROMPT = "PROMPT";

  /** Ledger kind of the afternoon reminder. */
  String REMINDER = "REMINDER";

  @SqlUpdate(
      "insert into daily_update (user_id, local_date, yesterday, next_up, blockers, submitted_at)"
          + " values (:userId, :localDate, :yesterday, :nextUp, :blockers, :submittedAt)"
          + " on conflict do nothing")
  int insert(@BindMethods DailyUpdate update);

  @SqlUpdate(
      "update daily_update set yesterday = :yesterday, next_up = :nextUp, blockers = :blockers,"
          + " submitted_at = :submittedAt where user_id = :userId and local_date = :localDate")
  int update(@BindMethods DailyUpdate update);

  /**
   * Stores the member's update for its date, replacing an earlier one of the same date.
   *
   * @return true when it is the day's first
   */
  default boolean save(DailyUpdate update) {
    if (insert(update) == 1) {
      return true;
    }
    update(update);
    return false;
  }

  @SqlQuery("select * from daily_update where user_id = :userId and local_date = :day")
  Optional<DailyUpdate> find(String userId, LocalDate day);

  /** A member's updates from {@code from} to {@code to} inclusive, newest first. */
  @SqlQuery(
      "select * from daily_update where user_id = :userId and local_date between :from and :to"
          + " order by local_date desc")
  List<DailyUpdate> history(String userId, LocalDate from, LocalDate to);

  /** The updates posted to a team from {@code from} to {@code to} inclusive, oldest first. */
  @SqlQuery(
      "select u.* from daily_update u join daily_post p on p.user_id = u.user_id"
          + " and p.local_date = u.local_date where p.team_id = :teamId"
          + " and u.local_date between :from and :to order by u.local_date, u.user_id")
  List<DailyUpdate> teamUpdates(String teamId, LocalDate from, LocalDate to);

  @SqlUpdate(
      "insert into daily_post (user_id, local_date, team_id, channel, ts)"
          + " values (:userId, :localDate, :teamId, :channel, :ts) on conflict do nothing")
  int insertPost(@BindMethods DailyPost post);

  @SqlQuery(
      "select * from daily_post where user_id = :userId and local_date = :day order by team_id")
  List<DailyPost> posts(String userId, LocalDate day);

  /** Where a member's updates from {@code from} to {@code to} inclusive were posted. */
  @SqlQuery(
      "select * from daily_post where user_id = :userId and local_date between :from and :to"
          + " order by local_date, team_id")
  List<DailyPost> postsBetween(String userId, LocalDate from, LocalDate to);

  /**
   * Claims the day's prompt or reminder for a member.
   *
   * @param kind {@link #PROMPT} or {@link #REMINDER}
   * @return 1 for the caller that claimed it, 0 when it was already sent or being sent
   */
  @SqlUpdate(
      "insert into daily_notice (user_id, local_date, kind, sent_at)"
          + " values (:userId, :day, :kind, :at) on conflict do nothing")
  int claimNotice(String userId, LocalDate day, String kind, Instant at);

  /** Releases a claim whose message could not be sent, so a retry can send it. */
  @SqlUpdate(
      "delete from daily_notice where user_id = :userId and local_date = :day and kind = :kind")
  int releaseNotice(String userId, LocalDate day, String kind);

  @SqlQuery(
      "select count(*) from daily_notice where user_id = :userId and local_date = :day"
          + " and kind = :kind")
  int noticeCount(String userId, LocalDate day, String kind);

  @SqlQuery("select * from out_of_office where user_id = :userId")
  Optional<OutOfOffice> outOfOffice(String userId);

  @SqlUpdate("delete from out_of_office where user_id = :userId")
  int clearOutOfOffice(String userId);

  @SqlUpdate(
      "insert into out_of_office (user_id, first_day, last_day)"
          + " values (:userId, :firstDay, :lastDay) on conflict do nothing")
  int insertOutOfOffice(@BindMethods OutOfOffice period);

  /** Sets the member's out-of-office period, replacing any earlier one (one transaction). */
  @Transaction
  default void setOutOfOffice(OutOfOffice period) {
    clearOutOfOffice(period.userId());
    insertOutOfOffice(period);
  }
}
