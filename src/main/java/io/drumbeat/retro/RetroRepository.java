package io.drumbeat.retro;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Retros and their items and votes. Same SQL on H2 (PostgreSQL mode) and PostgreSQL. Anonymity is
 * in the schema: an item's author is written only for a named retro ({@link #addItem}).
 */
@RegisterConstructorMapper(Retro.class)
@RegisterConstructorMapper(RetroItem.class)
@RegisterConstructorMapper(VoteCount.class)
public interface RetroRepository {
  @SqlUpdate(
      "insert into retro (channel, open_channel, title, facilitator, phase, named,"
          + " votes_per_person, okr_quarter, created_at) values (:channel, :channel, :title,"
          + " :facilitator, 'COLLECTING', :named, :votes, :quarter, :at) on conflict do nothing")
  int insert(
      String channel,
      String title,
      String facilitator,
      boolean named,
      @Bind("votes") int votesPerPerson,
      @Bind("quarter") String okrQuarter,
      Instant at);

  /**
   * Starts a retro in {@code channel} in the collecting phase.
   *
   * @return the new retro, or empty when the channel already has an open one
   */
  @Transaction
  default Optional<Retro> start(
      String channel,
      String title,
      String facilitator,
      boolean named,
      int votesPerPerson,
      String okrQuarter,
      Instant at) {
    if (insert(channel, title, facilitator, named, votesPerPerson, okrQuarter, at) == 0) {
      return Optional.empty();
    }
    return openIn(channel);
  }

  @SqlQuery("select * from retro where open_channel = :channel")
  Optional<Retro> openIn(String channel);

  /** Every retro not closed yet, newest first. */
  @SqlQuery("select * from retro where open_channel is not null order by id desc")
  List<Retro> open();

  @SqlQuery("select * from retro where id = :id")
  Optional<Retro> find(long id);

  /** The latest retro of a channel, open or closed. */
  @SqlQuery("select * from retro where channel = :channel order by id desc limit 1")
  Optional<Retro> latestIn(String channel);

  /** Retro {@code id}'s secret key (base64), "" when it has none yet; empty when no such retro. */
  @SqlQuery("select coalesce(secret, '') from retro where id = :id")
  Optional<String> secret(long id);

  /** Gives retro {@code id} its secret key unless it has one. */
  @SqlUpdate("update retro set secret = :secret where id = :id and secret is null")
  int setSecret(long id, String secret);

  /** Retro {@code id}'s phase, locking its row until the transaction ends; empty when none. */
  @SqlQuery("select phase from retro where id = :id for update")
  Optional<RetroPhase> lockPhase(long id);

  @SqlUpdate("update retro set announcement_ts = :ts where id = :id")
  int setAnnouncement(long id, String ts);

  /**
   * Moves a retro from {@code from} to {@code to} unless someone else moved it first.
   *
   * @return 1 when moved, 0 when it was no longer in {@code from}
   */
  @SqlUpdate("update retro set phase = :to where id = :id and phase = :from")
  int move(long id, RetroPhase from, RetroPhase to);

  /**
   * Opens voting of a retro that is collecting items, and records when.
   *
   * @return 1 when opened, 0 when it was no longer collecting
   */
  @SqlUpdate(
      "update retro set phase = 'VOTING', voting_opened_at = :at where id = :id"
          + " and phase = 'COLLECTING'")
  int openVoting(long id, Instant at);

  /** Whether voting of retro {@code id} was ever opened (a closed retro may have skipped it). */
  @SqlQuery("select count(*) from retro where id = :id and voting_opened_at is not null")
  boolean votingOpened(long id);

  /**
   * Closes a retro (from any open phase), freeing its channel for the next one.
   *
   * @return 1 when closed, 0 when it was already closed
   */
  @SqlUpdate(
      "update retro set phase = 'CLOSED', open_channel = null, closed_at = :at"
          + " where id = :id and phase <> 'CLOSED'")
  int close(long id, Instant at);

  @SqlUpdate(
      "insert into retro_item (retro_id, category, text) values (:retroId, :category, :text)")
  @GetGeneratedKeys("id")
  long insertItem(long retroId, RetroCategory category, String text);

  @SqlUpdate("insert into retro_item_author (item_id, author) values (:itemId, :author)")
  int insertAuthor(long itemId, String author);

  /**
   * Adds an item. {@code author} is stored only when not null; pass null for an anonymous retro.
   *
   * @return the item's id
   */
  @Transaction
  default long addItem(long retroId, RetroCategory category, String text, String author) {
    long id = insertItem(retroId, category, text);
    if (author != null) {
      insertAuthor(id, author);
    }
    return id;
  }

  /**
   * Every item of a retro in id order (which follows the time of submission: show them in {@link
   * RetroKey#order}), with authors for named items.
   */
  @SqlQuery(
      "select i.id, i.retro_id, i.category, i.text, a.author from retro_item i"
          + " left join retro_item_author a on a.item_id = i.id where i.retro_id = :retroId"
          + " order by i.id")
  List<RetroItem> items(long retroId);

  @SqlQuery("select count(*) from retro_item where retro_id = :retroId")
  int itemCount(long retroId);

  /** The named items {@code author} wrote in a retro, in id order. */
  @SqlQuery(
      "select i.id, i.retro_id, i.category, i.text, a.author from retro_item i"
          + " join retro_item_author a on a.item_id = i.id where i.retro_id = :retroId"
          + " and a.author = :author order by i.id")
  List<RetroItem> itemsBy(long retroId, String author);

  /**
   * Changes a named item of retro {@code retroId}, only when {@code author} wrote it.
   *
   * @return 1 when changed
   */
  @SqlUpdate(
      "update retro_item set category = :category, text = :text where id = :id"
          + " and retro_id = :retroId and exists"
          + " (select 1 from retro_item_author a where a.item_id = :id and a.author = :author)")
  int editItem(long retroId, long id, String author, RetroCategory category, String text);

  /**
   * Deletes a named item of retro {@code retroId}, only when {@code author} wrote it.
   *
   * @return 1 when deleted
   */
  @SqlUpdate(
      "delete from retro_item where id = :id and retro_id = :retroId and exists"
          + " (select 1 from retro_item_author a where a.item_id = :id and a.author = :author)")
  int deleteItem(long retroId, long id, String author);

  @SqlUpdate(
      "insert into retro_ballot (retro_id, voter, submitted_at) values (:retroId, :voter, :at)"
          + " on conflict do nothing")
  int insertBallot(long retroId, String voter, Instant at);

  @SqlUpdate(
      "update retro_ballot set submitted_at = :at where retro_id = :retroId and voter = :voter")
  int lockBallot(long retroId, String voter, Instant at);

  @SqlUpdate("delete from retro_vote where retro_id = :retroId and voter = :voter")
  int deleteVotes(long retroId, String voter);

  @SqlBatch("insert into retro_vote (retro_id, voter, item_id) values (:retroId, :voter, :itemId)")
  void insertVotes(long retroId, String voter, @Bind("itemId") List<Long> items);

  /**
   * Replaces a voter's votes with {@code itemIds} (items of this retro) in one transaction. The
   * ballot row is locked first, so two submissions of the same voter apply one after the other and
   * never add up.
   */
  @Transaction
  default void replaceVotes(long retroId, String voter, Collection<Long> itemIds, Instant at) {
    insertBallot(retroId, voter, at);
    lockBallot(retroId, voter, at);
    deleteVotes(retroId, voter);
    if (!itemIds.isEmpty()) {
      insertVotes(retroId, voter, List.copyOf(itemIds));
    }
  }

  /** The items {@code voter} chose, in id order. */
  @SqlQuery(
      "select item_id from retro_vote where retro_id = :retroId and voter = :voter"
          + " order by item_id")
  List<Long> votesOf(long retroId, String voter);

  /** Vote totals of the items that got any. */
  @SqlQuery(
      "select item_id, count(*) as votes from retro_vote where retro_id = :retroId"
          + " group by item_id")
  List<VoteCount> voteCounts(long retroId);

  /** How many people have voted. */
  @SqlQuery("select count(*) from retro_ballot where retro_id = :retroId")
  int voterCount(long retroId);
}
