package io.drumbeat.slack;

import com.slack.api.model.Conversation;
import io.drumbeat.config.ChannelRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The background half of {@link ChannelDirectory}: checks each configured channel with Slack and
 * caches what it learns, so the next start knows every name at once.
 */
final class ChannelCheck {
  private final SlackGateway slack;
  private final SlackChannelRepository cache;
  private final Clock clock;

  ChannelCheck(SlackGateway slack, SlackChannelRepository cache, Clock clock) {
    this.slack = slack;
    this.cache = cache;
    this.clock = clock;
  }

  /** Fills {@code ids} (key path → id) and {@code problems} (key path → sentence). */
  void run(List<ChannelRef> refs, Map<String, String> ids, Map<String, String> problems) {
    List<ChannelRef> byName = new ArrayList<>();
    for (ChannelRef ref : refs) {
      String id = ref.isId() ? ref.value() : ids.get(ref.keyPath());
      Optional<Conversation> found = id == null ? Optional.empty() : slack.channel(id);
      if (found.isPresent() && (ref.isId() || ref.name().equals(found.get().getName()))) {
        remember(found.get());
        ids.put(ref.keyPath(), found.get().getId());
      } else if (ref.isId()) {
        problems.put(ref.keyPath(), notFound(ref));
      } else {
        byName.add(ref);
      }
    }
    if (byName.isEmpty()) {
      return;
    }
    List<Conversation> all = slack.channels();
    all.forEach(this::remember);
    for (ChannelRef ref : byName) {
      all.stream()
          .filter(c -> ref.name().equals(c.getName()))
          .findFirst()
          .ifPresentOrElse(
              c -> ids.put(ref.keyPath(), c.getId()),
              () -> {
                ids.remove(ref.keyPath());
                problems.put(ref.keyPath(), notFound(ref));
              });
    }
  }

  private void remember(Conversation c) {
    cache.save(new SlackChannel(c.getId(), c.getName(), c.isPrivate(), clock.instant()));
  }

  /** The sentence for a channel that does not exist or the app cannot see. */
  static String notFound(ChannelRef ref) {
    return ref.keyPath()
        + ": channel \""
        + ref.value()
        + "\" was not found in Slack (check the name; for a private channel, invite the app first)";
  }
}
