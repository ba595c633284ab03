package io.drumbeat.delivery;

/**
 * Where a message landed in Slack.
 *
 * @param channel channel id (a {@code D…} id when it was posted to a user)
 * @param ts its timestamp, the message's id for edits and threads
 */
public record Posted(String channel, String ts) {}
