package io.drumbeat.rituals;

import java.time.LocalDate;

/**
 * A daily update's blockers field as written, with where the update was posted.
 *
 * @param userId the member
 * @param localDate the update's date (the member's zone)
 * @param blockers the "Anything blocking you?" answer (raw user text), or null
 * @param teamId the first team (by id) the update was posted to, or null when it was not posted
 */
public record BlockerReport(String userId, LocalDate localDate, String blockers, String teamId) {}
