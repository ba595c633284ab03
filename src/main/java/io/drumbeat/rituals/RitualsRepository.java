package io.drumbeat.rituals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What the Monday digest's added sections read (retro action items, daily updates) and the VP
 * sync's agenda. Read-only over the retro and daily tables; same SQL on H2 and PostgreSQL.
 */
@RegisterConstructorMapper(OpenAction.class)
@RegisterConstructorMapper(AgendaItem.class)
@RegisterConstructorMapper(BlockerReport.class)
public interface RitualsRepository {
  /** Every open action item, overdue ones first: by due date (none last), then as recorded. */
  @SqlQuery(
      "select a.id, a.text, a.owner, a.due_date, a.retro_id, r.title as retro_title"
          + " from retro_action a join retro r on r.id = a.retro_id where a.done_at is null"
          + " order by case when a.due_date is null then 1 else 0 end, a.due_date, a.id")
  List<OpenAction> openActions();

  /** The open action items linked to KR {@code krKey} of {@code quarter}, as recorded. */
  @SqlQuery(
      "select a.id, a.text, a.owner, a.due_date, a.retro_id, r.title as retro_title"
          + " from retro_action a join retro r on r.id = a.retro_id"
          + " join retro_action_kr k on k.action_id = a.id"
          + " where a.done_at is null and k.quarter = :quarter and k.kr_key = :krKey order by a.id")
  List<OpenAction> openActionsOf(String quarter, String krKey);

  /** Daily updates from {@code from} on (each member's own date), by member then date. */
  @SqlQuery(
      "select u.user_id, u.local_date, u.blockers,"
          + " (select min(p.team_id) from daily_post p where p.user_id = u.user_id"
          + " and p.local_date = u.local_date) as team_id"
          + " from daily_update u where u.local_date >= :from order by u.user_id, u.local_date")
  List<BlockerReport> updatesSince(LocalDate from);

  /**
   * Adds an agenda item.
   *
   * @return its number
   */
  @SqlUpdate("insert into agenda_item (text, author, added_at) values (:text, :author, :at)")
  @GetGeneratedKeys("id")
  long addAgenda(String text, String author, Instant at);

  /** The coming sync's items (not yet shown in a digest), in the order added. */
  @SqlQuery(
      "select id, text, author, added_at from agenda_item where archived_at is null order by id")
  List<AgendaItem> pendingAgenda();

  /** A pending item by number. */
  @SqlQuery(
      "select id, text, author, added_at from agenda_item where id = :id and archived_at is null")
  Optional<AgendaItem> pendingAgendaItem(long id);

  /** Removes a pending item; 1 when removed now. */
  @SqlUpdate("delete from agenda_item where id = :id and archived_at is null")
  int removeAgenda(long id);

  /** Archives pending item {@code id} with the digest that showed it. */
  @SqlUpdate(
      "update agenda_item set archived_at = :at, digest_key = :digestKey"
          + " where archived_at is null and id = :id")
  int archiveAgendaItem(long id, String digestKey, Instant at);
}
