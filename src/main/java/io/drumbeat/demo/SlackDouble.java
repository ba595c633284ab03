package io.drumbeat.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Slack Web API served over HTTP on 127.0.0.1 (ephemeral port), for the {@code demo} command
 * and end-to-end tests. Point the Slack SDK at it with {@code
 * SlackConfig.setMethodsEndpointUrlPrefix(double.apiUrl())}.
 *
 * <p>Every request to {@code /api/<method>} and every POST to {@link #responseUrl(String)} is
 * recorded as a {@link SlackCall}, then answered with a realistic JSON body from a small in-memory
 * workspace (see {@link #addUser}, {@link #addChannel}, {@link #addMember}) or with a failure
 * scripted by {@link #failNext} / {@link #failNextWithError} / {@link #failEvery}. Other paths
 * answer 404 {@code {"ok":false,"error":"unknown_method"}}; a request that cannot be read (e.g. a
 * malformed JSON body) answers 400 {@code invalid_arguments} and is not recorded. All methods are
 * thread-safe; requests are served concurrently by 8 daemon threads.
 */
public final class SlackDouble implements AutoCloseable {

  /** Pseudo method name under which POSTs to a {@link #responseUrl(String)} are recorded. */
  public static final String RESPONSE_URL = "response_url";

  private static final int THREADS = 8;
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private record Scripted(int status, Map<String, String> headers, String body) {}

  private final List<String> scopes = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Grants the app these bot scopes: every answer then carries them in the {@code x-oauth-scopes}
   * header, as Slack's do (e.g. "chat:write.customize" lets Drumbeat post as a member).
   */
  public void grantScopes(String... granted) {
    scopes.clear();
    scopes.addAll(List.of(granted));
  }

  private record Recorded(String responseUrlId, SlackCall call, boolean scripted) {}

  private record Every(int every, Scripted script, AtomicInteger seen) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final Clock clock;
  private final SlackDoubleWorkspace workspace = new SlackDoubleWorkspace();
  private final SlackDoubleResponses responses;
  private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
  private final Map<String, Queue<Scripted>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Every> periodic = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private SlackDouble(HttpServer server, ExecutorService executor, Clock clock) {
    this.server = server;
    this.executor = executor;
    this.clock = clock;
    this.responses = new SlackDoubleResponses(workspace, clock);
  }

  /**
   * Starts a double on 127.0.0.1 at an ephemeral port, stamping calls with the system UTC clock.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static SlackDouble start() {
    return start(Clock.systemUTC());
  }

  /**
   * Starts a double whose {@link SlackCall#receivedAt()} and users' {@code tz_offset} come from
   * {@code clock}.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static SlackDouble start(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    // The JDK server writes a response's headers and body separately; without TCP_NODELAY, Nagle's
    // algorithm and the client's delayed ACK add about 40 ms to every call. Read once per JVM, when
    // its first com.sun.net.httpserver server starts (in Drumbeat, only this double uses one).
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the Slack double", e);
    }
    int instance = INSTANCES.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t =
                  new Thread(r, "slack-double-" + instance + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    SlackDouble slackDouble = new SlackDouble(server, executor, clock);
    server.createContext("/", slackDouble::handle);
    server.setExecutor(executor);
    server.start();
    return slackDouble;
  }

  /** The bound TCP port (1–65535). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code "http://127.0.0.1:<port>/"}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** {@code "http://127.0.0.1:<port>/api/"}, the value for {@code setMethodsEndpointUrlPrefix}. */
  public String apiUrl() {
    return baseUrl() + "api/";
  }

  /**
   * A response_url for interaction {@code id}: {@code baseUrl() + "respond/" + id}. JSON POSTs to
   * it are recorded under method {@value #RESPONSE_URL} and answered {@code {"ok":true}}.
   */
  public String responseUrl(String id) {
    return baseUrl() + "respond/" + id;
  }

  /**
   * Adds (or replaces) a workspace user for {@code users.info}, {@code users.list}, {@code
   * conversations.open} and DMs.
   *
   * @param tz an IANA zone id such as {@code "America/Los_Angeles"}
   * @throws java.time.DateTimeException if {@code tz} is not a valid zone id
   */
  public void addUser(String userId, String realName, String tz) {
    workspace.addUser(userId, realName, tz);
  }

  /**
   * Adds (or replaces) a channel. Private channels are listed, and accept messages, only when
   * {@code botIsMember}; public ones accept messages either way ({@code chat:write.public}).
   */
  public void addChannel(String channelId, String name, boolean isPrivate, boolean botIsMember) {
    workspace.addChannel(channelId, name, isPrivate, botIsMember);
  }

  /**
   * Adds {@code userId} to the members {@code conversations.members} lists for {@code channelId}.
   *
   * @throws IllegalArgumentException if the channel was never added
   */
  public void addMember(String channelId, String userId) {
    workspace.addMember(channelId, userId);
  }

  /** Every recorded call in arrival order, as an immutable copy. */
  public List<SlackCall> calls() {
    return recorded.stream().map(Recorded::call).toList();
  }

  /** The recorded calls of one method (e.g. {@code "chat.postMessage"}) in arrival order. */
  public List<SlackCall> calls(String method) {
    return calls().stream().filter(c -> c.method().equals(method)).toList();
  }

  /** The calls recorded for {@link #responseUrl(String) responseUrl(id)}, in arrival order. */
  public List<SlackCall> responseUrlCalls(String id) {
    return recorded.stream().filter(r -> id.equals(r.responseUrlId())).map(Recorded::call).toList();
  }

  /**
   * The recorded calls of {@code method} that were answered by a script ({@link #failNext}, {@link
   * #failEvery}) instead of the workspace, in arrival order: e.g. the posts Slack did not deliver.
   */
  public List<SlackCall> scriptedCalls(String method) {
    return recorded.stream()
        .filter(r -> r.scripted() && r.call().method().equals(method))
        .map(Recorded::call)
        .toList();
  }

  /** Forgets recorded calls and unused scripted failures; users, channels and ids stay. */
  public void clear() {
    recorded.clear();
    scripted.clear();
    periodic.clear();
  }

  /**
   * Scripts the raw response of the next call of {@code method} (or {@value #RESPONSE_URL}).
   * Scripts queue up per method and each is used once; the call is still recorded.
   *
   * @param httpStatus e.g. 429 or 500
   * @param headers extra response headers, e.g. {@code Map.of("Retry-After", "1")} (seconds)
   * @param body the raw body; {@code ""} sends none
   */
  public void failNext(String method, int httpStatus, Map<String, String> headers, String body) {
    Scripted script = new Scripted(httpStatus, Map.copyOf(headers), Objects.requireNonNull(body));
    scripted.computeIfAbsent(method, k -> new ConcurrentLinkedQueue<>()).add(script);
  }

  /**
   * Scripts every {@code every}-th call of {@code method} from now on (the {@code every}-th, the
   * {@code 2·every}-th, …) to answer like {@link #failNext}, until {@link #clear()} or the next
   * {@code failEvery} of that method. Calls answered by a {@link #failNext} script do not count.
   *
   * @param every 1 or more
   */
  public void failEvery(
      String method, int every, int httpStatus, Map<String, String> headers, String body) {
    if (every < 1) {
      throw new IllegalArgumentException("every must be 1 or more: " + every);
    }
    Scripted script = new Scripted(httpStatus, Map.copyOf(headers), Objects.requireNonNull(body));
    periodic.put(method, new Every(every, script, new AtomicInteger()));
  }

  /** Scripts the next call of {@code method} to answer 200 {@code {"ok":false,"error":error}}. */
  public void failNextWithError(String method, String error) {
    failNext(method, 200, Map.of(), SlackDoubleResponses.error(error).toString());
  }

  /** Stops serving at once (open exchanges are dropped) and shuts the threads down; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      if (path.startsWith("/api/") && path.length() > "/api/".length()) {
        String method = path.substring("/api/".length());
        answer(exchange, method, null);
      } else if (path.startsWith("/respond/") && "POST".equals(exchange.getRequestMethod())) {
        answer(exchange, RESPONSE_URL, path.substring("/respond/".length()));
      } else {
        SlackDoubleHttp.send(
            exchange, 404, Map.of(), SlackDoubleResponses.error("unknown_method").toString());
      }
    } catch (IOException | RuntimeException e) {
      ObjectNode body = SlackDoubleResponses.error("invalid_arguments").put("detail", e.toString());
      SlackDoubleHttp.send(exchange, 400, Map.of(), body.toString());
    } finally {
      exchange.close();
    }
  }

  private void answer(HttpExchange exchange, String method, String responseUrlId)
      throws IOException {
    Map<String, String> params = SlackDoubleHttp.params(exchange);
    SlackCall call = new SlackCall(method, params, clock.instant());
    Queue<Scripted> queue = scripted.get(method);
    Scripted script = queue == null ? null : queue.poll();
    Every every = script == null ? periodic.get(method) : null;
    if (every != null && every.seen().incrementAndGet() % every.every() == 0) {
      script = every.script();
    }
    recorded.add(new Recorded(responseUrlId, call, script != null));
    if (script != null) {
      SlackDoubleHttp.send(exchange, script.status(), script.headers(), script.body());
      return;
    }
    ObjectNode body =
        responseUrlId != null ? SlackDoubleResponses.ok() : responses.answer(method, params);
    Map<String, String> headers =
        scopes.isEmpty() ? Map.of() : Map.of("x-oauth-scopes", String.join(",", scopes));
    SlackDoubleHttp.send(exchange, 200, headers, body.toString());
  }
}
