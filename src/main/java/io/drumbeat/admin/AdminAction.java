package io.drumbeat.admin;

import java.util.function.Supplier;

/**
 * A job an admin can trigger with {@code /drumbeat WORDS}.
 *
 * @param words what follows {@code /drumbeat}, e.g. "digest now"
 * @param description one line for {@code /drumbeat help}
 * @param run does the work (after the ack) and returns a short mrkdwn report for the admin
 */
public record AdminAction(String words, String description, Supplier<String> run) {}
