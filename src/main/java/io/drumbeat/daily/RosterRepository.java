package io.drumbeat.daily;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * The last read members of channel-following teams (tables {@code team_member}, {@code
 * team_roster}).
 */
interface RosterRepository {
  @SqlQuery("select user_id from team_member where team_id = :teamId order by user_id")
  List<String> members(String teamId);

  @SqlQuery("select refreshed_at from team_roster where team_id = :teamId")
  Optional<Instant> refreshedAt(String teamId);

  @SqlUpdate("delete from team_member where team_id = :teamId")
  int clear(String teamId);

  @SqlBatch("insert into team_member (team_id, user_id) values (:teamId, :userId)")
  void insert(String teamId, List<String> userId);

  /** Adds one member (a {@code member_joined_channel} event); 0 when already there. */
  @SqlUpdate(
      "insert into team_member (team_id, user_id) values (:teamId, :userId)"
          + " on conflict do nothing")
  int insertMember(String teamId, String userId);

  /** Removes one member (a {@code member_left_channel} event); 0 when not there. */
  @SqlUpdate("delete from team_member where team_id = :teamId and user_id = :userId")
  int deleteMember(String teamId, String userId);

  @SqlUpdate(
      "insert into team_roster (team_id, channel, refreshed_at) values (:teamId, :channel, :at)"
          + " on conflict do nothing")
  int insertRoster(String teamId, String channel, Instant at);

  @SqlUpdate(
      "update team_roster set channel = :channel, refreshed_at = :at where team_id = :teamId")
  int updateRoster(String teamId, String channel, Instant at);

  /** Replaces a team's members with what Slack said, in one transaction. */
  @Transaction
  default void replace(String teamId, String channel, List<String> members, Instant at) {
    clear(teamId);
    if (!members.isEmpty()) {
      insert(teamId, members);
    }
    if (insertRoster(teamId, channel, at) == 0) {
      updateRoster(teamId, channel, at);
    }
  }
}
