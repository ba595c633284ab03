package io.drumbeat.delivery;

import java.time.Instant;

/**
 * One row of the {@code outbox} table: a Slack message (or Home tab, or {@code response_url} reply)
 * Drumbeat has promised, and how far its delivery got.
 *
 * @param deliveryKey the message's purpose, unique, e.g. {@code daily-post:U1:2026-11-30:C0DIST}
 * @param kind {@value Outbox#MESSAGE} for fixed content, else the name of the {@link Renderer} that
 *     draws it from the database
 * @param via how it is sent
 * @param subject what the renderer draws, e.g. a retro id; may be null
 * @param channel channel id, or a user id for a DM (Slack opens the app's DM), or the user of a
 *     Home tab, or the {@code response_url}; may be null for a renderer that knows it
 * @param threadKey delivery key of the message this one replies to in a thread, or null
 * @param payload the fixed content as JSON ({@link Content#toJson()}) for {@value Outbox#MESSAGE}
 * @param state where delivery stands
 * @param generation bumped by every request to draw it again
 * @param deliveredGeneration the generation last sent to Slack (0 before the first)
 * @param postedChannel where the message landed (a {@code D…} id for a DM)
 * @param postedTs its {@code ts}, the id for edits and threads; null until posted (a shared file:
 *     its file id)
 * @param fileId a file delivery's staged file id, once Slack gave one
 * @param attempts calls made to Slack for it so far
 * @param inDoubt an attempt to post it may have reached Slack (timeout, 5xx, crash): it is looked
 *     for in the channel's history before it is posted again
 * @param firstAttemptAt when it was first sent to Slack
 * @param notBefore not delivered before this instant (batched redraws), or null
 * @param expiresAt not posted after this instant (it would no longer make sense), or null
 * @param lastError Slack's error code or a transport description of the last failure
 * @param createdAt when it was recorded
 * @param updatedAt when it last changed
 */
public record OutboxRow(
    String deliveryKey,
    String kind,
    Via via,
    String subject,
    String channel,
    String threadKey,
    String payload,
    DeliveryState state,
    int generation,
    int deliveredGeneration,
    String postedChannel,
    String postedTs,
    String fileId,
    int attempts,
    boolean inDoubt,
    Instant firstAttemptAt,
    Instant notBefore,
    Instant expiresAt,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {

  /** True once the message exists in Slack (it has a {@code ts}). */
  public boolean isPosted() {
    return postedTs != null;
  }
}
