package io.drumbeat.retro;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.DrumbeatException;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.ModalTrouble;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import org.jdbi.v3.core.Jdbi;

/**
 * The App Home's <em>Add item</em> and <em>Vote</em> buttons of a retro. The Home lists a retro
 * only for members of its channel, so its buttons stand in for the announcement's, which only work
 * in that channel: each button's value is {@code "<retro id>:<seal>"}, the seal binding the retro
 * to the person whose Home it was drawn for ({@link RetroKey#seal}). A click is refused unless the
 * seal is the clicker's and the retro is still in the button's phase; the modal opens before the
 * ack; a refusal or a modal that cannot open is told by DM (a Home click has no {@code
 * response_url}).
 */
final class HomeRetroClicks {
  /** {@code action_id} of the Home's "Add item". */
  static final String ADD_ITEM = "home_retro_add_item";

  /** {@code action_id} of the Home's "Vote". */
  static final String VOTE = "home_retro_vote";

  private static final String PURPOSE = "home";

  private final Jdbi jdbi;
  private final SlackGateway slack;
  private final Followups followups;

  HomeRetroClicks(Jdbi jdbi, SlackGateway slack, Followups followups) {
    this.jdbi = jdbi;
    this.slack = slack;
    this.followups = followups;
  }

  /** The button value for {@code userId}'s Home. */
  static String value(RetroKey key, long retroId, String userId) {
    return retroId + ":" + key.seal(PURPOSE, userId, String.valueOf(retroId));
  }

  /** The button's {@code action_id} in {@code phase}. */
  static String actionId(RetroPhase phase) {
    return phase == RetroPhase.VOTING ? VOTE : ADD_ITEM;
  }

  void register(App app) {
    app.blockAction(ADD_ITEM, (req, ctx) -> onClick(req, ctx, RetroPhase.COLLECTING));
    app.blockAction(VOTE, (req, ctx) -> onClick(req, ctx, RetroPhase.VOTING));
  }

  private Response onClick(BlockActionRequest req, ActionContext ctx, RetroPhase phase) {
    var p = req.getPayload();
    String userId = p.getUser().getId();
    try {
      Retro retro = sealed(p.getActions().get(0).getValue(), userId);
      if (retro.phase() != phase) {
        throw new DrumbeatException(
            phase == RetroPhase.VOTING
                ? VoteBooth.refusal(retro)
                : "The retro is " + retro.phase().label() + "; items can no longer be added.");
      }
      if (phase == RetroPhase.VOTING) {
        slack.openView(p.getTriggerId(), new VoteBooth(jdbi).firstPage(retro, userId));
      } else {
        RetroKey key = jdbi.inTransaction(h -> RetroKey.of(h, retro.id()));
        slack.openView(p.getTriggerId(), ItemModal.build(retro, null, key, userId));
      }
    } catch (SlackCallException e) {
      followups.dm(userId, ModalTrouble.explain(e, "click the button in your Home tab again"));
    } catch (DrumbeatException e) {
      followups.dm(userId, ":warning: " + e.getMessage());
    }
    return ctx.ack();
  }

  /**
   * The retro a Home button names, when its seal is {@code userId}'s.
   *
   * @throws DrumbeatException (for the clicker) when the value is not a sealed retro of theirs
   */
  private Retro sealed(String value, String userId) {
    String[] parts = value == null ? new String[0] : value.split(":", 2);
    long id = AnnouncementClicks.retroId(parts.length == 2 ? parts[0] : "");
    return jdbi.inTransaction(
        h -> {
          Retro retro =
              h.attach(RetroRepository.class)
                  .find(id)
                  .orElseThrow(() -> new DrumbeatException("That retro is gone."));
          if (!RetroKey.of(h, id).opens(parts[1], PURPOSE, userId, String.valueOf(id))) {
            throw new DrumbeatException(
                "That button was not drawn for you. Open Drumbeat's Home tab again.");
          }
          return retro;
        });
  }
}
