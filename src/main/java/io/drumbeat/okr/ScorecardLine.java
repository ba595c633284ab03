package io.drumbeat.okr;

/**
 * One KR on a quarter's scorecard: its last check-in's status and progress.
 *
 * @param objectiveTitle the objective it belongs to
 * @param kr the key result
 * @param last its latest check-in in the quarter, or null when nobody checked in
 */
public record ScorecardLine(String objectiveTitle, KeyResult kr, CheckIn last) {}
