package io.drumbeat.okr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * KR retrospectives (table {@code kr_retro}) and the quarters whose scorecard is final ({@code
 * okr_scorecard}). Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
 */
@RegisterConstructorMapper(KrRetro.class)
public interface KrRetroRepository {
  @SqlUpdate(
      "insert into kr_retro (quarter, kr_key, outcome, worked, didnt, learned, author_id,"
          + " updated_at) values (:quarter, :krKey, :outcome, :worked, :didnt, :learned,"
          + " :authorId, :updatedAt) on conflict do nothing")
  int insert(@BindMethods KrRetro retro);

  @SqlUpdate(
      "update kr_retro set outcome = :outcome, worked = :worked, didnt = :didnt,"
          + " learned = :learned, author_id = :authorId, updated_at = :updatedAt"
          + " where quarter = :quarter and kr_key = :krKey")
  int update(@BindMethods KrRetro retro);

  /**
   * Stores the KR's retrospective, revising an earlier one.
   *
   * @return true when it is the KR's first
   */
  default boolean save(KrRetro retro) {
    if (insert(retro) == 1) {
      return true;
    }
    update(retro);
    return false;
  }

  @SqlQuery("select * from kr_retro where quarter = :quarter and kr_key = :krKey")
  Optional<KrRetro> find(String quarter, String krKey);

  @SqlQuery("select * from kr_retro where quarter = :quarter order by kr_key")
  List<KrRetro> ofQuarter(String quarter);

  /**
   * Marks the quarter's scorecard final.
   *
   * @return 1 when this call finalised it, 0 when it was final already
   */
  @SqlUpdate(
      "insert into okr_scorecard (quarter, finalised_at) values (:quarter, :at)"
          + " on conflict do nothing")
  int finalise(String quarter, Instant at);

  @SqlQuery("select count(*) from okr_scorecard where quarter = :quarter")
  int finalCount(String quarter);

  /** True when the quarter's scorecard is final (its KR retrospectives are then read-only). */
  default boolean isFinal(String quarter) {
    return finalCount(quarter) > 0;
  }
}
