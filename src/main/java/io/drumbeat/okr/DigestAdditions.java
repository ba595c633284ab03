package io.drumbeat.okr;

import com.slack.api.model.block.LayoutBlock;
import java.time.LocalDate;
import java.util.List;
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
        public List<LayoutBlock> after(Handle handle, LocalDate today) {
          return List.of();
        }

        @Override
        public void recorded(Handle handle, String digestKey) {}
      };

  /**
   * Escaped mrkdwn shown under {@code kr}'s line, or "" for nothing; the digest splits it into
   * sections of at most 3000 characters.
   */
  String underKr(Handle handle, KeyResult kr);

  /**
   * Blocks shown after the KRs; each text at most 3000 characters, any number of blocks (the digest
   * packs them into messages of at most 50).
   *
   * @param today today in the organisation's zone
   */
  List<LayoutBlock> after(Handle handle, LocalDate today);

  /**
   * Called once a digest is recorded (not for a repeated run of the same digest), in its
   * transaction.
   *
   * @param digestKey the delivery key of the digest's first message
   */
  void recorded(Handle handle, String digestKey);
}
