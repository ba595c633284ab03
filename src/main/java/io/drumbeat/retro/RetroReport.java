package io.drumbeat.retro;

import io.drumbeat.okr.ScorecardLine;
import java.util.List;

/**
 * Everything a retro's notes show.
 *
 * @param retro the retro
 * @param scorecard its quarter's KR scorecard; empty without {@code --okrs}
 * @param items every item in the retro's fixed random order (authors only for a named retro)
 * @param ranked items ranked by votes, then that order; empty when voting never opened
 * @param voters how many people voted
 * @param actions the action items agreed in this retro
 * @param carriedOver open action items of earlier retros in the same channel
 */
public record RetroReport(
    Retro retro,
    List<ScorecardLine> scorecard,
    List<RetroItem> items,
    List<RankedTopic> ranked,
    int voters,
    List<ActionItem> actions,
    List<ActionItem> carriedOver) {}
