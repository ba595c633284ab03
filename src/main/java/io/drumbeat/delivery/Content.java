package io.drumbeat.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import io.drumbeat.DrumbeatException;
import java.util.List;

/**
 * What a delivery says, already rendered: Block Kit as the JSON Slack's Web API takes, so it can be
 * stored in the outbox and sent unchanged.
 *
 * @param text fallback text for notifications (mrkdwn, already escaped); for a Home tab, unused
 * @param blocks the blocks as a JSON array, or null for a text-only message
 * @param view a Home tab view as JSON ({@link Via#HOME}), else null
 * @param username post under this name ({@code chat:write.customize}), or null for the app's
 * @param iconUrl post with this picture ({@code chat:write.customize}), or null
 * @param replaceOriginal for a {@code response_url} reply: replace the message it came from
 * @param fileName a shared file's name, e.g. {@code okr-trend-FY2027-Q1.png} ({@link Via#FILE})
 * @param file a shared file's bytes ({@link Via#FILE}); {@code text} is its title and alt text
 */
public record Content(
    String text,
    String blocks,
    String view,
    String username,
    String iconUrl,
    boolean replaceOriginal,
    String fileName,
    byte[] file) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();

  /** A message of {@code text} (mrkdwn, escaped) and {@code blocks} (at most 50; may be empty). */
  public static Content of(String text, List<LayoutBlock> blocks) {
    return new Content(
        text,
        blocks == null || blocks.isEmpty() ? null : SLACK_JSON.toJson(blocks),
        null,
        null,
        null,
        false,
        null,
        null);
  }

  /** A text-only message (mrkdwn, escaped). */
  public static Content text(String text) {
    return of(text, List.of());
  }

  /** A Home tab ({@code views.publish}); at most 100 blocks. */
  public static Content home(View view) {
    return new Content(null, null, SLACK_JSON.toJson(view), null, null, false, null, null);
  }

  /**
   * A file to share ({@link Via#FILE}).
   *
   * @param fileName e.g. {@code okr-trend-FY2027-Q1.png}; Slack derives the type from it
   * @param title shown above the file, and its alt text
   * @param bytes the file, at least one byte
   */
  public static Content file(String fileName, String title, byte[] bytes) {
    return new Content(title, null, null, null, null, false, fileName, bytes.clone());
  }

  /** This message posted under another name and picture (scope {@code chat:write.customize}). */
  public Content as(String name, String picture) {
    return new Content(text, blocks, view, name, picture, replaceOriginal, fileName, file);
  }

  /** This reply replacing the message its {@code response_url} came from. */
  public Content replacingOriginal() {
    return new Content(text, blocks, view, username, iconUrl, true, fileName, file);
  }

  /** The content as JSON, for {@link OutboxRow#payload()}. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A Content always serialises", e);
    }
  }

  /**
   * Reads {@link #toJson()}'s output.
   *
   * @throws DrumbeatException when {@code json} is not a stored content (a corrupt row)
   */
  public static Content fromJson(String json) {
    try {
      return JSON.readValue(json, Content.class);
    } catch (JsonProcessingException e) {
      throw new DrumbeatException("An outbox payload is not readable: " + e.getOriginalMessage());
    }
  }
}
