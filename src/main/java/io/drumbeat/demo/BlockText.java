package io.drumbeat.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders Block Kit JSON and Slack mrkdwn as plain text a person can read in a terminal: mentions
 * become names, entities are decoded, common emoji codes become emoji.
 */
public final class BlockText {
  private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>");
  private static final Pattern CHANNEL = Pattern.compile("<#([CGD][A-Z0-9]+)(\\|([^>]*))?>");
  private static final Map<String, String> EMOJI =
      Map.ofEntries(
          Map.entry(":large_green_circle:", "🟢"),
          Map.entry(":large_yellow_circle:", "🟡"),
          Map.entry(":red_circle:", "🔴"),
          Map.entry(":white_check_mark:", "✅"),
          Map.entry(":grey_question:", "❔"),
          Map.entry(":dart:", "🎯"),
          Map.entry(":wave:", "👋"),
          Map.entry(":bell:", "🔔"),
          Map.entry(":warning:", "⚠️"),
          Map.entry(":x:", "❌"),
          Map.entry(":no_entry:", "⛔"),
          Map.entry(":hourglass_flowing_sand:", "⏳"),
          Map.entry(":sunrise:", "🌅"),
          Map.entry(":palm_tree:", "🌴"));
  private final Map<String, String> people;
  private final Map<String, String> channels;

  /**
   * @param people user id → name
   * @param channels channel id → name (without #)
   */
  public BlockText(Map<String, String> people, Map<String, String> channels) {
    this.people = people;
    this.channels = channels;
  }

  /** Lines for a list of blocks. */
  public List<String> blocks(JsonNode blocks) {
    List<String> lines = new ArrayList<>();
    for (JsonNode block : blocks) {
      switch (block.path("type").asText()) {
        case "header" ->
            lines.add("== " + mrkdwn(block.path("text").path("text").asText()) + " ==");
        case "section" ->
            lines.addAll(List.of(mrkdwn(block.path("text").path("text").asText()).split("\n")));
        case "context" ->
            block
                .path("elements")
                .forEach(e -> lines.add("  (" + mrkdwn(e.path("text").asText()) + ")"));
        case "divider" -> lines.add("────────");
        case "actions" -> lines.add(buttons(block));
        case "input" -> lines.add(input(block));
        default -> lines.add("[" + block.path("type").asText() + "]");
      }
    }
    return lines;
  }

  /** Slack mrkdwn as readable text. */
  public String mrkdwn(String text) {
    String out = replace(USER, text, m -> "@" + people.getOrDefault(m.group(1), m.group(1)));
    out =
        replace(
            CHANNEL,
            out,
            m ->
                "#"
                    + (m.group(3) != null
                        ? m.group(3)
                        : channels.getOrDefault(m.group(1), m.group(1))));
    for (var e : EMOJI.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private String buttons(JsonNode block) {
    StringBuilder line = new StringBuilder();
    block
        .path("elements")
        .forEach(e -> line.append("[ ").append(e.path("text").path("text").asText()).append(" ] "));
    return line.toString().trim();
  }

  private String input(JsonNode block) {
    JsonNode element = block.path("element");
    String label =
        block.path("label").path("text").asText()
            + (block.path("optional").asBoolean() ? " (optional)" : "");
    String shown =
        switch (element.path("type").asText()) {
          case "static_select" ->
              "["
                  + (element.has("initial_option")
                      ? element.path("initial_option").path("text").path("text").asText()
                      : "choose")
                  + " ▾] of "
                  + element.path("options").size()
                  + " options";
          case "plain_text_input" ->
              "[" + element.path("initial_value").asText("").replace("\n", " ⏎ ") + "____]";
          default -> "[" + element.path("type").asText() + "]";
        };
    String hint = block.has("hint") ? "  — " + block.path("hint").path("text").asText() : "";
    return label + ": " + shown + hint;
  }

  private static String replace(
      Pattern p, String text, java.util.function.Function<Matcher, String> f) {
    Matcher m = p.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
