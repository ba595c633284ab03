package io.drumbeat.rituals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What the monthly update reads from the retro and daily tables. Same SQL on H2 and PostgreSQL. */
@RegisterConstructorMapper(MonthlyRepository.RetroHeld.class)
@RegisterConstructorMapper(MonthlyRepository.Topic.class)
@RegisterConstructorMapper(MonthlyRepository.Posted.class)
public interface MonthlyRepository {
  /**
   * A retro started in the month.
   *
   * @param id its number
   * @param title its title (raw user text)
   */
  record RetroHeld(long id, String title) {}

  /**
   * A ranked topic.
   *
   * @param text the item (raw user text)
   * @param votes its votes
   */
  record Topic(String text, int votes) {}

  /**
   * A daily update posted to a team.
   *
   * @param userId the member
   * @param localDate the update's date
   */
  record Posted(String userId, LocalDate localDate) {}

  /** Retros started in [from, to), as started. */
  @SqlQuery(
      "select id, title from retro where created_at >= :from and created_at < :to order by id")
  List<RetroHeld> retrosStarted(Instant from, Instant to);

  /** The three items of retro {@code id} with the most votes (at least one), ranked. */
  @SqlQuery(
      "select i.text, count(v.voter) as votes from retro_item i join retro_vote v on v.item_id ="
          + " i.id where i.retro_id = :id group by i.id, i.text order by votes desc, i.id limit 3")
  List<Topic> topTopics(long id);

  /** Action items recorded in [from, to). */
  @SqlQuery("select count(*) from retro_action where created_at >= :from and created_at < :to")
  int actionsOpened(Instant from, Instant to);

  /** Action items marked done in [from, to). */
  @SqlQuery("select count(*) from retro_action where done_at >= :from and done_at < :to")
  int actionsClosed(Instant from, Instant to);

  /** Updates posted to team {@code teamId} dated from {@code first} to {@code last}. */
  @SqlQuery(
      "select distinct user_id, local_date from daily_post where team_id = :teamId"
          + " and local_date >= :first and local_date <= :last")
  List<Posted> posted(String teamId, LocalDate first, LocalDate last);
}
