package io.drumbeat.socket;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the wanted number of Socket Mode connections open, whatever Slack does:
 *
 * <ul>
 *   <li>{@code disconnect} (Slack refreshes a connection about 10 s before closing it): a
 *       replacement is opened at once; the old connection keeps carrying and acking envelopes until
 *       the replacement says {@code hello} and its own envelopes are acked, then it is closed.
 *   <li>A dropped connection, or one that never says {@code hello}: reopened after a backoff.
 *   <li>{@code apps.connections.open} failing ({@code ok:false}, 5xx, no network): retried with
 *       backoff, doubling from {@link SocketModeSettings#firstRetry()} up to {@link
 *       SocketModeSettings#maxRetry()}, for as long as it takes. (The SDK's own Java-WebSocket
 *       client stops reconnecting for good after one {@code ok:false}.)
 * </ul>
 *
 * <p>All its state is changed on one thread of its own, so the links' callbacks never race.
 */
final class Supervisor implements Link.Events {
  private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

  /** Opens a connection URL with {@code apps.connections.open}. */
  interface Opener {
    /**
     * @return the WebSocket URL to connect to
     * @throws io.drumbeat.DrumbeatException saying why Slack gave none
     */
    URI open();
  }

  private final Opener opener;
  private final SocketModeSettings settings;
  private final SocketHealth health;
  private final ScheduledThreadPoolExecutor loop;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private EnvelopeRunner runner;
  private int failures;
  private int opened;
  private ScheduledFuture<?> retry;
  private boolean stopped;

  Supervisor(Opener opener, SocketModeSettings settings, SocketHealth health) {
    this.opener = opener;
    this.settings = settings;
    this.health = health;
    this.loop =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "drumbeat-socket-supervisor");
              t.setDaemon(true);
              return t;
            });
    loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Starts opening connections; envelopes go to {@code runner}. */
  void start(EnvelopeRunner runner) {
    this.runner = runner;
    loop.execute(this::reconcile);
  }

  /** The connections that are open now (for an ack whose own connection closed). */
  List<Link> links() {
    return List.copyOf(links);
  }

  private void reconcile() {
    if (stopped || retry != null) {
      return;
    }
    long live = links.stream().filter(l -> !l.draining()).count();
    for (long i = live; i < settings.connections(); i++) {
      if (!open()) {
        retryLater();
        return;
      }
    }
  }

  private boolean open() {
    URI url;
    try {
      url = opener.open();
    } catch (RuntimeException e) {
      failures++;
      LOG.warn(
          "Cannot open a Socket Mode connection ({}); trying again in {} ms",
          e.getMessage(),
          settings.retryAfter(failures).toMillis());
      return false;
    }
    Link link = new Link(url, ++opened, this);
    links.add(link);
    link.connect();
    loop.schedule(
        () -> {
          if (links.contains(link) && !link.greeted()) {
            LOG.warn("Socket Mode connection {} got no hello; closing it", link.number());
            link.close();
          }
        },
        settings.helloTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
    return true;
  }

  private void retryLater() {
    if (retry == null && !stopped) {
      retry =
          loop.schedule(
              () -> {
                retry = null;
                reconcile();
              },
              settings.retryAfter(failures).toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  /** Runs {@code change} on the supervisor's thread; nothing once it has stopped. */
  private void post(Runnable change) {
    try {
      loop.execute(change);
    } catch (RejectedExecutionException e) {
      LOG.debug("Socket Mode is stopping; ignored a late connection event");
    }
  }

  @Override
  public void hello(Link link) {
    post(
        () -> {
          if (!links.contains(link)) {
            return;
          }
          failures = 0;
          health.up();
          LOG.info("Socket Mode connection {} is up", link.number());
          if (!link.draining()) {
            links.stream().filter(Link::draining).forEach(Link::retire);
          }
        });
  }

  @Override
  public void disconnect(Link link, String reason) {
    post(
        () -> {
          if (!links.contains(link) || link.draining()) {
            return;
          }
          link.drain();
          LOG.info(
              "Slack will close Socket Mode connection {} ({}); opening a replacement first",
              link.number(),
              reason);
          reconcile();
        });
  }

  @Override
  public void envelope(Link link, String message, JsonNode envelope) {
    runner.submit(link, message, envelope);
  }

  @Override
  public void closed(Link link, int code, String reason) {
    post(
        () -> {
          if (!links.remove(link)) {
            return;
          }
          if (link.greeted()) {
            health.down();
          }
          if (stopped) {
            return;
          }
          if (link.draining()) {
            LOG.info("Socket Mode connection {} closed after its replacement", link.number());
            reconcile();
            return;
          }
          failures++;
          LOG.warn(
              "Socket Mode connection {} closed ({} {}); reconnecting in {} ms",
              link.number(),
              code,
              reason,
              settings.retryAfter(failures).toMillis());
          retryLater();
        });
  }

  /** Stops reconnecting and closes every connection, waiting up to {@code timeout}. */
  void close(Duration timeout) {
    loop.execute(
        () -> {
          stopped = true;
          if (retry != null) {
            retry.cancel(false);
          }
          links.forEach(Link::close);
        });
    loop.shutdown();
    try {
      if (!loop.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        loop.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
