package io.drumbeat.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP plumbing of a {@link SlackDouble}: writes JSON responses and turns an incoming request into
 * the flat parameter map a {@link SlackCall} records. Handles the encodings the Slack SDK uses:
 * {@code application/x-www-form-urlencoded} bodies (every Web API method), JSON bodies
 * (response_url and webhooks) and query strings. Multipart bodies (file uploads) contribute no
 * parameters.
 */
final class SlackDoubleHttp {

  private static final String BEARER = "Bearer ";
  private static final String JSON = "application/json; charset=utf-8";

  private SlackDoubleHttp() {}

  /**
   * Reads the whole request and returns its parameters in arrival order: query string first, then
   * body fields (later duplicates win), then {@code token} from {@code Authorization: Bearer …} if
   * no {@code token} field was sent.
   *
   * @throws IOException if the body cannot be read or a JSON body is malformed
   */
  static Map<String, String> params(HttpExchange exchange) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      parseForm(query, params);
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (body.length > 0 && type.startsWith("application/json")) {
      parseJson(body, params);
    } else if (body.length > 0 && !type.startsWith("multipart/")) {
      parseForm(new String(body, StandardCharsets.UTF_8), params);
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (!params.containsKey("token") && auth != null && auth.startsWith(BEARER)) {
      params.put("token", auth.substring(BEARER.length()).trim());
    }
    return params;
  }

  private static void parseJson(byte[] body, Map<String, String> into) throws IOException {
    JsonNode root = SlackDoubleResponses.MAPPER.readTree(body);
    if (root == null || !root.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      JsonNode value = field.getValue();
      into.put(field.getKey(), value.isTextual() ? value.textValue() : value.toString());
    }
  }

  private static void parseForm(String encoded, Map<String, String> into) {
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      into.put(decode(name), decode(value));
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /**
   * Sends {@code status} with a JSON content type (unless {@code headers} overrides it) and {@code
   * body} as UTF-8; an empty body is sent with no content at all.
   */
  static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", JSON);
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
