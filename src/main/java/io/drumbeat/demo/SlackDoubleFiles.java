package io.drumbeat.demo;

import static io.drumbeat.demo.SlackDoubleResponses.MAPPER;
import static io.drumbeat.demo.SlackDoubleResponses.error;
import static io.drumbeat.demo.SlackDoubleResponses.ok;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.demo.SlackDoubleFaults.Answer;
import io.drumbeat.demo.SlackDoubleWorkspace.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Slack's external file upload as a {@link SlackDouble} plays it
 * (docs.slack.dev/reference/methods/files.getUploadURLExternal, files.completeUploadExternal): a
 * file id and an upload URL on the double, the bytes POSTed there, then the share into a
 * conversation, which stores a file message. All methods are thread-safe.
 */
final class SlackDoubleFiles {
  /** Slack's limit on {@code alt_txt}, in characters. */
  private static final int MAX_ALT_TEXT = 1000;

  /** A file id handed out; {@code bytes} is null until its upload arrived. */
  private record Pending(String filename, int length, byte[] bytes) {}

  private final SlackDoubleWorkspace workspace;
  private final SlackDoubleMessages messages;
  private final Supplier<String> baseUrl;
  private final Map<String, Pending> files = new HashMap<>();
  private final List<SharedFile> shared = new ArrayList<>();
  private int lastId;

  /**
   * @param baseUrl the double's {@code http://127.0.0.1:<port>/}, read when an upload URL is made
   */
  SlackDoubleFiles(
      SlackDoubleWorkspace workspace, SlackDoubleMessages messages, Supplier<String> baseUrl) {
    this.workspace = workspace;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  /**
   * {@code files.getUploadURLExternal}: a new file id {@code F0DEMO<n>} and the upload URL {@code
   * <baseUrl>upload/<file_id>}. A missing {@code filename}, or a {@code length} that is not a
   * positive whole number, answers {@code invalid_arguments}; an {@code alt_txt} over 1000
   * characters answers {@code alt_txt_too_large}.
   */
  synchronized ObjectNode uploadUrl(Map<String, String> p) {
    String filename = p.get("filename");
    int length;
    try {
      length = Integer.parseInt(p.getOrDefault("length", "").trim());
    } catch (NumberFormatException e) {
      length = 0;
    }
    if (filename == null || filename.isBlank() || length < 1) {
      return error("invalid_arguments");
    }
    if (p.getOrDefault("alt_txt", "").length() > MAX_ALT_TEXT) {
      return error("alt_txt_too_large");
    }
    String fileId = "F0DEMO" + ++lastId;
    files.put(fileId, new Pending(filename, length, null));
    String url = baseUrl.get() + SlackDoubleServer.UPLOAD.substring(1) + fileId;
    return ok().put("upload_url", url).put("file_id", fileId);
  }

  /**
   * The POST of a file's bytes to its upload URL: 200 {@code "OK - <size>"} as Slack answers, 404
   * for a file id never handed out, 400 when the size differs from the {@code length} announced
   * (the double's check; Slack documents none). A second upload replaces the first.
   */
  synchronized Answer receive(String fileId, byte[] content) {
    Pending pending = files.get(fileId);
    if (pending == null) {
      return text(404, "unknown upload URL");
    }
    if (content.length != pending.length()) {
      return text(400, "length " + content.length + " differs from " + pending.length());
    }
    files.put(fileId, new Pending(pending.filename(), pending.length(), content.clone()));
    return text(200, "OK - " + content.length);
  }

  /**
   * {@code files.completeUploadExternal}: shares every file of {@code files} (a JSON array of
   * {@code {"id":…,"title":…}}) into {@code channel_id} (or each of {@code channels}), in the
   * thread of {@code thread_ts} if given, as one file message per file with {@code initial_comment}
   * as its text; without a channel the files stay private. Completing a file again shares it again.
   * Errors: {@code invalid_arguments} for a missing or malformed {@code files}, {@code
   * file_not_found} for a file never handed out or not uploaded yet (the double's code), {@code
   * channel_not_found} / {@code not_in_channel} as for {@code chat.postMessage}.
   */
  synchronized ObjectNode complete(Map<String, String> p) {
    JsonNode requested = parse(p.get("files"));
    if (!requested.isArray() || requested.isEmpty()) {
      return error("invalid_arguments");
    }
    for (JsonNode file : requested) {
      Pending pending = files.get(file.path("id").asText());
      if (pending == null || pending.bytes() == null) {
        return error("file_not_found");
      }
    }
    List<Target> targets = new ArrayList<>();
    for (String channel : channels(p)) {
      Target target = workspace.resolve(channel);
      if (target.error() != null) {
        return error(target.error());
      }
      targets.add(target);
    }
    ObjectNode response = ok();
    ArrayNode answered = response.putArray("files");
    for (JsonNode file : requested) {
      answered.add(share(file, targets, p.get("thread_ts"), p.getOrDefault("initial_comment", "")));
    }
    return response;
  }

  /** The bytes uploaded for {@code fileId}, if any (a copy). */
  synchronized Optional<byte[]> bytes(String fileId) {
    Pending pending = files.get(fileId);
    return Optional.ofNullable(pending == null ? null : pending.bytes()).map(byte[]::clone);
  }

  /** The files shared into {@code conversation}, oldest first. */
  synchronized List<SharedFile> sharedInto(String conversation) {
    return shared.stream().filter(f -> f.channel().equals(conversation)).toList();
  }

  private ObjectNode share(JsonNode file, List<Target> targets, String threadTs, String comment) {
    String fileId = file.path("id").asText();
    Pending pending = files.get(fileId);
    String title = file.path("title").asText("");
    title = title.isBlank() ? pending.filename() : title;
    ObjectNode json =
        MAPPER
            .createObjectNode()
            .put("id", fileId)
            .put("name", pending.filename())
            .put("title", title)
            .put("size", pending.bytes().length)
            .put("user", SlackDoubleWorkspace.BOT_USER_ID)
            .put("url_private", baseUrl.get() + "files/" + fileId)
            .put("permalink", "https://drumbeat-demo.slack.com/files/U0BOT/" + fileId);
    ObjectNode shares = json.putObject("shares");
    for (Target target : targets) {
      String ts = workspace.nextTs();
      messages.put(
          new StoredMessage(
              target.channelId(),
              ts,
              threadTs,
              comment,
              null,
              null,
              null,
              null,
              SlackDoubleWorkspace.BOT_USER_ID,
              SlackDoubleWorkspace.BOT_ID,
              fileId));
      shared.add(
          new SharedFile(
              fileId,
              target.channelId(),
              ts,
              threadTs,
              pending.filename(),
              title,
              pending.bytes().length));
      boolean isPublic =
          workspace.channel(target.channelId()).map(c -> !c.isPrivate()).orElse(false);
      ObjectNode share =
          shares
              .withObjectProperty(isPublic ? "public" : "private")
              .withArrayProperty(target.channelId())
              .addObject();
      share.put("ts", ts).put("share_user_id", SlackDoubleWorkspace.BOT_USER_ID);
      if (threadTs != null) {
        share.put("thread_ts", threadTs);
      }
    }
    return json;
  }

  /** {@code channels} (comma-separated) when given, else {@code channel_id}, else none. */
  private static List<String> channels(Map<String, String> p) {
    String channels = p.get("channels");
    if (channels != null && !channels.isBlank()) {
      return List.of(channels.split("\\s*,\\s*"));
    }
    String channel = p.get("channel_id");
    return channel == null || channel.isBlank() ? List.of() : List.of(channel);
  }

  private static JsonNode parse(String json) {
    try {
      return json == null ? MAPPER.missingNode() : MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return MAPPER.missingNode();
    }
  }

  private static Answer text(int status, String body) {
    return new Answer(status, Map.of("Content-Type", "text/plain; charset=utf-8"), body);
  }
}
