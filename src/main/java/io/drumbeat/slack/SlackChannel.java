package io.drumbeat.slack;

import java.time.Instant;

/**
 * A channel Drumbeat has seen in Slack.
 *
 * @param channelId e.g. "C0DIST"
 * @param name without "#", e.g. "distributioneers"
 * @param isPrivate true for a private channel
 * @param refreshedAt when Slack last said so
 */
public record SlackChannel(String channelId, String name, boolean isPrivate, Instant refreshedAt) {}
