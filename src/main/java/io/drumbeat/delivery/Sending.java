package io.drumbeat.delivery;

import io.drumbeat.slack.FileUploads;
import java.util.function.BiConsumer;

/**
 * What a delivery needs to reach Slack.
 *
 * @param sender the Web API calls
 * @param pacer the rate limits
 * @param reconciler finds posts whose answer was lost
 * @param files shares files (external upload flow)
 * @param dmLearned told (user id, {@code D…} channel) when a post to a user revealed their DM
 */
record Sending(
    SlackSender sender,
    Pacer pacer,
    Reconciler reconciler,
    FileUploads files,
    BiConsumer<String, String> dmLearned) {

  /** Passes on the DM channel a post to user {@code target} landed in. */
  void learned(String target, String channel) {
    if (Reconciler.isUser(target) && channel != null && channel.startsWith("D")) {
      dmLearned.accept(target, channel);
    }
  }
}
