package io.drumbeat.okr;

import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.delivery.Followups;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The buttons of {@code /okr-update history}: Newer / Older redraw the ephemeral page through its
 * {@code response_url}; Chart shares the KR's sparkline into the reader's DM. Both check the reader
 * again ({@link CheckInHistory}) and run no Slack call before the ack.
 */
final class HistoryListeners {
  private final CheckInHistory history;
  private final Followups followups;

  /**
   * @param history reads the pages and records the charts
   * @param followups the ephemeral answers after the ack
   */
  HistoryListeners(CheckInHistory history, Followups followups) {
    this.history = history;
    this.followups = followups;
  }

  /** Registers both buttons on {@code app}. */
  void register(App app) {
    app.blockAction(
        Pattern.compile(Pattern.quote(HistoryPages.PAGE) + "(-older)?"),
        (req, ctx) -> {
          var p = req.getPayload();
          CheckInHistory.Reply reply =
              history.click(p.getUser().getId(), p.getActions().get(0).getValue());
          followups.replace(p.getResponseUrl(), reply.text(), blocksOf(reply));
          return ctx.ack();
        });
    app.blockAction(
        HistoryPages.CHART,
        (req, ctx) -> {
          var p = req.getPayload();
          var action = p.getActions().get(0);
          CheckInHistory.Reply reply =
              history.chart(p.getUser().getId(), action.getValue(), action.getActionTs());
          followups.tell(p.getResponseUrl(), reply.text());
          return ctx.ack();
        });
  }

  /** The reply's blocks, or its text as one section when it has none. */
  static List<LayoutBlock> blocksOf(CheckInHistory.Reply r) {
    return r.blocks().isEmpty()
        ? List.of(
            com.slack.api.model.block.Blocks.section(
                s ->
                    s.text(
                        com.slack.api.model.block.composition.BlockCompositions.markdownText(
                            r.text()))))
        : r.blocks();
  }
}
