package io.drumbeat.slack;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Channels looked up in Slack (table {@code slack_channel}), by id and by name. */
@RegisterConstructorMapper(SlackChannel.class)
public interface SlackChannelRepository {
  @SqlQuery("select * from slack_channel where name = :name order by refreshed_at desc limit 1")
  Optional<SlackChannel> named(String name);

  @SqlQuery("select * from slack_channel where channel_id = :channelId")
  Optional<SlackChannel> find(String channelId);

  @SqlUpdate(
      "insert into slack_channel (channel_id, name, is_private, refreshed_at)"
          + " values (:channelId, :name, :isPrivate, :refreshedAt) on conflict do nothing")
  int insert(@BindMethods SlackChannel channel);

  @SqlUpdate(
      "update slack_channel set name = :name, is_private = :isPrivate,"
          + " refreshed_at = :refreshedAt where channel_id = :channelId")
  int update(@BindMethods SlackChannel channel);

  /** Stores what Slack said of a channel. */
  default void save(SlackChannel channel) {
    if (insert(channel) == 0) {
      update(channel);
    }
  }
}
