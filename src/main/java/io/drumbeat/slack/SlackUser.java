package io.drumbeat.slack;

import java.time.Instant;

/**
 * What Drumbeat keeps of a Slack profile.
 *
 * @param userId Slack user id, e.g. "U0AAA1"
 * @param realName display name, may be null
 * @param tz IANA zone from the profile, e.g. "Pacific/Auckland", may be null
 * @param dmChannel the app's DM channel with the user, null until one was opened
 * @param fetchedAt when the profile was last read from Slack
 * @param avatarUrl the profile picture (72 px), may be null
 * @param isBot true for bots and apps, which are never prompted
 */
public record SlackUser(
    String userId,
    String realName,
    String tz,
    String dmChannel,
    Instant fetchedAt,
    String avatarUrl,
    boolean isBot) {}
