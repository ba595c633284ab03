package io.drumbeat.demo;

import io.drumbeat.demo.SlackDoubleCalls.Recorded;
import io.drumbeat.demo.SlackDoubleFaults.Answer;
import io.drumbeat.demo.SlackDoubleServer.Reply;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How a {@link SlackDouble} answers each request its server reads: records it as a {@link
 * SlackCall}, then answers with a scripted failure if one applies (without effect), else from the
 * workspace, and holds the answer back by the scripted delay. Thread-safe.
 */
final class SlackDoubleAnswers {
  private final Clock clock;
  private final SlackDoubleFaults faults;
  private final SlackDoubleResponses responses;
  private final SlackDoubleFiles files;
  private final SlackDoubleCalls calls;
  private final List<String> scopes;

  /**
   * @param scopes the granted bot scopes, read on every answer (a thread-safe list)
   */
  SlackDoubleAnswers(
      Clock clock,
      SlackDoubleFaults faults,
      SlackDoubleResponses responses,
      SlackDoubleFiles files,
      SlackDoubleCalls calls,
      List<String> scopes) {
    this.clock = clock;
    this.faults = faults;
    this.responses = responses;
    this.files = files;
    this.calls = calls;
    this.scopes = scopes;
  }

  /** A Web API method, or a POST to a response_url ({@code responseUrlId} not null). */
  Reply respond(String method, String responseUrlId, Map<String, String> params) {
    return answer(
        method,
        responseUrlId,
        params,
        () -> {
          String body =
              (responseUrlId != null ? SlackDoubleResponses.ok() : responses.answer(method, params))
                  .toString();
          Map<String, String> headers =
              scopes.isEmpty() ? Map.of() : Map.of("x-oauth-scopes", String.join(",", scopes));
          return new Answer(200, headers, body);
        });
  }

  /** A POST of file bytes to an upload URL, recorded as {@value SlackDouble#FILE_UPLOAD}. */
  Reply receiveUpload(String fileId, String contentType, byte[] body) {
    byte[] content = SlackDoubleMultipart.content(contentType, body).orElse(new byte[0]);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("file_id", fileId);
    params.put("bytes", Integer.toString(content.length));
    params.put("content_type", String.valueOf(contentType));
    return answer(SlackDouble.FILE_UPLOAD, null, params, () -> files.receive(fileId, content));
  }

  /**
   * Answers by a script if one applies, else by {@code workspace} (which takes effect first), and
   * records the call after either.
   */
  private Reply answer(
      String method, String responseUrlId, Map<String, String> params, Supplier<Answer> workspace) {
    SlackCall call = new SlackCall(method, params, clock.instant());
    Answer script = faults.scriptFor(method, params, call.receivedAt());
    Answer answer = script != null ? script : workspace.get();
    calls.add(new Recorded(responseUrlId, call, script != null));
    return new Reply(answer.status(), answer.headers(), answer.body(), faults.delayOf(method));
  }
}
