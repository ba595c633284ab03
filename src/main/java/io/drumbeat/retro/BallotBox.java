package io.drumbeat.retro;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Casts ballots only while a retro is voting. The retro's row is locked for the short transaction,
 * so a ballot either lands before the phase moves on ({@link RetroRepository#move} and {@link
 * RetroRepository#close} wait for it) or sees the new phase and is refused: no vote arrives after
 * voting closed.
 */
interface BallotBox extends SqlObject {
  /** The retro's phase, locking its row until the transaction ends; empty when there is none. */
  @SqlQuery("select phase from retro where id = :id for update")
  Optional<RetroPhase> lockPhase(@Bind("id") long retroId);

  /**
   * Replaces {@code voter}'s votes with {@code itemIds} ({@link RetroRepository#replaceVotes}) if
   * the retro is voting.
   *
   * @return false, changing nothing, when the retro is not (or no longer) voting
   */
  @Transaction
  default boolean cast(long retroId, String voter, Collection<Long> itemIds, Instant at) {
    if (lockPhase(retroId).orElse(null) != RetroPhase.VOTING) {
      return false;
    }
    getHandle().attach(RetroRepository.class).replaceVotes(retroId, voter, itemIds, at);
    return true;
  }
}
