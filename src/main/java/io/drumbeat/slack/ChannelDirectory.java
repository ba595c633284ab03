package io.drumbeat.slack;

import com.slack.api.model.Conversation;
import io.drumbeat.DrumbeatException;
import io.drumbeat.config.ChannelRef;
import io.drumbeat.config.ConfigException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the channels named in {@code drumbeat.yml} ({@code #name} or an id) to channel ids. A
 * channel given by id, or by a name already looked up (table {@code slack_channel}), answers at
 * once; everything is (re)checked in the background: ids with {@code conversations.info}, unknown
 * names with one paged {@code conversations.list}. So start-up does not depend on the workspace's
 * size, and an unknown channel is still reported naming its key.
 */
public final class ChannelDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelDirectory.class);
  private final Map<String, String> ids = new ConcurrentHashMap<>();
  private final Map<String, String> problems = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> checked = new CompletableFuture<>();
  private final Consumer<String> onProblem;

  private ChannelDirectory(Map<String, String> known, Consumer<String> onProblem) {
    this.ids.putAll(known);
    this.onProblem = onProblem;
  }

  /** A directory with known ids, e.g. for tests: key path → channel id. */
  public static ChannelDirectory of(Map<String, String> idsByKeyPath) {
    ChannelDirectory directory = new ChannelDirectory(idsByKeyPath, p -> {});
    directory.checked.complete(null);
    return directory;
  }

  /**
   * Starts resolving {@code refs}: ids and cached names are usable at once, the rest once the
   * background check (on a thread of its own) has found them.
   *
   * @param onProblem told each problem found after {@link #await} gave up waiting (e.g. the admins)
   */
  public static ChannelDirectory lookUp(
      SlackGateway slack,
      SlackChannelRepository cache,
      Clock clock,
      List<ChannelRef> refs,
      Consumer<String> onProblem) {
    Map<String, String> known = new LinkedHashMap<>();
    for (ChannelRef ref : refs) {
      if (ref.isId()) {
        known.put(ref.keyPath(), ref.value());
      } else {
        cache.named(ref.name()).ifPresent(c -> known.put(ref.keyPath(), c.channelId()));
      }
    }
    ChannelDirectory directory = new ChannelDirectory(known, onProblem);
    Thread thread =
        new Thread(
            () -> {
              try {
                new ChannelCheck(slack, cache, clock).run(refs, directory.ids, directory.problems);
                directory.checked.complete(null);
              } catch (RuntimeException e) {
                directory.checked.completeExceptionally(e);
              }
            },
            "drumbeat-channels");
    thread.setDaemon(true);
    thread.start();
    return directory;
  }

  /**
   * Waits up to {@code budget} for the background check.
   *
   * @return true when it finished in time (and found every channel)
   * @throws ConfigException listing every channel that does not exist or the app cannot see
   */
  public boolean await(Duration budget, String source) {
    try {
      checked.get(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.info("Still looking up channels in Slack; carrying on in the background");
      checked.thenRun(() -> problems.values().forEach(onProblem));
      return false;
    } catch (ExecutionException e) {
      LOG.warn("Could not look up channels in Slack: {}", e.getCause().getMessage());
      onProblem.accept(
          "I could not look up the channels in drumbeat.yml in Slack ("
              + Mrkdwn.escape(e.getCause().getMessage())
              + "). Channels given by id still work; restart me to try again.");
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(source, List.copyOf(problems.values()));
    }
    return true;
  }

  /**
   * Looks every reference up in Slack at once (for {@code check-config}).
   *
   * @param source the config file's name, for messages
   * @throws ConfigException listing every channel that does not exist or the app cannot see
   * @throws SlackCallException when Slack cannot be asked
   */
  public static ChannelDirectory resolve(SlackGateway slack, List<ChannelRef> refs, String source) {
    Map<String, String> ids = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    List<Conversation> channels = refs.isEmpty() ? List.of() : slack.channels();
    for (ChannelRef ref : refs) {
      channels.stream()
          .filter(c -> ref.isId() ? c.getId().equals(ref.value()) : ref.name().equals(c.getName()))
          .findFirst()
          .ifPresentOrElse(
              c -> ids.put(ref.keyPath(), c.getId()),
              () -> problems.add(ChannelCheck.notFound(ref)));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(source, problems);
    }
    return of(ids);
  }

  /** The channel id for a reference from the config, if it is known yet. */
  public Optional<String> find(ChannelRef ref) {
    return Optional.ofNullable(ids.get(ref.keyPath()));
  }

  /**
   * The channel id for a reference from the config.
   *
   * @throws DrumbeatException when the channel is still being looked up, or was not found
   */
  public String id(ChannelRef ref) {
    String id = ids.get(ref.keyPath());
    if (id != null) {
      return id;
    }
    String problem = problems.get(ref.keyPath());
    throw new DrumbeatException(
        problem != null
            ? problem
            : "Channel "
                + ref.value()
                + " ("
                + ref.keyPath()
                + ") is still being looked up in"
                + " Slack; try again in a minute.");
  }
}
