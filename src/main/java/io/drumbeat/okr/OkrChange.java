package io.drumbeat.okr;

import java.time.Instant;

/**
 * A mid-quarter change to the current quarter's key results, waiting for (or past) its sign-off.
 *
 * @param id its number, e.g. 7
 * @param quarter e.g. "FY2027-Q4"
 * @param fileText the OKR file as imported; applied as a whole on approval
 * @param diff the JSON list of {@link KrDiff}s it makes, computed when it was imported
 * @param proposedBy Slack user id of whoever imported it ({@code okrs import --by}), or null
 * @param proposedAt when it was imported
 * @param state PENDING, APPROVED, REJECTED or SUPERSEDED
 * @param decidedBy the approver who approved or rejected it, or null
 * @param decidedAt when, or null
 */
public record OkrChange(
    long id,
    String quarter,
    String fileText,
    String diff,
    String proposedBy,
    Instant proposedAt,
    String state,
    String decidedBy,
    Instant decidedAt) {}
