package io.drumbeat.rituals;

import java.time.LocalDate;

/**
 * A blocker that is stuck: repeated on two or more workdays in the past week, or older than {@code
 * daily.blockerAgeDays} workdays, and still in the member's latest update.
 *
 * @param userId the member
 * @param teamId the team its latest report was posted to, or null
 * @param text the blocker as last written (raw user text)
 * @param since the date it was first reported in this run of updates
 * @param workdays workdays from {@code since} to today (not counting {@code since})
 * @param reports how many updates reported it since then
 */
record StuckBlocker(
    String userId, String teamId, String text, LocalDate since, int workdays, int reports) {}
