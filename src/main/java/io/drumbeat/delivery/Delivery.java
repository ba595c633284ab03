package io.drumbeat.delivery;

import java.time.Instant;

/**
 * A Slack side effect to record in the {@link Outbox}, in the transaction of the change it follows.
 *
 * @param key the stable delivery key: the message's purpose, e.g. {@code
 *     daily-post:U1:2026-11-30:C0DIST} (at most 200 characters; recording a key twice is a no-op)
 * @param kind {@value Outbox#MESSAGE} for {@code content}, else the {@link Renderer} that draws it
 * @param via how it is sent
 * @param subject what the renderer draws (e.g. a retro id), or null
 * @param channel channel id, a user id for a DM, the user of a Home tab, or a {@code response_url}
 * @param threadKey delivery key of the message to reply to in its thread, or null
 * @param content the fixed content of a {@value Outbox#MESSAGE}, else null
 * @param notBefore deliver no sooner than this (batched redraws), or null for now
 * @param expiresAt do not post after this instant, or null
 */
public record Delivery(
    String key,
    String kind,
    Via via,
    String subject,
    String channel,
    String threadKey,
    Content content,
    Instant notBefore,
    Instant expiresAt) {

  /** Longest delivery key (db-scheduler's task instance id column). */
  public static final int MAX_KEY = 200;

  /**
   * @throws IllegalArgumentException when the key is blank or longer than {@link #MAX_KEY}
   */
  public Delivery {
    if (key == null || key.isBlank() || key.length() > MAX_KEY) {
      throw new IllegalArgumentException("Bad delivery key: " + key);
    }
  }

  /** A message with fixed content posted once to {@code channel} (a user id posts a DM). */
  public static Delivery message(String key, String channel, Content content) {
    return new Delivery(key, Outbox.MESSAGE, Via.CHAT, null, channel, null, content, null, null);
  }

  /** A message drawn by renderer {@code kind} when delivered: posted once, then edited in place. */
  public static Delivery drawn(String key, String kind, String subject, String channel) {
    return new Delivery(key, kind, Via.CHAT, subject, channel, null, null, null, null);
  }

  /** A Home tab drawn by renderer {@code kind} for {@code userId} and published. */
  public static Delivery home(String key, String kind, String userId) {
    return new Delivery(key, kind, Via.HOME, userId, userId, null, null, null, null);
  }

  /** A file with fixed content shared into {@code channel} ({@link Content#file}). */
  public static Delivery file(String key, String channel, Content content) {
    return new Delivery(key, Outbox.MESSAGE, Via.FILE, null, channel, null, content, null, null);
  }

  /** A file drawn by renderer {@code kind} when delivered and shared into {@code channel}. */
  public static Delivery drawnFile(String key, String kind, String subject, String channel) {
    return new Delivery(key, kind, Via.FILE, subject, channel, null, null, null, null);
  }

  /** An ephemeral reply with fixed content to an interaction's {@code response_url}. */
  public static Delivery reply(String key, String responseUrl, Content content) {
    return new Delivery(
        key, Outbox.MESSAGE, Via.RESPOND, null, responseUrl, null, content, null, null);
  }

  /** This message as a reply in the thread of the message with delivery key {@code parentKey}. */
  public Delivery inThreadOf(String parentKey) {
    return new Delivery(key, kind, via, subject, channel, parentKey, content, notBefore, expiresAt);
  }

  /** This delivery, not made after {@code instant} (it is then marked expired). */
  public Delivery expiringAt(Instant instant) {
    return new Delivery(key, kind, via, subject, channel, threadKey, content, notBefore, instant);
  }

  /** This delivery, made no sooner than {@code instant}. */
  public Delivery notBefore(Instant instant) {
    return new Delivery(key, kind, via, subject, channel, threadKey, content, instant, expiresAt);
  }
}
