package io.drumbeat.daily;

import java.time.LocalDate;

/**
 * Where a daily update was posted in one team's channel.
 *
 * @param userId the member
 * @param localDate the update's date
 * @param teamId team id from {@code drumbeat.yml}
 * @param channel channel id
 * @param ts message ts, for {@code chat.update}
 */
public record DailyPost(
    String userId, LocalDate localDate, String teamId, String channel, String ts) {}
