package io.drumbeat.retro;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.ModalTrouble;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import io.drumbeat.slack.SlashText;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The "Add to retro" message shortcut ({@code callback_id} {@value #CALLBACK_ID}, declared in both
 * manifests): on any message in a channel whose open retro is collecting items, it opens the item
 * modal for that retro, its text prefilled with the message's text as it reads (Slack's escaping
 * and mention tokens decoded by {@link SlashText#plain}, so nothing in it can ping; cut to the
 * item's limit). The person picks the prompt and may edit the text; the item is saved by the item
 * modal's own submission (anonymous unless the retro is named). Neither the message's author nor
 * its link is stored. Without a collecting retro in the channel, the person is told so ephemerally
 * (the shortcut's {@code response_url}); the modal opens before the ack.
 */
final class AddToRetro {
  /** The shortcut's {@code callback_id}: {@value}. */
  static final String CALLBACK_ID = "add_to_retro";

  private final Jdbi jdbi;
  private final SlackGateway slack;
  private final Followups followups;

  AddToRetro(Jdbi jdbi, SlackGateway slack, Followups followups) {
    this.jdbi = jdbi;
    this.slack = slack;
    this.followups = followups;
  }

  /** Registers the shortcut on {@code app}. */
  void register(App app) {
    app.messageShortcut(CALLBACK_ID, this::onShortcut);
  }

  private Response onShortcut(MessageShortcutRequest req, MessageShortcutContext ctx) {
    var p = req.getPayload();
    String userId = p.getUser().getId();
    String channel = p.getChannel() == null ? null : p.getChannel().getId();
    Optional<Retro> retro =
        channel == null ? Optional.empty() : jdbi.onDemand(RetroRepository.class).openIn(channel);
    if (retro.isEmpty()) {
      followups.tell(
          p.getResponseUrl(),
          ":warning: There is no open retro in this channel, so there is nothing to add this"
              + " message to. Start one with `/retro start TITLE`.");
      return ctx.ack();
    }
    if (retro.get().phase() != RetroPhase.COLLECTING) {
      followups.tell(
          p.getResponseUrl(),
          ":warning: The retro in this channel is "
              + retro.get().phase().label()
              + ", so items can no longer be added.");
      return ctx.ack();
    }
    String text = p.getMessage() == null ? "" : SlashText.plain(p.getMessage().getText());
    try {
      RetroKey key = jdbi.inTransaction(h -> RetroKey.of(h, retro.get().id()));
      slack.openView(p.getTriggerId(), ItemModal.build(retro.get(), null, key, userId, text));
    } catch (SlackCallException e) {
      followups.tell(p.getResponseUrl(), ModalTrouble.explain(e, "use *Add to retro* again"));
    }
    return ctx.ack();
  }
}
