package io.drumbeat.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request received by a {@link SlackDouble}.
 *
 * @param method the Web API method name (e.g. {@code "chat.postMessage"}), or {@code
 *     "response_url"} for a POST to a {@link SlackDouble#responseUrl(String)}
 * @param params every request parameter as a string, in arrival order: URL-decoded form fields and
 *     query parameters, or the top-level fields of a JSON body (strings as-is, other values as JSON
 *     text); the bearer token appears as {@code "token"} unless the body carried one. Unmodifiable.
 * @param receivedAt when the request arrived, read from the double's clock
 */
public record SlackCall(String method, Map<String, String> params, Instant receivedAt) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Creates a call record, copying {@code params} into an unmodifiable, order-preserving map.
   *
   * @throws NullPointerException if any argument is null
   */
  public SlackCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(receivedAt, "receivedAt");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(params)));
  }

  /**
   * Returns one parameter's raw string value.
   *
   * @param name the parameter name, e.g. {@code "channel"}
   * @return the value, or {@code null} when the request did not carry that parameter
   */
  public String param(String name) {
    return params.get(name);
  }

  /**
   * Parses a JSON-valued parameter such as {@code "blocks"}, {@code "view"} or {@code
   * "attachments"}.
   *
   * @param name the parameter name
   * @return the parsed tree, or {@link MissingNode} when the parameter is absent
   * @throws IllegalArgumentException if the parameter is present but is not valid JSON
   */
  public JsonNode json(String name) {
    String raw = params.get(name);
    if (raw == null) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "parameter " + name + " of " + method + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
