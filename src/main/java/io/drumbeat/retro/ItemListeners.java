package io.drumbeat.retro;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.DrumbeatException;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.ModalTrouble;
import io.drumbeat.slack.Replays;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Items: "Add item" opens the item modal (before the ack); its submission stores the item (no
 * author for an anonymous retro) and asks for a batched redraw of the announcement's count. In a
 * named retro, "My items" lists the caller's items to edit or delete while items are collected.
 * Nothing here logs who wrote what.
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
    long id = Long.parseLong(p.getActions().get(0).getValue());
    open(p, () -> slack.openView(p.getTriggerId(), ItemModal.build(collecting(id), null)));
    return ctx.ack();
  }

  private Response onMine(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    long id = Long.parseLong(p.getActions().get(0).getValue());
    String user = p.getUser().getId();
    open(
        p,
        () ->
            slack.openView(
                p.getTriggerId(),
                MyItemsModal.build(
                    collecting(id), jdbi.onDemand(RetroRepository.class).itemsBy(id, user))));
    return ctx.ack();
  }

  private Response onEdit(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    String[] ids = p.getActions().get(0).getValue().split(":");
    long retroId = Long.parseLong(ids[0]);
    long itemId = Long.parseLong(ids[1]);
    String user = p.getUser().getId();
    open(
        p,
        () -> {
          Retro retro = collecting(retroId);
          jdbi.onDemand(RetroRepository.class).itemsBy(retroId, user).stream()
              .filter(i -> i.id() == itemId)
              .findFirst()
              .ifPresentOrElse(
                  item ->
                      slack.updateView(
                          p.getView().getId(), p.getView().getHash(), ItemModal.build(retro, item)),
                  () ->
                      LOG.info(
                          "Refused to open retro {} item for editing: not the author's", retroId));
        });
    return ctx.ack();
  }

  private Response onSubmit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var p = req.getPayload();
    ItemModal.Submitted s = ItemModal.read(p.getView().getState().getValues());
    if (!s.errors().isEmpty()) {
      return ctx.ack(r -> r.responseAction("errors").errors(s.errors()));
    }
    String[] ids = p.getView().getPrivateMetadata().split(":");
    long retroId = Long.parseLong(ids[0]);
    RetroRepository repo = jdbi.onDemand(RetroRepository.class);
    Retro retro = repo.find(retroId).orElse(null);
    if (retro == null || retro.phase() != RetroPhase.COLLECTING) {
      return ctx.ack(
          r ->
              r.responseAction("errors")
                  .errors(
                      Map.of(
                          "text",
                          "Items can no longer be changed: this retro is past collecting.")));
    }
    String user = p.getUser().getId();
    String replay = Replays.view(p.getView().getId(), p.getView().getHash());
    jdbi.useTransaction(
        h -> {
          if (!replays.first(h, Replays.VIEW, replay)) {
            return;
          }
          RetroRepository items = h.attach(RetroRepository.class);
          if (ids.length == 1) {
            items.addItem(retroId, s.category(), s.text(), retro.named() ? user : null);
          } else if (s.delete()) {
            items.deleteItem(Long.parseLong(ids[1]), user);
          } else {
            items.editItem(Long.parseLong(ids[1]), user, s.category(), s.text());
          }
          announcer.refreshSoon(retroId);
        });
    return ctx.ack();
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
