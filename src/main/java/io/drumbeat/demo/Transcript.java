package io.drumbeat.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints what people would have seen in Slack, from the calls the {@link SlackDouble} recorded: who
 * got which DM, what was posted in which channel, which modal opened, and ephemeral replies.
 */
public final class Transcript {
  private static final Set<String> VISIBLE =
      Set.of(
          "chat.postMessage",
          "chat.update",
          "chat.postEphemeral",
          "views.open",
          "views.update",
          "files.completeUploadExternal",
          "response_url");
  private final SlackDouble slack;
  private final PrintStream out;
  private final Map<String, String> people;
  private final Map<String, String> channels;
  private final BlockText text;
  private int shown;

  /**
   * @param slack the double whose calls are shown
   * @param out where to print
   * @param people user id → name
   * @param channels channel id → name (without #)
   */
  public Transcript(
      SlackDouble slack,
      PrintStream out,
      Map<String, String> people,
      Map<String, String> channels) {
    this.slack = slack;
    this.out = out;
    this.people = people;
    this.channels = channels;
    this.text = new BlockText(people, channels);
  }

  /** A line of narration: what happens next. */
  public void narrate(String line) {
    out.println();
    out.println("▶ " + line);
  }

  /** Prints {@code body} as an ephemeral reply to {@code userId} (a slash command's ack). */
  public void ephemeral(String userId, String body) {
    if (body == null || body.isBlank()) {
      return;
    }
    try {
      JsonNode json = new ObjectMapper().readTree(body);
      print(
          "Only visible to " + name(userId),
          List.of(text.mrkdwn(json.path("text").asText(body)).split("\n")));
    } catch (java.io.IOException e) {
      print("Only visible to " + name(userId), List.of(body));
    }
  }

  /**
   * Prints every visible call recorded since the last time, under {@code heading} when there is one
   * and something to show.
   *
   * @param actor who acted (for modals and ephemeral replies), may be null
   * @return how many calls were shown
   */
  public int showNew(String actor, String heading) {
    List<SlackCall> calls = slack.calls();
    List<SlackCall> fresh =
        calls.subList(shown, calls.size()).stream()
            .filter(c -> VISIBLE.contains(c.method()))
            .toList();
    if (heading != null && !fresh.isEmpty()) {
      out.println(heading);
    }
    int count = 0;
    for (SlackCall call : fresh) {
      show(call, actor);
      count++;
    }
    shown = calls.size();
    return count;
  }

  /**
   * Prints the Home tab last published for {@code userId} ({@code views.publish}), if any: Home
   * redraws after each change are not shown as they happen, only when the person looks.
   */
  public void home(String userId) {
    List<SlackCall> published =
        slack.calls("views.publish").stream()
            .filter(c -> userId.equals(c.param("user_id")))
            .toList();
    if (!published.isEmpty()) {
      JsonNode view = published.get(published.size() - 1).json("view");
      print("The Home tab of " + name(userId), text.blocks(view.path("blocks")));
    }
  }

  private void show(SlackCall call, String actor) {
    switch (call.method()) {
      case "views.open", "views.update" -> {
        JsonNode view = call.json("view");
        String what =
            call.method().equals("views.open") ? "A modal opens for " : "The modal updates for ";
        print(
            what + name(actor) + ": \"" + view.path("title").path("text").asText() + "\"",
            text.blocks(view.path("blocks")));
      }
      case "files.completeUploadExternal" -> {
        String where = where(call.param("channel_id"));
        List<String> titles = new java.util.ArrayList<>();
        call.json("files").forEach(f -> titles.add("[image] " + f.path("title").asText()));
        print(call.param("thread_ts") != null ? where + " (in the thread)" : where, titles);
      }
      case "response_url" ->
          print(
              "Only visible to " + name(actor),
              List.of(text.mrkdwn(call.param("text")).split("\n")));
      default -> {
        String where = where(call.param("channel"));
        if (call.method().equals("chat.update")) {
          where += " (the earlier message is edited in place)";
        } else if (call.param("thread_ts") != null) {
          where += " (in the thread)";
        }
        JsonNode blocks = call.json("blocks");
        print(
            where,
            blocks.isArray() && blocks.size() > 0
                ? text.blocks(blocks)
                : List.of(text.mrkdwn(String.valueOf(call.param("text"))).split("\n")));
      }
    }
  }

  private String where(String channel) {
    if (channel == null) {
      return "?";
    }
    if (channel.startsWith("D")) {
      return "DM to " + people.getOrDefault("U" + channel.substring(1), channel);
    }
    if (channel.startsWith("U") || channel.startsWith("W")) {
      return "DM to " + people.getOrDefault(channel, channel);
    }
    return "#" + channels.getOrDefault(channel, channel);
  }

  private String name(String userId) {
    return people.getOrDefault(userId, userId);
  }

  private void print(String heading, List<String> lines) {
    out.println("  ┌ " + heading);
    lines.forEach(l -> out.println("  │ " + l));
    out.println("  └");
  }
}
