package io.drumbeat.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code outbox} table. Same SQL on H2 (PostgreSQL mode) and PostgreSQL. */
@RegisterConstructorMapper(OutboxRow.class)
public interface OutboxRepository {
  /**
   * Records a delivery unless its key exists.
   *
   * @return 1 when recorded, 0 when the key was already there
   */
  @SqlUpdate(
      "insert into outbox (delivery_key, kind, via, subject, channel, thread_key, payload, state,"
          + " generation, delivered_generation, attempts, in_doubt, not_before, expires_at,"
          + " created_at, updated_at) values (:key, :kind, :via, :subject, :channel, :threadKey,"
          + " :payload, 'PENDING', 1, 0, 0, false, :notBefore, :expiresAt, :now, :now)"
          + " on conflict do nothing")
  int insert(
      String key,
      String kind,
      Via via,
      String subject,
      String channel,
      String threadKey,
      String payload,
      Instant notBefore,
      Instant expiresAt,
      Instant now);

  /**
   * Asks for a drawn row to be drawn again. A batched request ({@code notBefore} set) keeps the
   * earlier not-before of a drawing already waiting, so several changes land in one drawing; an
   * {@code immediate} request clears it. A failed row is tried afresh.
   */
  @SqlUpdate(
      "update outbox set generation = generation + 1, state = 'PENDING', updated_at = :now,"
          + " attempts = case when state = 'FAILED' then 0 else attempts end,"
          + " not_before = case when :immediate then null"
          + " when state = 'PENDING' and not_before is not null then not_before"
          + " when state = 'PENDING' then null else :notBefore end"
          + " where delivery_key = :key")
  int redraw(String key, boolean immediate, Instant notBefore, Instant now);

  /**
   * Gives delivery {@code key} its db-scheduler execution in the caller's transaction, as
   * db-scheduler's own {@code createIfNotExists} writes it (task data null, not picked, version 1),
   * unless it has one.
   *
   * @return 1 when created
   */
  @SqlUpdate(
      "insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
          + " version) values (:task, :key, null, :at, false, 1) on conflict do nothing")
  int schedule(String task, String key, Instant at);

  /**
   * Brings delivery {@code key}'s waiting execution forward to {@code at}, bumping its version as
   * db-scheduler's optimistic locking expects; an execution already picked is left alone.
   */
  @SqlUpdate(
      "update scheduled_tasks set execution_time = :at, version = version + 1"
          + " where task_name = :task and task_instance = :key and picked = false"
          + " and execution_time > :at")
  int bringForward(String task, String key, Instant at);

  @SqlQuery("select * from outbox where delivery_key = :key")
  Optional<OutboxRow> find(String key);

  /**
   * Records that an attempt to reach Slack is starting; a first post is in doubt until answered.
   */
  @SqlUpdate(
      "update outbox set attempts = attempts + 1, in_doubt = (posted_ts is null and :post),"
          + " first_attempt_at = coalesce(first_attempt_at, :now), updated_at = :now"
          + " where delivery_key = :key")
  int startAttempt(String key, boolean post, Instant now);

  /** Records a failed attempt; {@code inDoubt} says whether the message may exist anyway. */
  @SqlUpdate(
      "update outbox set in_doubt = :inDoubt, last_error = :error, updated_at = :now"
          + " where delivery_key = :key")
  int attemptFailed(String key, boolean inDoubt, String error, Instant now);

  /** Records the first post of generation {@code generation}. */
  @SqlUpdate(
      "update outbox set posted_channel = :channel, posted_ts = :ts, in_doubt = false,"
          + " delivered_generation = :generation, last_error = null, updated_at = :now,"
          + " state = case when generation <= :generation then 'SENT' else 'PENDING' end"
          + " where delivery_key = :key")
  int posted(String key, String channel, String ts, int generation, Instant now);

  /** Remembers a file delivery's staged file id. */
  @SqlUpdate("update outbox set file_id = :fileId, updated_at = :now where delivery_key = :key")
  int staged(String key, String fileId, Instant now);

  /** Records that generation {@code generation} reached Slack (an edit, a Home tab, a reply). */
  @SqlUpdate(
      "update outbox set delivered_generation = :generation, in_doubt = false, last_error = null,"
          + " updated_at = :now,"
          + " state = case when generation <= :generation then 'SENT' else 'PENDING' end"
          + " where delivery_key = :key")
  int delivered(String key, int generation, Instant now);

  /** Ends a row's delivery: {@code FAILED} or {@code EXPIRED}. */
  @SqlUpdate(
      "update outbox set state = :state, in_doubt = false, last_error = :error, updated_at = :now"
          + " where delivery_key = :key")
  int finish(String key, DeliveryState state, String error, Instant now);

  /**
   * Pending rows that have no db-scheduler execution (a crash between commit and scheduling, or a
   * redraw that raced the end of the previous one), oldest first.
   */
  @SqlQuery(
      "select * from outbox o where o.state = 'PENDING' and not exists"
          + " (select 1 from scheduled_tasks t where t.task_name = :task"
          + " and t.task_instance = o.delivery_key) order by o.updated_at limit :limit")
  List<OutboxRow> orphans(String task, int limit);

  /** How many rows are in {@code state}. */
  @SqlQuery("select count(*) from outbox where state = :state")
  int count(DeliveryState state);

  /** Rows in {@code state}, most recently changed first (for admins). */
  @SqlQuery("select * from outbox where state = :state order by updated_at desc limit :limit")
  List<OutboxRow> inState(DeliveryState state, int limit);
}
