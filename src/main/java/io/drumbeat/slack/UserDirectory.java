package io.drumbeat.slack;

import com.slack.api.model.User;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's Slack profiles (zone, name, picture, bot or not), cached in the database. Reads never
 * call Slack, so a listener can use them inside its 3-second ack: the cache is filled and refreshed
 * by paging {@code users.list} (Tier 2, 200 people a page), never with one {@code users.info} per
 * person a day. Each person's own zone drives their prompts and reminders.
 */
public final class UserDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);

  /** How often a missing profile may trigger a full refresh. */
  static final Duration REFRESH_AT_MOST_EVERY = Duration.ofMinutes(10);

  private final SlackGateway slack;
  private final SlackUserRepository users;
  private final Clock clock;
  private final ReentrantLock refreshing = new ReentrantLock();
  private final List<Consumer<String>> zoneChanges = new CopyOnWriteArrayList<>();
  private volatile Instant lastRefresh = Instant.EPOCH;

  /**
   * @param slack Web API
   * @param users the cache table
   * @param clock when profiles were read
   */
  public UserDirectory(SlackGateway slack, SlackUserRepository users, Clock clock) {
    this.slack = slack;
    this.users = users;
    this.clock = clock;
  }

  /**
   * The person's own zone from their cached Slack profile, or {@code fallback} when it is unknown.
   */
  public ZoneId zoneOf(String userId, ZoneId fallback) {
    String tz = users.find(userId).map(SlackUser::tz).orElse(null);
    if (tz == null || tz.isBlank()) {
      return fallback;
    }
    try {
      return ZoneId.of(tz);
    } catch (DateTimeException e) {
      LOG.warn("Using the organisation zone for {}: unknown zone {}", userId, tz);
      return fallback;
    }
  }

  /** The person's name, or their id when unknown. */
  public String nameOf(String userId) {
    return users.find(userId).map(SlackUser::realName).filter(n -> !n.isBlank()).orElse(userId);
  }

  /** The person's profile picture URL (72 px), or empty when unknown. */
  public Optional<String> avatarOf(String userId) {
    return users.find(userId).map(SlackUser::avatarUrl);
  }

  /** True for bots and app users (never prompted); false when unknown. */
  public boolean isBot(String userId) {
    return users.find(userId).map(SlackUser::isBot).orElse(false);
  }

  /** The app's DM channel with the person, when a post to them has revealed it. */
  public Optional<String> knownDm(String userId) {
    return users.find(userId).map(SlackUser::dmChannel);
  }

  /** Remembers the app's DM channel with a person (learned from a post to their user id). */
  public void rememberDm(String userId, String channel) {
    if (users.setDmChannel(userId, channel) == 0) {
      users.insert(new SlackUser(userId, null, null, channel, Instant.EPOCH, null, false));
    }
  }

  /**
   * Makes sure the given people's profiles are cached: if any is missing, reads every profile with
   * {@code users.list}, at most once per {@link #REFRESH_AT_MOST_EVERY}. Called by jobs, never
   * inside an ack.
   *
   * @throws SlackCallException when Slack cannot be read
   */
  public void ensureKnown(Collection<String> userIds) {
    boolean missing =
        userIds.stream()
            .anyMatch(
                id -> users.find(id).map(u -> u.fetchedAt().equals(Instant.EPOCH)).orElse(true));
    if (missing && lastRefresh.plus(REFRESH_AT_MOST_EVERY).isBefore(clock.instant())) {
      refresh();
    }
  }

  /**
   * Reads every profile of the workspace with {@code users.list} and caches it. Concurrent callers
   * wait for one refresh instead of starting their own.
   *
   * @return how many profiles were stored
   * @throws SlackCallException when Slack cannot be read (the cache is kept as it was)
   */
  public int refresh() {
    Instant asked = clock.instant();
    refreshing.lock();
    try {
      if (lastRefresh.isAfter(asked)) {
        return 0;
      }
      int stored = 0;
      for (User user : slack.users()) {
        store(user);
        stored++;
      }
      lastRefresh = clock.instant();
      LOG.info("Read {} Slack profiles with users.list", stored);
      return stored;
    } finally {
      refreshing.unlock();
    }
  }

  /**
   * Tells {@code listener} the user id of each person whose cached zone changed (a {@code
   * user_change} event or a {@code users.list} read found another zone, or the first one), on the
   * thread and in the transaction of the change. Registered at assembly, before anything runs.
   */
  public void onZoneChange(Consumer<String> listener) {
    zoneChanges.add(listener);
  }

  /**
   * Caches one profile as Slack sent it (from {@code users.list}, {@code users.info} or an event),
   * and tells the {@link #onZoneChange} listeners when its zone is not the one cached.
   */
  public void store(User user) {
    String before = users.find(user.getId()).map(SlackUser::tz).orElse(null);
    String name = user.getRealName() != null ? user.getRealName() : user.getName();
    String avatar = user.getProfile() == null ? null : user.getProfile().getImage72();
    users.saveProfile(
        new SlackUser(
            user.getId(),
            name,
            user.getTz(),
            null,
            clock.instant(),
            avatar,
            user.isBot() || user.isAppUser()));
    if (user.getTz() != null && !Objects.equals(before, user.getTz())) {
      zoneChanges.forEach(listener -> listener.accept(user.getId()));
    }
  }
}
