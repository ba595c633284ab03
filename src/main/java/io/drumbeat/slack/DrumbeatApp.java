package io.drumbeat.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.util.EventsApiPayloadParser;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.event.Event;
import io.drumbeat.DrumbeatException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Drumbeat's one Bolt app, shared by {@code POST /slack/events} and Socket Mode. It is Bolt's
 * {@link App} that also remembers which Events API events have a listener ({@link #events()}), so
 * that the manifests can be checked to subscribe to exactly those. Features register events as they
 * register everything else: {@code app.event(AppHomeOpenedEvent.class, handler)}.
 */
public final class DrumbeatApp extends App {
  private final Set<String> events = new ConcurrentSkipListSet<>();

  private DrumbeatApp(AppConfig config) {
    super(config);
  }

  /**
   * Builds the app for one workspace; Bolt checks the bot token with {@code auth.test}.
   *
   * @param slack the SDK entry point (its config carries the Web API URL and timeouts)
   * @param botToken {@code xoxb-…}
   * @param signingSecret verifies HTTP requests; null for Socket Mode only (Bolt skips the check
   *     for Socket Mode requests)
   * @throws DrumbeatException when Slack rejects the bot token
   */
  public static DrumbeatApp create(Slack slack, String botToken, String signingSecret) {
    AppConfig config =
        AppConfig.builder()
            .signingSecret(signingSecret)
            .singleTeamBotToken(botToken)
            .slack(slack)
            .build();
    try {
      return new DrumbeatApp(config);
    } catch (IllegalArgumentException e) {
      Throwable cause = e.getCause() instanceof SlackApiException s ? s : e;
      throw new DrumbeatException(
          "Slack rejected SLACK_BOT_TOKEN (auth.test failed: " + cause.getMessage() + ")", e);
    }
  }

  @Override
  protected <E extends Event> App event(
      Class<E> eventClass, boolean allowMultipleEventHandlers, BoltEventHandler<E> handler) {
    String type = EventsApiPayloadParser.getEventTypeAndSubtype(eventClass);
    if (type != null) {
      events.add(type);
    }
    return super.event(eventClass, allowMultipleEventHandlers, handler);
  }

  /** The Events API event types with a listener, e.g. {@code user_change}, sorted. */
  public Set<String> events() {
    return new TreeSet<>(events);
  }
}
