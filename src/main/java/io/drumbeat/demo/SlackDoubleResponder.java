package io.drumbeat.demo;

import io.drumbeat.demo.SlackDoubleCalls.Recorded;
import io.drumbeat.demo.SlackDoubleFaults.Answer;
import io.drumbeat.demo.SlackDoubleServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a {@link SlackDouble} answers one request: a scripted failure if one applies (no effect),
 * else the workspace's answer; either way the call is recorded, and answers carry the granted
 * scopes in {@code x-oauth-scopes} as Slack's do.
 */
final class SlackDoubleResponder implements SlackDoubleServer.Responder {
  private final Clock clock;
  private final SlackDoubleFaults faults;
  private final SlackDoubleCalls calls;
  private final SlackDoubleResponses responses;
  private final List<String> scopes;

  SlackDoubleResponder(
      Clock clock,
      SlackDoubleFaults faults,
      SlackDoubleCalls calls,
      SlackDoubleResponses responses,
      List<String> scopes) {
    this.clock = clock;
    this.faults = faults;
    this.calls = calls;
    this.responses = responses;
    this.scopes = scopes;
  }

  @Override
  public Reply respond(String method, String responseUrlId, Map<String, String> params) {
    SlackCall call = new SlackCall(method, params, clock.instant());
    Answer script = faults.scriptFor(method, params, call.receivedAt());
    Duration delay = faults.delayOf(method);
    if (script != null) {
      calls.add(new Recorded(responseUrlId, call, true));
      return new Reply(script.status(), script.headers(), script.body(), delay);
    }
    String body =
        (responseUrlId != null ? SlackDoubleResponses.ok() : responses.answer(method, params))
            .toString();
    calls.add(new Recorded(responseUrlId, call, false));
    Map<String, String> headers =
        scopes.isEmpty() ? Map.of() : Map.of("x-oauth-scopes", String.join(",", scopes));
    return new Reply(200, headers, body, delay);
  }
}
