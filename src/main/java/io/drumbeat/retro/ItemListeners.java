package io.drumbeat.retro;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.drumbeat.DrumbeatException;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.ModalTrouble;
import io.drumbeat.slack.Replays;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Items: "Add item" on the announcement (clicked in the retro's channel) opens the item modal
 * (before the ack); its submission stores the item (no author for an anonymous retro) and asks for
 * a batched redraw of the announcement's count. In a named retro, "My items" lists the caller's
 * items to edit or delete while items are collected. Every id a button or form carries back is
 * checked again against the clicker ({@link ItemForm}). Nothing here logs who wrote what.
 */
final class ItemListeners {
  private static final Logger LOG = LoggerFactory.getLogger(ItemListeners.class);
  private final Jdbi jdbi;
  private final SlackGateway slack;
  private final Announcer announcer;
  private final Followups followups;
  private final Replays replays;

  /**
   * @param jdbi database
   * @param slack Web API (views.open, views.update, before the ack)
   * @param announcer redraws the announcement (batched for items)
   * @param followups ephemeral replies after the ack
   * @param replays submissions already handled (a replay adds no second item)
   */
  ItemListeners(
      Jdbi jdbi, SlackGateway slack, Announcer announcer, Followups followups, Replays replays) {
    this.jdbi = jdbi;
    this.slack = slack;
    this.announcer = announcer;
    this.followups = followups;
    this.replays = replays;
  }

  /** Registers the buttons and the modal submission on {@code app}. */
  public void register(App app) {
    app.blockAction(RetroAnnouncement.ADD_ITEM, this::onAdd);
    app.blockAction(RetroAnnouncement.MY_ITEMS, this::onMine);
    app.blockAction(MyItemsModal.EDIT, this::onEdit);
    app.viewSubmission(ItemModal.CALLBACK_ID, this::onSubmit);
  }

  private Response onAdd(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    String user = p.getUser().getId();
    open(
        p,
        () -> {
          Retro retro = collectingFromAnnouncement(p);
          slack.openView(p.getTriggerId(), ItemModal.build(retro, null, key(retro.id()), user));
        });
    return ctx.ack();
  }

  private Response onMine(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    String user = p.getUser().getId();
    open(
        p,
        () -> {
          Retro retro = collectingFromAnnouncement(p);
          List<RetroItem> mine = jdbi.onDemand(RetroRepository.class).itemsBy(retro.id(), user);
          slack.openView(p.getTriggerId(), MyItemsModal.build(retro, mine, key(retro.id())));
        });
    return ctx.ack();
  }

  /** "Edit" in "My items": only an item of that retro that the clicker wrote. */
  private Response onEdit(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    String[] ids = p.getActions().get(0).getValue().split(":", 2);
    String user = p.getUser().getId();
    open(
        p,
        () -> {
          Retro retro = collecting(AnnouncementClicks.retroId(ids[0]));
          RetroKey key = key(retro.id());
          List<RetroItem> mine = jdbi.onDemand(RetroRepository.class).itemsBy(retro.id(), user);
          RetroItem item = ids.length == 2 ? key.byRef(mine).get(ids[1]) : null;
          if (item == null) {
            LOG.info(
                "Refused to open an item of retro {} for editing: not the author's", retro.id());
            return;
          }
          View view = p.getView();
          slack.updateView(view.getId(), view.getHash(), ItemModal.build(retro, item, key, user));
        });
    return ctx.ack();
  }

  private Response onSubmit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var p = req.getPayload();
    ItemModal.Submitted s = ItemModal.read(p.getView().getState().getValues());
    if (!s.errors().isEmpty()) {
      return ctx.ack(r -> r.responseAction("errors").errors(s.errors()));
    }
    try {
      ItemForm form = ItemForm.parse(p.getView().getPrivateMetadata());
      jdbi.useTransaction(h -> save(h, form, s, p.getUser().getId(), p.getView()));
      return ctx.ack();
    } catch (DrumbeatException e) {
      return ctx.ack(r -> r.responseAction("errors").errors(Map.of("text", e.getMessage())));
    }
  }

  /**
   * Saves a submitted item form in {@code h}'s transaction, checking again everything it carries:
   * the form was opened for {@code user}, the retro is collecting (its row locked, so no item lands
   * after voting opened), and an edited item is one of {@code user}'s items of that retro. A replay
   * of a saved form changes nothing.
   *
   * @throws DrumbeatException (the field error) when refused; nothing is saved
   */
  private void save(Handle h, ItemForm form, ItemModal.Submitted s, String user, View view) {
    RetroKey key = RetroKey.of(h, form.retroId());
    if (!form.openedFor(key, user)) {
      throw new DrumbeatException(
          "This form was opened for someone else. Open it again from the retro's announcement.");
    }
    if (!replays.first(h, Replays.VIEW, key.replayId(view.getId(), view.getHash()))) {
      return;
    }
    RetroRepository items = h.attach(RetroRepository.class);
    if (items.lockPhase(form.retroId()).orElse(null) != RetroPhase.COLLECTING) {
      throw new DrumbeatException("Items can no longer be changed: this retro is past collecting.");
    }
    Retro retro = items.find(form.retroId()).orElseThrow();
    if (!form.edits()) {
      items.addItem(retro.id(), s.category(), s.text(), retro.named() ? user : null);
    } else {
      RetroItem item = key.byRef(items.itemsBy(retro.id(), user)).get(form.ref());
      int changed =
          item == null
              ? 0
              : s.delete()
                  ? items.deleteItem(retro.id(), item.id(), user)
                  : items.editItem(retro.id(), item.id(), user, s.category(), s.text());
      if (changed == 0) {
        throw new DrumbeatException("That item is gone, or it is not yours.");
      }
    }
    announcer.refreshSoon(retro.id());
  }

  private RetroKey key(long retroId) {
    return jdbi.inTransaction(h -> RetroKey.of(h, retroId));
  }

  /** The retro of an announcement button, collecting items, clicked in its channel. */
  private Retro collectingFromAnnouncement(BlockActionPayload p) {
    Retro retro = collecting(AnnouncementClicks.retroId(p));
    AnnouncementClicks.requireChannelOf(p, retro);
    return retro;
  }

  private Retro collecting(long id) {
    Retro retro =
        jdbi.onDemand(RetroRepository.class)
            .find(id)
            .orElseThrow(() -> new DrumbeatException("That retro is gone."));
    if (retro.phase() != RetroPhase.COLLECTING) {
      throw new DrumbeatException(
          "The retro is " + retro.phase().label() + "; items can no longer be added or changed.");
    }
    return retro;
  }

  /** Opens a modal now; a refusal or a failed {@code views.open} is told to the clicker. */
  private void open(BlockActionPayload p, Runnable open) {
    try {
      open.run();
    } catch (SlackCallException e) {
      followups.tell(p.getResponseUrl(), ModalTrouble.explain(e, "click the button again"));
    } catch (DrumbeatException e) {
      followups.tell(p.getResponseUrl(), ":warning: " + e.getMessage());
    }
  }
}
