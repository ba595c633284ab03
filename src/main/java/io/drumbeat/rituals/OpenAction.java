package io.drumbeat.rituals;

import java.time.LocalDate;

/**
 * An open retro action item with the retro it came from.
 *
 * @param id the action item's id
 * @param text what is to be done (raw user text)
 * @param owner the owner's Slack user id
 * @param dueDate when it is due, or null
 * @param retroId the retro it was agreed in
 * @param retroTitle that retro's title (raw user text)
 */
public record OpenAction(
    long id, String text, String owner, LocalDate dueDate, long retroId, String retroTitle) {}
