package io.drumbeat.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fake Slack Web API served over HTTP on 127.0.0.1 (ephemeral port), with Socket Mode ({@link
 * #socketMode()}), for the {@code demo} command and end-to-end tests. Point the Slack SDK at it
 * with {@code SlackConfig.setMethodsEndpointUrlPrefix(double.apiUrl())}.
 *
 * <p>Every request to {@code /api/<method>}, every POST to {@link #responseUrl(String)} and every
 * file upload ({@value #FILE_UPLOAD}) is recorded as a {@link SlackCall}, then answered either with
 * a realistic body from a small in-memory workspace (users, channels, members, the messages posted:
 * {@link #messages}, and the files uploaded: {@link #uploadedFile}, {@link #sharedFiles}), or with
 * a failure scripted by {@link #failNext}, {@link #failNextWithError}, {@link #failEvery}, {@link
 * #failUntil} or {@link #rateLimitChannel}: a scripted answer has no effect. {@link #delayAnswers}
 * holds answers back. Other paths answer 404 {@code {"ok":false,"error":"unknown_method"}}; a
 * request that cannot be read (e.g. a malformed JSON body) answers 400 {@code invalid_arguments}
 * and is not recorded. {@code views.open} refuses a {@code trigger_id} from {@link SignedRequests}
 * that is over 3 s old or used. All methods are thread-safe; requests are served by 8 daemon
 * threads.
 */
public final class SlackDouble extends SlackDoubleScripts implements AutoCloseable {

  /** Pseudo method name under which POSTs to a {@link #responseUrl(String)} are recorded. */
  public static final String RESPONSE_URL = "response_url";

  /**
   * Pseudo method name under which POSTs of file bytes to an {@code upload_url} from {@code
   * files.getUploadURLExternal} are recorded, with parameters {@code file_id}, {@code bytes} (the
   * file's size) and {@code content_type}; scripts ({@link #failNext} …) apply to it too.
   */
  public static final String FILE_UPLOAD = "file_upload";

  private final SlackDoubleWorkspace workspace;
  private final SlackDoubleMessages messages = new SlackDoubleMessages();
  private final SlackDoubleFiles files;
  private final SlackDoubleCalls calls = new SlackDoubleCalls();
  private final List<String> scopes = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final SlackDoubleServer server;
  private final SlackDoubleSocket socket = new SlackDoubleSocket();

  private SlackDouble(Clock clock) {
    this.workspace = new SlackDoubleWorkspace(clock);
    this.files = new SlackDoubleFiles(workspace, messages, this::baseUrl);
    SlackDoubleAnswers answers =
        new SlackDoubleAnswers(
            clock,
            faults,
            new SlackDoubleResponses(workspace, messages, files, clock, socket::url),
            files,
            calls,
            scopes);
    // last: requests may arrive from here on, and the answers read the fields set above
    this.server = SlackDoubleServer.start(answers::respond, answers::receiveUpload);
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
   * Starts a double whose {@link SlackCall#receivedAt()}, message timestamps ({@code ts}), users'
   * {@code tz_offset} and {@link #failUntil} deadlines follow {@code clock} (it may be a settable
   * clock the test moves).
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static SlackDouble start(Clock clock) {
    return new SlackDouble(Objects.requireNonNull(clock, "clock"));
  }

  /** The bound TCP port (1–65535). */
  public int port() {
    return server.port();
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
   * Grants the app these bot scopes: every answer then carries them in the {@code x-oauth-scopes}
   * header, as Slack's do (e.g. "chat:write.customize" lets Drumbeat post as a member).
   */
  public void grantScopes(String... granted) {
    scopes.clear();
    scopes.addAll(List.of(granted));
  }

  /**
   * Adds (or replaces) a workspace member for {@code users.info}, {@code users.list} ({@code
   * is_bot: false}, {@code deleted: false}), {@code conversations.open} and DMs.
   *
   * @param tz an IANA zone id such as {@code "America/Los_Angeles"}
   * @throws java.time.DateTimeException if {@code tz} is not a valid zone id
   */
  public void addUser(String userId, String realName, String tz) {
    workspace.addUser(userId, realName, tz);
  }

  /**
   * Adds (or replaces) a bot user: listed by {@code users.list} and {@code users.info} with {@code
   * is_bot: true}, {@code real_name} = {@code name} and {@code tz} "America/Los_Angeles".
   */
  public void addBot(String userId, String name) {
    workspace.addBot(userId, name);
  }

  /**
   * Adds (or replaces) a channel. Private channels without the bot are invisible to it, as in
   * Slack: not listed, and {@code conversations.info} / {@code history} / {@code replies} answer
   * {@code channel_not_found}. Public ones accept messages either way ({@code chat:write.public})
   * but their history is readable only with the bot as a member (else {@code not_in_channel}).
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

  /**
   * The latest modal opened, updated or pushed, as Slack holds it: the view Drumbeat sent, with the
   * {@code id} and {@code hash} the double gave it (what a {@code view_submission} carries back).
   *
   * @throws IllegalStateException when no modal was opened
   */
  public JsonNode lastView() {
    return workspace.lastView().orElseThrow(() -> new IllegalStateException("no modal was opened"));
  }

  /** Every recorded call in arrival order, as an immutable copy. */
  public List<SlackCall> calls() {
    return calls.matching(r -> true);
  }

  /** The recorded calls of one method (e.g. {@code "chat.postMessage"}) in arrival order. */
  public List<SlackCall> calls(String method) {
    return calls.matching(r -> r.call().method().equals(method));
  }

  /** The calls recorded for {@link #responseUrl(String) responseUrl(id)}, in arrival order. */
  public List<SlackCall> responseUrlCalls(String id) {
    return calls.matching(r -> id.equals(r.responseUrlId()));
  }

  /**
   * The recorded calls of {@code method} that a script ({@link #failNext}, {@link #failEvery},
   * {@link #failUntil}, {@link #rateLimitChannel}) answered instead of the workspace, in arrival
   * order: e.g. the posts Slack did not deliver.
   */
  public List<SlackCall> scriptedCalls(String method) {
    return calls.matching(r -> r.scripted() && r.call().method().equals(method));
  }

  /**
   * Waits until at least {@code count} calls of {@code method} are recorded; a call is recorded
   * after its effect (e.g. a stored message), before its answer is sent.
   *
   * @param timeout the longest wait, in real time
   * @return true when they are, false when {@code timeout} passed first
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitCalls(String method, int count, Duration timeout)
      throws InterruptedException {
    return calls.await(method, count, timeout);
  }

  /**
   * Forgets recorded calls and every script and delay ({@link #failNext}, {@link #failEvery},
   * {@link #failUntil}, {@link #rateLimitChannel}, {@link #delayAnswers}); users, channels,
   * messages, scopes and ids stay.
   */
  public void clear() {
    calls.clear();
    faults.clear();
  }

  /**
   * The messages a conversation holds, top-level and thread replies, oldest first ({@code ts}
   * order). Posts answered by a script are not there; {@code chat.update} edits and {@code
   * chat.delete} removes.
   *
   * @param channelOrUserId a conversation id, or a user id meaning that user's DM
   */
  public List<StoredMessage> messages(String channelOrUserId) {
    return messages.all(SlackDoubleWorkspace.conversationOf(channelOrUserId));
  }

  /** How many messages {@link #messages(String)} would return. */
  public int messageCount(String channelOrUserId) {
    return messages(channelOrUserId).size();
  }

  /**
   * The replies in the thread of parent {@code threadTs} (not the parent), oldest first.
   *
   * @param channelOrUserId a conversation id, or a user id meaning that user's DM
   */
  public List<StoredMessage> replies(String channelOrUserId, String threadTs) {
    return messages.replies(SlackDoubleWorkspace.conversationOf(channelOrUserId), threadTs);
  }

  /**
   * A copy of the bytes uploaded to the {@code upload_url} of {@code fileId} (raw, or the file part
   * of a multipart body), shared or not; null when nothing was uploaded for that id.
   */
  public byte[] uploadedFile(String fileId) {
    return files.bytes(fileId).orElse(null);
  }

  /**
   * The files {@code files.completeUploadExternal} shared into a conversation, oldest first; each
   * also left a file message in {@link #messages(String)}, in its thread when shared with {@code
   * thread_ts}.
   *
   * @param channelOrUserId a conversation id, or a user id meaning that user's DM
   */
  public List<SharedFile> sharedFiles(String channelOrUserId) {
    return files.sharedInto(SlackDoubleWorkspace.conversationOf(channelOrUserId));
  }

  /**
   * The Socket Mode side, whose URLs {@code apps.connections.open} (an {@code xapp-} token) gives.
   */
  public SlackDoubleSocket socketMode() {
    return socket;
  }

  /** Stops serving at once (open exchanges are dropped) and shuts the threads down; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.close();
      socket.close();
    }
  }
}
