package io.drumbeat.okr;

/**
 * An objective of a quarter.
 *
 * @param quarter e.g. "FY2027-Q1"
 * @param objectiveKey short key from the OKR file, e.g. "O1"
 * @param title the objective's wording
 * @param position order in the file, from 0
 */
public record Objective(String quarter, String objectiveKey, String title, int position) {}
