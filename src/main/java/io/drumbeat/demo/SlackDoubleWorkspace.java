package io.drumbeat.demo;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake workspace behind a {@link SlackDouble}: users, channels, channel members and the
 * counters that mint message timestamps and view ids. All methods are thread-safe.
 */
final class SlackDoubleWorkspace {

  /** Team id reported by every response. */
  static final String TEAM_ID = "T0DEMO";

  /** User id of the bot itself. */
  static final String BOT_USER_ID = "U0BOT";

  /** Bot id of the bot itself. */
  static final String BOT_ID = "B0BOT";

  /** A workspace member; {@code tz} is a valid IANA zone id. */
  record User(String id, String realName, String tz) {}

  /** A channel; {@code botIsMember} decides whether the bot can see a private one. */
  record Channel(String id, String name, boolean isPrivate, boolean botIsMember) {}

  /** Where a message lands: either a resolved conversation id or a Slack error code. */
  record Target(String channelId, String error) {
    static Target ok(String channelId) {
      return new Target(channelId, null);
    }

    static Target error(String error) {
      return new Target(null, error);
    }
  }

  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  private final Map<String, Set<String>> members = new LinkedHashMap<>();
  private final AtomicLong tsMicros = new AtomicLong(1_700_000_000_000_000L);
  private final AtomicLong viewCounter = new AtomicLong();

  /**
   * Adds or replaces a user.
   *
   * @throws java.time.DateTimeException if {@code tz} is not a valid zone id
   */
  synchronized void addUser(String userId, String realName, String tz) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(realName, "realName");
    ZoneId.of(Objects.requireNonNull(tz, "tz"));
    users.put(userId, new User(userId, realName, tz));
  }

  /** Adds or replaces a channel, keeping its members. */
  synchronized void addChannel(String channelId, String name, boolean isPrivate, boolean member) {
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(name, "name");
    channels.put(channelId, new Channel(channelId, name, isPrivate, member));
  }

  /**
   * Adds a user to a channel's member list (idempotent).
   *
   * @throws IllegalArgumentException if the channel was never added
   */
  synchronized void addMember(String channelId, String userId) {
    if (!channels.containsKey(channelId)) {
      throw new IllegalArgumentException("unknown channel " + channelId + "; addChannel first");
    }
    members.computeIfAbsent(channelId, k -> new LinkedHashSet<>()).add(userId);
  }

  synchronized Optional<User> user(String userId) {
    return Optional.ofNullable(userId == null ? null : users.get(userId));
  }

  synchronized List<User> users() {
    return List.copyOf(users.values());
  }

  synchronized Optional<Channel> channel(String channelId) {
    return Optional.ofNullable(channelId == null ? null : channels.get(channelId));
  }

  synchronized List<Channel> channels() {
    return List.copyOf(channels.values());
  }

  synchronized List<String> members(String channelId) {
    return new ArrayList<>(members.getOrDefault(channelId, Set.of()));
  }

  /** The deterministic DM conversation id of a user: {@code "D"} + the id without its prefix. */
  static String dmId(String userId) {
    return "D" + userId.substring(1);
  }

  /** Finds the user whose DM conversation id is {@code dmId}. */
  synchronized Optional<User> userForDm(String dmId) {
    return users.values().stream().filter(u -> dmId(u.id()).equals(dmId)).findFirst();
  }

  /**
   * Resolves a {@code channel} argument of a chat.* method: a known channel id, a known user id
   * (U…/W…, meaning that user's DM) or a known user's DM id (D…). Private channels without the bot
   * answer {@code not_in_channel}; anything else unknown answers {@code channel_not_found}.
   */
  synchronized Target resolve(String channel) {
    if (channel == null || channel.isEmpty()) {
      return Target.error("channel_not_found");
    }
    Channel known = channels.get(channel);
    if (known != null) {
      return known.isPrivate() && !known.botIsMember()
          ? Target.error("not_in_channel")
          : Target.ok(known.id());
    }
    if ((channel.startsWith("U") || channel.startsWith("W")) && users.containsKey(channel)) {
      return Target.ok(dmId(channel));
    }
    if (channel.startsWith("D") && userForDm(channel).isPresent()) {
      return Target.ok(channel);
    }
    return Target.error("channel_not_found");
  }

  /** Mints a unique, strictly increasing message timestamp such as {@code "1700000000.000100"}. */
  String nextTs() {
    long micros = tsMicros.addAndGet(100);
    return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  /** Mints the next view number (1, 2, …) for view ids {@code "V<n>"} and hashes {@code "h<n>"}. */
  long nextViewNumber() {
    return viewCounter.incrementAndGet();
  }
}
