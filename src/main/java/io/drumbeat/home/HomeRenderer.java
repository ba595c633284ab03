package io.drumbeat.home;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.drumbeat.HomeSection;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.OutboxRow;
import io.drumbeat.delivery.Renderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;

/**
 * Draws a person's Home tab from the database when it is delivered: a title, then each feature's
 * {@link HomeSection} within its share of blocks, then, for admins, the admin part. Whatever the
 * data, the view has at most {@value #MAX_BLOCKS} blocks (Slack's limit for a Home tab): each
 * section gets a fixed share and shows what fits, and anything over the total is cut with a note.
 */
final class HomeRenderer implements Renderer {
  /** Most blocks in a Home tab (Slack: "Maximum of 100 blocks" per view). */
  static final int MAX_BLOCKS = 100;

  /** A section and the most blocks it may use. */
  record Part(HomeSection section, int maxBlocks) {}

  private final List<Part> parts;
  private final List<Part> adminParts;
  private final Predicate<String> isAdmin;

  /**
   * @param parts what everyone sees, in order, with their shares (their sum and the dividers
   *     between them stay within {@value #MAX_BLOCKS} with the admin part)
   * @param adminParts what admins see besides, each part's {@link HomeSection#adminBlocks}
   * @param isAdmin whether a user id is an admin's ({@code admins} in drumbeat.yml)
   */
  HomeRenderer(List<Part> parts, List<Part> adminParts, Predicate<String> isAdmin) {
    this.parts = List.copyOf(parts);
    this.adminParts = List.copyOf(adminParts);
    this.isAdmin = isAdmin;
  }

  @Override
  public Optional<Content> render(Handle handle, OutboxRow row) {
    String userId = row.subject();
    return Optional.of(Content.home(view(blocks(handle, userId))));
  }

  /** The Home's blocks for {@code userId}, at most {@value #MAX_BLOCKS}. */
  List<LayoutBlock> blocks(Handle handle, String userId) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Drumbeat: where you stand"))));
    for (Part part : parts) {
      List<LayoutBlock> section = part.section().blocks(handle, userId, part.maxBlocks());
      if (!section.isEmpty()) {
        blocks.add(divider());
        blocks.addAll(cap(section, part.maxBlocks()));
      }
    }
    if (isAdmin.test(userId)) {
      blocks.add(divider());
      blocks.add(header(h -> h.text(plainText("For admins"))));
      for (Part part : adminParts) {
        blocks.addAll(cap(part.section().adminBlocks(handle, part.maxBlocks()), part.maxBlocks()));
      }
    }
    if (blocks.size() > MAX_BLOCKS) {
      List<LayoutBlock> cut = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 1));
      cut.add(
          context(
              c ->
                  c.elements(
                      List.of(markdownText("Some of your Home did not fit; use the commands.")))));
      return cut;
    }
    return blocks;
  }

  private static List<LayoutBlock> cap(List<LayoutBlock> blocks, int max) {
    return blocks.size() <= max ? blocks : blocks.subList(0, max);
  }

  private static View view(List<LayoutBlock> blocks) {
    return View.builder().type("home").callbackId("drumbeat_home").blocks(blocks).build();
  }
}
