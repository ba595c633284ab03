package io.drumbeat.retro;

/**
 * An item with its vote total, as ranked when voting closes (most votes first, then the retro's
 * fixed random order).
 *
 * @param item the item
 * @param votes how many people voted for it
 */
public record RankedTopic(RetroItem item, int votes) {}
