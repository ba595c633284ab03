package io.drumbeat.retro;

/**
 * How many votes an item got.
 *
 * @param itemId the item
 * @param votes the number of voters who chose it
 */
public record VoteCount(long itemId, int votes) {}
