package io.drumbeat.retro;

/**
 * A retro with the counts its announcement shows (never which item got which votes).
 *
 * @param retro the retro
 * @param items how many items it has
 * @param voters how many people voted
 * @param actions how many action items were agreed
 */
record RetroState(Retro retro, int items, int voters, int actions) {}
