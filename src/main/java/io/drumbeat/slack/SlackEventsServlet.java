package io.drumbeat.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: reads the raw body (at most {@link HttpServer#MAX_BODY_BYTES};
 * Jetty's {@code SizeLimitHandler} in front refuses larger ones with 413 before they are read),
 * answers Slack's {@code ssl_check}, verifies the signature on those exact bytes, and only then
 * lets Bolt parse them and run the listeners.
 *
 * <p>Answers: 401 {@code {"error":"invalid signature"}} for a missing or bad signature (counted by
 * {@link RefusalLog}, body never logged); 400 {@code {"error":"malformed request"}} with one log
 * line for a signed body that is not UTF-8 or that Bolt cannot parse; 413 for a body over the
 * limit; otherwise Bolt's response. Bolt's own signature check still runs on the same text: it gets
 * the body exactly as received (not Bolt's line-by-line re-reading, which drops a trailing newline
 * and so refused correctly signed bodies ending in one).
 */
final class SlackEventsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SlackEventsServlet.class);
  private final transient App app;
  private final transient SlackRequestParser parser;
  private final transient SignatureVerifier signatures;
  private final transient RefusalLog refusals;
  private final transient RequestGate gate;

  /**
   * @param app the Bolt app with every listener registered
   * @param signatures the verifier with the app's signing secret
   * @param refusals where refused requests are counted
   * @param gate bounds the requests handled at once
   */
  SlackEventsServlet(App app, SignatureVerifier signatures, RefusalLog refusals, RequestGate gate) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.signatures = signatures;
    this.refusals = refusals;
    this.gate = gate;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    byte[] body = req.getInputStream().readNBytes(HttpServer.MAX_BODY_BYTES + 1);
    if (body.length > HttpServer.MAX_BODY_BYTES) { // only if SizeLimitHandler were removed
      json(resp, 413, "{\"error\":\"request body too large\"}");
    } else if (SslCheck.matches(body)) {
      resp.setStatus(200);
    } else if (!signatures.isValid(
        req.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
        req.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE),
        body)) {
      refusals.refused();
      json(resp, 401, "{\"error\":\"invalid signature\"}");
    } else {
      handleSigned(req, resp, body);
    }
  }

  private void handleSigned(HttpServletRequest req, HttpServletResponse resp, byte[] body)
      throws IOException {
    Request<?> slackRequest;
    try {
      slackRequest = parse(req, utf8(body));
    } catch (CharacterCodingException | RuntimeException e) {
      LOG.warn(
          "Refused a signed request to {} that cannot be parsed ({})",
          HttpServer.EVENTS_PATH,
          e.getClass().getSimpleName());
      json(resp, 400, "{\"error\":\"malformed request\"}");
      return;
    }
    if (slackRequest == null) {
      return; // a signed request of a kind Bolt does not know (Bolt logged it): 200, as before
    }
    if (!gate.tryEnter()) {
      busy(resp, slackRequest.getRequestType() == RequestType.Command);
      return;
    }
    try {
      ServletAdapterOps.writeResponse(resp, app.run(slackRequest));
    } catch (Exception e) {
      LOG.error("Failed to handle a request from Slack: {}", e.getMessage(), e);
      json(resp, 500, "{\"error\":\"Something is wrong\"}");
    } finally {
      gate.leave();
    }
  }

  private static void busy(HttpServletResponse resp, boolean command) throws IOException {
    LOG.warn("Busy: refused a request from Slack over the limit of requests handled at once");
    if (command) {
      json(resp, 200, "{\"response_type\":\"ephemeral\",\"text\":\"" + RequestGate.BUSY + "\"}");
    } else {
      resp.setHeader("Retry-After", "60");
      json(resp, 503, "{\"error\":\"busy\"}");
    }
  }

  private Request<?> parse(HttpServletRequest req, String body) {
    return parser.parse(
        SlackRequestParser.HttpRequest.builder()
            .requestUri(req.getRequestURI())
            .queryString(QueryStringParser.toMap(req.getQueryString()))
            .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(req)))
            .requestBody(body)
            .remoteAddress(req.getRemoteAddr())
            .build());
  }

  private static String utf8(byte[] body) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(body))
        .toString();
  }

  private static void json(HttpServletResponse resp, int status, String body) throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.getWriter().write(body);
  }
}
