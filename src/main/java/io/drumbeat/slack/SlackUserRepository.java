package io.drumbeat.slack;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Cache of Slack profiles (table {@code slack_user}). */
@RegisterConstructorMapper(SlackUser.class)
public interface SlackUserRepository {
  @SqlQuery("select * from slack_user where user_id = :userId")
  Optional<SlackUser> find(String userId);

  @SqlUpdate(
      "insert into slack_user (user_id, real_name, tz, dm_channel, fetched_at, avatar_url, is_bot)"
          + " values (:userId, :realName, :tz, :dmChannel, :fetchedAt, :avatarUrl, :isBot)"
          + " on conflict do nothing")
  int insert(@BindMethods SlackUser user);

  @SqlUpdate(
      "update slack_user set real_name = :realName, tz = :tz, fetched_at = :fetchedAt,"
          + " avatar_url = :avatarUrl, is_bot = :isBot"
          + " where user_id = :userId")
  int updateProfile(@BindMethods SlackUser user);

  @SqlUpdate("update slack_user set dm_channel = :dm where user_id = :userId")
  int setDmChannel(String userId, @Bind("dm") String dmChannel);

  /** Stores a freshly read profile, keeping a known DM channel. */
  default void saveProfile(SlackUser user) {
    if (insert(user) == 0) {
      updateProfile(user);
    }
  }
}
