package io.drumbeat.slack;

import com.slack.api.model.Conversation;
import io.drumbeat.config.ChannelRef;
import io.drumbeat.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the channels named in {@code drumbeat.yml} ({@code #name} or an id) to channel ids with
 * {@code conversations.list}, so an unknown channel is a config error naming its key instead of a
 * reminder silently lost on Friday.
 */
public final class ChannelDirectory {
  private final Map<String, String> idsByKeyPath;

  private ChannelDirectory(Map<String, String> idsByKeyPath) {
    this.idsByKeyPath = Map.copyOf(idsByKeyPath);
  }

  /**
   * Looks every reference up in Slack.
   *
   * @param source the config file's name, for messages
   * @throws ConfigException listing every channel that does not exist or the app cannot see
   * @throws SlackCallException when Slack cannot be asked
   */
  public static ChannelDirectory resolve(SlackGateway slack, List<ChannelRef> refs, String source) {
    if (refs.isEmpty()) {
      return new ChannelDirectory(Map.of());
    }
    List<Conversation> channels = slack.channels();
    Map<String, String> ids = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (ChannelRef ref : refs) {
      channels.stream()
          .filter(c -> ref.isId() ? c.getId().equals(ref.value()) : ref.name().equals(c.getName()))
          .findFirst()
          .ifPresentOrElse(
              c -> ids.put(ref.keyPath(), c.getId()),
              () ->
                  problems.add(
                      ref.keyPath()
                          + ": channel \""
                          + ref.value()
                          + "\" was not found in"
                          + " Slack (check the name; for a private channel, invite the app first)"));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(source, problems);
    }
    return new ChannelDirectory(ids);
  }

  /** A directory with known ids, e.g. for tests: key path → channel id. */
  public static ChannelDirectory of(Map<String, String> idsByKeyPath) {
    return new ChannelDirectory(idsByKeyPath);
  }

  /**
   * The channel id for a reference from the config.
   *
   * @throws IllegalStateException when the reference was not resolved (a bug)
   */
  public String id(ChannelRef ref) {
    String id = idsByKeyPath.get(ref.keyPath());
    if (id == null) {
      throw new IllegalStateException("Channel " + ref.keyPath() + " was not resolved");
    }
    return id;
  }
}
