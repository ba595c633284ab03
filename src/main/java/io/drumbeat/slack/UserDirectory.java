package io.drumbeat.slack;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's Slack profiles, read with {@code users.info} and cached for a day in the database: each
 * person's own time zone drives their reminders, and their DM channel is opened once.
 */
public final class UserDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);
  private static final Duration FRESH_FOR = Duration.ofHours(24);
  private final SlackGateway slack;
  private final SlackUserRepository users;
  private final Clock clock;

  /**
   * @param slack Web API
   * @param users the cache table
   * @param clock the clock deciding when a cached profile is stale
   */
  public UserDirectory(SlackGateway slack, SlackUserRepository users, Clock clock) {
    this.slack = slack;
    this.users = users;
    this.clock = clock;
  }

  /**
   * The user's own zone from their Slack profile, or {@code fallback} when Slack has none or it
   * cannot be read (the failure is logged, the person still gets their reminder).
   */
  public ZoneId zoneOf(String userId, ZoneId fallback) {
    try {
      String tz = profile(userId).tz();
      return tz == null || tz.isBlank() ? fallback : ZoneId.of(tz);
    } catch (SlackCallException | DateTimeException e) {
      LOG.warn("Using the organisation zone for {}: {}", userId, e.getMessage());
      return fallback;
    }
  }

  /** The user's display name, or the id when Slack cannot tell. */
  public String nameOf(String userId) {
    try {
      String name = profile(userId).realName();
      return name == null || name.isBlank() ? userId : name;
    } catch (SlackCallException e) {
      return userId;
    }
  }

  /** The user's profile picture URL, or empty when Slack cannot tell. */
  public java.util.Optional<String> avatarOf(String userId) {
    try {
      return java.util.Optional.ofNullable(profile(userId).avatarUrl());
    } catch (SlackCallException e) {
      return java.util.Optional.empty();
    }
  }

  /** True for bots and app users (never prompted); false when Slack cannot tell. */
  public boolean isBot(String userId) {
    try {
      return profile(userId).isBot();
    } catch (SlackCallException e) {
      return false;
    }
  }

  /**
   * The app's DM channel with the user, opened once and remembered.
   *
   * @throws SlackCallException when Slack refuses to open it
   */
  public String dmChannel(String userId) {
    Optional<String> known = users.find(userId).map(SlackUser::dmChannel);
    if (known.isPresent()) {
      return known.get();
    }
    // A placeholder row (stale at once) to hold the DM channel; the profile is read when needed.
    users.insert(new SlackUser(userId, null, null, null, Instant.EPOCH, null, false));
    String channel = slack.openDm(userId);
    users.setDmChannel(userId, channel);
    return channel;
  }

  private SlackUser profile(String userId) {
    Instant now = clock.instant();
    Optional<SlackUser> cached = users.find(userId);
    if (cached.isPresent() && cached.get().fetchedAt().plus(FRESH_FOR).isAfter(now)) {
      return cached.get();
    }
    var user = slack.userInfo(userId);
    String name = user.getRealName() != null ? user.getRealName() : user.getName();
    String avatar = user.getProfile() == null ? null : user.getProfile().getImage72();
    SlackUser fresh =
        new SlackUser(
            userId,
            name,
            user.getTz(),
            cached.map(SlackUser::dmChannel).orElse(null),
            now,
            avatar,
            user.isBot() || user.isAppUser());
    users.saveProfile(fresh);
    return fresh;
  }
}
