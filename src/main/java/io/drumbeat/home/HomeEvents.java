package io.drumbeat.home;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.drumbeat.HomeRefresh;
import io.drumbeat.slack.Replays;

/**
 * Events API {@code app_home_opened} (no scope; subscribed in both manifests): when a person opens
 * Drumbeat's Home tab, a drawing of it is recorded in the outbox in the transaction that marks the
 * event's {@code event_id} handled, so a redelivered event draws nothing twice, on any instance.
 * The Home is drawn from the database and published ({@code views.publish}) by the outbox after the
 * ack; no Slack call runs before the ack. Opening the Messages or About tab draws nothing.
 */
final class HomeEvents {
  private final HomeRefresh refresh;
  private final Replays replays;

  /**
   * @param refresh records a redraw of a person's Home
   * @param replays the {@code event_id} ledger
   */
  HomeEvents(HomeRefresh refresh, Replays replays) {
    this.refresh = refresh;
    this.replays = replays;
  }

  /** Registers the listener on {@code app}. */
  void register(App app) {
    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          AppHomeOpenedEvent event = payload.getEvent();
          String tab = event.getTab();
          if (event.getUser() != null && (tab == null || tab.equals("home"))) {
            replays.once(payload.getEventId(), h -> refresh.redraw(h, event.getUser()));
          }
          return ctx.ack();
        });
  }
}
