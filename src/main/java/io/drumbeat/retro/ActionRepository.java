package io.drumbeat.retro;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Retro action items. Same SQL on H2 (PostgreSQL mode) and PostgreSQL. */
@RegisterConstructorMapper(ActionItem.class)
public interface ActionRepository {
  /**
   * Records an open action item.
   *
   * @return its id
   */
  @SqlUpdate(
      "insert into retro_action (retro_id, channel, text, owner, due_date, created_at)"
          + " values (:retroId, :channel, :text, :owner, :due, :at)")
  @GetGeneratedKeys("id")
  long add(
      long retroId,
      String channel,
      String text,
      String owner,
      @Bind("due") LocalDate dueDate,
      Instant at);

  /** Links action item {@code id} to a KR (at most one KR per action item). */
  @SqlUpdate(
      "insert into retro_action_kr (action_id, quarter, kr_key) values (:id, :quarter, :krKey)")
  int linkKr(long id, String quarter, String krKey);

  @SqlQuery("select * from retro_action where id = :id")
  Optional<ActionItem> find(long id);

  /** Remembers the owner's DM, so marking it done can edit that message. */
  @SqlUpdate("update retro_action set dm_channel = :channel, dm_ts = :ts where id = :id")
  int setDm(long id, String channel, String ts);

  /**
   * Marks an action item done, only by its owner and only once.
   *
   * @return 1 when marked now, 0 when already done or not theirs
   */
  @SqlUpdate(
      "update retro_action set done_at = :at where id = :id and owner = :owner and done_at is null")
  int markDone(long id, String owner, Instant at);

  /** The action items of one retro, in the order they were agreed. */
  @SqlQuery("select * from retro_action where retro_id = :retroId order by id")
  List<ActionItem> ofRetro(long retroId);

  /** Action items of earlier retros in {@code channel} that are still open, oldest first. */
  @SqlQuery(
      "select * from retro_action where channel = :channel and retro_id < :retroId"
          + " and done_at is null order by id")
  List<ActionItem> openBefore(String channel, long retroId);

  /** {@code owner}'s open action items of every retro: by due date (none last), then oldest. */
  @SqlQuery(
      "select * from retro_action where owner = :owner and done_at is null"
          + " order by case when due_date is null then 1 else 0 end, due_date, id")
  List<ActionItem> openOwnedBy(String owner);
}
