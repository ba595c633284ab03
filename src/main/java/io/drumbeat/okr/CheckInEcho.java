package io.drumbeat.okr;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.OutboxRow;
import io.drumbeat.delivery.Posted;
import io.drumbeat.delivery.Renderer;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The echo of a check-in in {@code okr.channel}: one message per KR and ISO week (delivery key
 * {@code okr-echo:FY2027-Q4:KR1.1:2026-W47}), drawn from the stored check-in when delivered, so a
 * revision in the same week edits it in place.
 */
final class CheckInEcho implements Renderer {
  /** Renderer kind of an echo. */
  static final String KIND = "okr-echo";

  /** The echo delivery of {@code checkIn} in {@code channel}. */
  static Delivery delivery(CheckIn checkIn, String channel) {
    String subject = checkIn.quarter() + ":" + checkIn.krKey() + ":" + checkIn.isoWeek();
    return Delivery.drawn(KIND + ":" + subject, KIND, subject, channel);
  }

  @Override
  public Optional<Content> render(Handle handle, OutboxRow row) {
    String[] s = row.subject().split(":", 3);
    OkrRepository repo = handle.attach(OkrRepository.class);
    Optional<KeyResult> kr = repo.keyResult(s[0], s[1]);
    Optional<CheckIn> checkIn = repo.checkIn(s[0], s[1], s[2]);
    if (kr.isEmpty() || checkIn.isEmpty()) {
      return Optional.empty();
    }
    CheckIn c = checkIn.get();
    CheckIn previous = repo.checkInBefore(s[0], s[1], s[2]).orElse(null);
    List<LayoutBlock> blocks = new ArrayList<>();
    String head = CheckInText.title(kr.get()) + "\n" + CheckInText.facts(kr.get(), c, previous);
    blocks.add(section(b -> b.text(markdownText(Mrkdwn.truncate(head, Mrkdwn.MAX_TEXT)))));
    blocks.addAll(CheckInText.noteBlocks(c.note()));
    String fallback =
        "<@"
            + c.authorId()
            + "> checked in "
            + Mrkdwn.escape(c.krKey())
            + ": "
            + c.status().label();
    return Optional.of(Content.of(fallback, blocks));
  }

  /** Remembers where the echo was posted ({@code check_in.echo_channel}, {@code echo_ts}). */
  @Override
  public void posted(Handle handle, OutboxRow row, Posted at) {
    String[] s = row.subject().split(":", 3);
    handle.attach(OkrRepository.class).setEcho(s[0], s[1], s[2], at.channel(), at.ts());
  }
}
