package io.drumbeat.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
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

  /** Zone Slack gives bot users. */
  static final String BOT_TZ = "America/Los_Angeles";

  /** A workspace member or bot user; {@code tz} is a valid IANA zone id. */
  record User(String id, String realName, String tz, boolean isBot) {}

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
  private final AtomicLong tsMicros = new AtomicLong();
  private final AtomicLong viewCounter = new AtomicLong();
  private final List<JsonNode> views = new ArrayList<>();
  private final Clock clock;

  /** A workspace whose message timestamps follow {@code clock}. */
  SlackDoubleWorkspace(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Adds or replaces a user.
   *
   * @throws java.time.DateTimeException if {@code tz} is not a valid zone id
   */
  synchronized void addUser(String userId, String realName, String tz) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(realName, "realName");
    ZoneId.of(Objects.requireNonNull(tz, "tz"));
    users.put(userId, new User(userId, realName, tz, false));
  }

  /** Adds or replaces a bot user ({@code is_bot: true}, zone {@value #BOT_TZ}). */
  synchronized void addBot(String userId, String name) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(name, "name");
    users.put(userId, new User(userId, name, BOT_TZ, true));
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

  /**
   * The conversation a {@code channel} argument or a test's {@code channelOrUserId} names: a user
   * id (U…/W…) means that user's DM id, anything else is taken as a conversation id already.
   */
  static String conversationOf(String channelOrUserId) {
    return channelOrUserId != null
            && (channelOrUserId.startsWith("U") || channelOrUserId.startsWith("W"))
        ? dmId(channelOrUserId)
        : channelOrUserId;
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

  /**
   * Resolves the {@code channel} argument of a method that reads a conversation ({@code
   * conversations.history}, {@code conversations.replies}): a known channel the bot is a member of
   * or a known user's DM id (D…). Slack lets a bot token read only conversations it is in
   * (docs.slack.dev/reference/methods/conversations.history): a public channel without the bot
   * answers {@code not_in_channel}; a private one it cannot see, a user id or anything unknown
   * answers {@code channel_not_found}.
   */
  synchronized Target readable(String channel) {
    Channel known = channel == null ? null : channels.get(channel);
    if (known == null) {
      boolean dm = channel != null && channel.startsWith("D") && userForDm(channel).isPresent();
      return dm ? Target.ok(channel) : Target.error("channel_not_found");
    }
    if (known.botIsMember()) {
      return Target.ok(known.id());
    }
    return Target.error(known.isPrivate() ? "channel_not_found" : "not_in_channel");
  }

  /**
   * The bot joins a public channel ({@code conversations.join}); a private or unknown one answers
   * {@code channel_not_found}, as for a bot token.
   */
  synchronized Target join(String channel) {
    Channel known = channel == null ? null : channels.get(channel);
    if (known == null || known.isPrivate()) {
      return Target.error("channel_not_found");
    }
    channels.put(known.id(), new Channel(known.id(), known.name(), false, true));
    return Target.ok(known.id());
  }

  /**
   * Mints a unique, strictly increasing message timestamp such as {@code "1763452800.000000"}: the
   * clock's time in microseconds, raised by 1 µs when needed to stay after the previous one.
   */
  String nextTs() {
    Instant now = clock.instant();
    long clockMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    long micros = tsMicros.updateAndGet(previous -> Math.max(previous + 1, clockMicros));
    return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  /**
   * Remembers a modal as Slack holds it after {@code views.open}, {@code update} or {@code push}.
   */
  synchronized void holdView(JsonNode view) {
    views.add(view);
  }

  /** The latest modal held, with the {@code id} and {@code hash} Slack gave it, if any. */
  synchronized Optional<JsonNode> lastView() {
    return views.isEmpty() ? Optional.empty() : Optional.of(views.get(views.size() - 1));
  }

  /** Mints the next view number (1, 2, …) for view ids {@code "V<n>"} and hashes {@code "h<n>"}. */
  long nextViewNumber() {
    return viewCounter.incrementAndGet();
  }
}
