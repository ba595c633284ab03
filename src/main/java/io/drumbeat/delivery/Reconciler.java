package io.drumbeat.delivery;

import com.slack.api.model.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds a message whose post may have reached Slack although its answer was lost (a read timeout, a
 * reset connection, a 5xx, a crash between Slack accepting it and the outbox recording it): it
 * looks for a bot message carrying the delivery key in its metadata, posted since the first
 * attempt, with {@code conversations.history} ({@code conversations.replies} for a thread reply).
 * Needs the scopes {@code channels:history}, {@code groups:history} and {@code im:history}; DMs are
 * looked up in the app's DM channel, opened with {@code conversations.open} (scope {@code
 * im:write}) only when it is not known yet.
 */
final class Reconciler {
  /** Pages of 200 messages read at most: a channel busier than that since the attempt is rare. */
  private static final int MAX_PAGES = 10;

  private final SlackSender sender;
  private final Function<String, Optional<String>> knownDm;

  /**
   * @param sender the Web API client
   * @param knownDm the app's DM channel with a user, when it is known
   */
  Reconciler(SlackSender sender, Function<String, Optional<String>> knownDm) {
    this.sender = sender;
    this.knownDm = knownDm;
  }

  /**
   * Where {@code row}'s message landed, if it did.
   *
   * @param threadTs the parent's ts when the row is a thread reply, else null
   * @throws SendFailure when the history cannot be read
   */
  Optional<Posted> find(OutboxRow row, String threadTs) {
    return find(row, threadTs, m -> carries(m.getMetadata(), row.deliveryKey()));
  }

  /**
   * Where {@code row}'s file {@code fileId} was shared, if it was (a file message cannot carry
   * metadata, but its file id is known once staged).
   *
   * @throws SendFailure when the history cannot be read
   */
  Optional<Posted> findFile(OutboxRow row, String threadTs, String fileId) {
    return find(
        row,
        threadTs,
        m -> m.getFiles() != null && m.getFiles().stream().anyMatch(f -> fileId.equals(f.getId())));
  }

  private Optional<Posted> find(OutboxRow row, String threadTs, Predicate<Message> match) {
    String channel = channelOf(row.channel());
    try {
      return search(row, channel, threadTs, match);
    } catch (SendFailure f) {
      if (!"not_in_channel".equals(f.error())) {
        throw f;
      }
      // A public channel posted to with chat:write.public: its history is readable once joined.
      SlackSender.call(() -> sender.client().conversationsJoin(r -> r.channel(channel)));
      return search(row, channel, threadTs, match);
    }
  }

  private Optional<Posted> search(
      OutboxRow row, String channel, String threadTs, Predicate<Message> match) {
    Instant since = row.firstAttemptAt() == null ? row.createdAt() : row.firstAttemptAt();
    String oldest = (since.getEpochSecond() - 60) + ".000000";
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String at = cursor;
      List<Message> messages;
      String next;
      if (threadTs == null) {
        var r =
            SlackSender.call(
                () ->
                    sender
                        .client()
                        .conversationsHistory(
                            q ->
                                q.channel(channel)
                                    .oldest(oldest)
                                    .includeAllMetadata(true)
                                    .limit(200)
                                    .cursor(at)));
        messages = r.getMessages();
        next = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      } else {
        var r =
            SlackSender.call(
                () ->
                    sender
                        .client()
                        .conversationsReplies(
                            q ->
                                q.channel(channel)
                                    .ts(threadTs)
                                    .oldest(oldest)
                                    .includeAllMetadata(true)
                                    .limit(200)
                                    .cursor(at)));
        messages = r.getMessages();
        next = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      }
      Optional<Posted> found =
          messages == null
              ? Optional.empty()
              : messages.stream()
                  .filter(match)
                  .findFirst()
                  .map(m -> new Posted(channel, m.getTs()));
      if (found.isPresent() || next == null || next.isEmpty()) {
        return found;
      }
      cursor = next;
    }
    return Optional.empty();
  }

  private static boolean carries(Message.Metadata metadata, String key) {
    if (metadata == null || !SlackSender.EVENT_TYPE.equals(metadata.getEventType())) {
      return false;
    }
    Map<String, Object> payload = metadata.getEventPayload();
    return payload != null && key.equals(payload.get("key"));
  }

  private String channelOf(String target) {
    if (!isUser(target)) {
      return target;
    }
    return knownDm
        .apply(target)
        .orElseGet(
            () ->
                SlackSender.call(
                        () -> sender.client().conversationsOpen(r -> r.users(List.of(target))))
                    .getChannel()
                    .getId());
  }

  /** True for a Slack user id ({@code U…} or {@code W…}), which chat.postMessage takes as a DM. */
  static boolean isUser(String id) {
    return id != null && (id.startsWith("U") || id.startsWith("W"));
  }
}
