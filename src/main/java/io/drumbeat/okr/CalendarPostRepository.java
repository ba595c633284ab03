package io.drumbeat.okr;

import java.time.Instant;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code okr_calendar_post} ledger: one row per planning-calendar entry per quarter. */
public interface CalendarPostRepository {
  /**
   * Claims an entry's post for a quarter.
   *
   * @return 1 when this call claimed it, 0 when it was posted already
   */
  @SqlUpdate(
      "insert into okr_calendar_post (quarter, entry_index, posted_at)"
          + " values (:quarter, :index, :at) on conflict do nothing")
  int claim(String quarter, int index, Instant at);

  /** 1 when the entry was posted for the quarter, else 0. */
  @SqlQuery(
      "select count(*) from okr_calendar_post where quarter = :quarter and entry_index = :index")
  int posted(String quarter, int index);
}
