package io.drumbeat.okr;

import com.slack.api.model.block.LayoutBlock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;

/**
 * What other rituals add to the Monday digest (issue 12): a line under a KR (its open retro action
 * items) and sections after the KRs (open action items, stuck blockers, the VP sync's agenda). Each
 * method runs in the transaction that records the digest, so what it shows and what it archives
 * agree.
 */
public interface DigestAdditions {
  /** Adds nothing. */
  DigestAdditions NONE =
      new DigestAdditions() {
        @Override
        public String underKr(Handle handle, KeyResult kr) {
          return "";
        }

        @Override
        public After after(Handle handle, LocalDate today) {
          return new After(List.of(), (h, key) -> {});
        }
      };

  /**
   * Escaped mrkdwn shown under {@code kr}'s line, or "" for nothing; the digest splits it into
   * sections of at most 3000 characters.
   */
  String underKr(Handle handle, KeyResult kr);

  /**
   * What is shown after the KRs, and what to do once the digest showing it is recorded.
   *
   * @param today today in the organisation's zone
   */
  After after(Handle handle, LocalDate today);

  /**
   * Blocks shown after the KRs, with what to do once they are recorded.
   *
   * @param blocks each text at most 3000 characters, any number of blocks (the digest packs them
   *     into messages of at most 50)
   * @param recorded called once the digest is recorded (not for a repeated run of the same digest),
   *     in its transaction, with the delivery key of its first message; it acts on exactly what
   *     {@code blocks} showed (e.g. archives those agenda items)
   */
  record After(List<LayoutBlock> blocks, BiConsumer<Handle, String> recorded) {}
}
