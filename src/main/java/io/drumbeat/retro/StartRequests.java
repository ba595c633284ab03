package io.drumbeat.retro;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * {@code /retro start} requests waiting for the membership check. Same SQL on H2 and PostgreSQL.
 */
@RegisterConstructorMapper(StartRequest.class)
interface StartRequests {
  @SqlUpdate(
      "insert into retro_start_request (id, facilitator, channel, title, named, votes_per_person,"
          + " okr_quarter, response_url, created_at) values (:id, :facilitator, :channel, :title,"
          + " :named, :votesPerPerson, :okrQuarter, :responseUrl, :createdAt)")
  int insert(@BindMethods StartRequest request);

  /**
   * Gives request {@code id} its db-scheduler execution of task {@code task}, due {@code at}, in
   * the caller's transaction (as the outbox schedules its deliveries), so a committed request is
   * always checked and a rolled-back one never is.
   */
  @SqlUpdate(
      "insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
          + " version) values (:task, :id, null, :at, false, 1) on conflict do nothing")
  int schedule(String task, String id, Instant at);

  @SqlQuery("select * from retro_start_request where id = :id")
  Optional<StartRequest> find(String id);

  /**
   * Removes request {@code id}, in the transaction that acts on it.
   *
   * @return 1 for the one caller that acts on it, 0 when it was already done
   */
  @SqlUpdate("delete from retro_start_request where id = :id")
  int delete(String id);
}
