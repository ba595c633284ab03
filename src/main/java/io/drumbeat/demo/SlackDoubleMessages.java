package io.drumbeat.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The messages a {@link SlackDouble} holds, per conversation id, ordered by {@code ts} compared as
 * a decimal number. All methods are thread-safe.
 */
final class SlackDoubleMessages {

  private final Map<String, NavigableMap<BigDecimal, StoredMessage>> byConversation =
      new HashMap<>();

  /**
   * A Slack timestamp as a number, e.g. {@code "1763452800.000001"}.
   *
   * @throws NumberFormatException if {@code ts} is not a decimal number
   */
  static BigDecimal tsValue(String ts) {
    return new BigDecimal(ts.trim());
  }

  /** Adds a message, or replaces the one with the same conversation and {@code ts}. */
  synchronized void put(StoredMessage message) {
    byConversation
        .computeIfAbsent(message.channel(), k -> new TreeMap<>())
        .put(tsValue(message.ts()), message);
  }

  /** The message {@code ts} of conversation {@code channel}, if held. */
  synchronized Optional<StoredMessage> find(String channel, String ts) {
    NavigableMap<BigDecimal, StoredMessage> held = byConversation.get(channel);
    BigDecimal key = parseOrNull(ts);
    return Optional.ofNullable(held == null || key == null ? null : held.get(key));
  }

  /**
   * Replaces the message {@code ts} of conversation {@code channel} by {@code edit} of it, in one
   * step (a concurrent delete cannot be undone by it).
   *
   * @return the edited message, or empty when none was held
   */
  synchronized Optional<StoredMessage> edit(
      String channel, String ts, UnaryOperator<StoredMessage> edit) {
    Optional<StoredMessage> edited = find(channel, ts).map(edit);
    edited.ifPresent(this::put);
    return edited;
  }

  /** Removes the message {@code ts} of conversation {@code channel}; false if none was held. */
  synchronized boolean remove(String channel, String ts) {
    NavigableMap<BigDecimal, StoredMessage> held = byConversation.get(channel);
    BigDecimal key = parseOrNull(ts);
    return held != null && key != null && held.remove(key) != null;
  }

  /** Every message of a conversation, top-level and replies, oldest first. */
  synchronized List<StoredMessage> all(String channel) {
    return List.copyOf(byConversation.getOrDefault(channel, new TreeMap<>()).values());
  }

  /** The top-level messages of a conversation (no thread replies), oldest first. */
  synchronized List<StoredMessage> topLevel(String channel) {
    return all(channel).stream().filter(m -> !m.isReply()).toList();
  }

  /**
   * The thread that message {@code ts} belongs to: its root message first, then the root's replies
   * oldest first. A message without replies is a thread of one. Empty when {@code ts} is not held.
   */
  synchronized List<StoredMessage> thread(String channel, String ts) {
    Optional<StoredMessage> named = find(channel, ts);
    if (named.isEmpty()) {
      return List.of();
    }
    String rootTs = named.get().isReply() ? named.get().threadTs() : named.get().ts();
    List<StoredMessage> thread = new ArrayList<>();
    find(channel, rootTs).ifPresent(thread::add);
    thread.addAll(replies(channel, rootTs));
    return thread;
  }

  /** The replies in the thread of root message {@code rootTs}, oldest first. */
  synchronized List<StoredMessage> replies(String channel, String rootTs) {
    BigDecimal root = parseOrNull(rootTs);
    return all(channel).stream()
        .filter(m -> m.isReply() && sameTs(root, parseOrNull(m.threadTs())))
        .toList();
  }

  private static boolean sameTs(BigDecimal a, BigDecimal b) {
    return a != null && b != null && a.compareTo(b) == 0;
  }

  private static BigDecimal parseOrNull(String ts) {
    try {
      return ts == null ? null : tsValue(ts);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
