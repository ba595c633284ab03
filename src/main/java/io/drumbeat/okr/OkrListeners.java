package io.drumbeat.okr;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.config.OkrConfig;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.ModalTrouble;
import io.drumbeat.slack.Replays;
import io.drumbeat.slack.SlackCallException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of check-ins: {@value #COMMAND}, the check-in modal's submission, the KR select
 * inside it, and the "Update now" button of the Friday reminder. Modals open (and redraw) on the
 * request thread before the ack, within the {@code trigger_id}'s 3 seconds; a submission stores the
 * check-ins and records their echo and confirmation in one transaction, delivered by the outbox.
 *
 * <p>A submission files under the week the modal showed, while that week is open ({@link
 * CheckInWindow}), and only for KRs the caller owns in the quarter it showed; {@code
 * private_metadata} and the select's value are checked again on every submission. A form that
 * cannot be read any more is replaced by an explanation ({@code response_action: update}).
 */
final class OkrListeners {
  /** The slash command (declared in manifest.yml). */
  public static final String COMMAND = "/okr-update";

  /**
   * {@code action_id} of the reminder's "Update now" button, and of the App Home's "Update" (value
   * {@code kr:KEY}: that KR, if the clicker owns it) and "Update all" (value {@code all}).
   */
  public static final String UPDATE_NOW = "okr_update_now";

  private final CheckInService service;
  private final CheckInModalOpener opener;
  private final OkrCalendar calendar;
  private final CheckInWindow window;
  private static final Logger LOG = LoggerFactory.getLogger(OkrListeners.class);
  private final OkrConfig config;
  private final Followups followups;
  private final CheckInHistory history;

  /**
   * @param service check-in storage and announcements
   * @param opener builds and opens the modal
   * @param calendar organisation time
   * @param window which weeks are still open
   * @param config the {@code okr} section (for help text)
   * @param followups ephemeral replies after the ack
   * @param history {@code /okr-update history}
   */
  OkrListeners(
      CheckInService service,
      CheckInModalOpener opener,
      OkrCalendar calendar,
      CheckInWindow window,
      OkrConfig config,
      Followups followups,
      CheckInHistory history) {
    this.service = service;
    this.opener = opener;
    this.calendar = calendar;
    this.window = window;
    this.config = config;
    this.followups = followups;
    this.history = history;
  }

  /** Registers the listeners on {@code app}. */
  public void register(App app) {
    app.command(COMMAND, this::onCommand);
    app.viewSubmission(CheckInModal.CALLBACK_ID, this::onSubmit);
    new HistoryListeners(history, followups).register(app);
    app.blockAction(CheckInModal.KR_SELECT, this::onKrSelected);
    app.blockAction(UPDATE_NOW, this::onUpdateNow);
  }

  private Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
    var p = req.getPayload();
    String arg = p.getText() == null ? "" : p.getText().trim().toLowerCase(java.util.Locale.ROOT);
    if (arg.equals("help")) {
      return ctx.ack(help());
    }
    if (arg.equals("history") || arg.startsWith("history ")) {
      String kr = io.drumbeat.slack.SlashText.plain(p.getText()).strip().substring(7).strip();
      CheckInHistory.Reply reply =
          history.command(p.getUserId(), kr.isEmpty() ? Optional.empty() : Optional.of(kr));
      return ctx.ack(
          r ->
              r.responseType("ephemeral")
                  .text(reply.text())
                  .blocks(HistoryListeners.blocksOf(reply)));
    }
    if (!arg.isEmpty() && !arg.equals("all")) {
      return ctx.ack("I don't know `" + io.drumbeat.slack.SlashText.mrkdwn(arg) + "`.\n" + help());
    }
    Map<String, KeyResult> owned = service.ownedNow(p.getUserId());
    if (owned.isEmpty()) {
      return ctx.ack(noKeyResults());
    }
    try {
      opener.open(p.getTriggerId(), new ArrayList<>(owned.values()), arg.equals("all"), null);
      return ctx.ack();
    } catch (SlackCallException e) {
      return ctx.ack(ModalTrouble.explain(e, "run `/okr-update` again"));
    }
  }

  private Response onSubmit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var p = req.getPayload();
    String userId = p.getUser().getId();
    Optional<ModalState> read = readable(p.getView().getPrivateMetadata());
    if (read.isEmpty()) {
      LOG.info("Refused an out-of-date check-in form from {}", userId);
      return ctx.ack(r -> r.responseAction("update").view(CheckInModal.outOfDate()));
    }
    ModalState state = read.get();
    Optional<String> closed = window.closed(state.isoWeek());
    if (closed.isPresent()) {
      String block = state.all() ? state.krs().get(0) + ":status" : "kr";
      return ctx.ack(r -> r.responseAction("errors").errors(Map.of(block, closed.get())));
    }
    Map<String, KeyResult> owned = service.owned(state.quarter(), userId);
    CheckInForm.Result result = CheckInForm.read(p.getView().getState().getValues(), state, owned);
    if (!result.isValid()) {
      return ctx.ack(r -> r.responseAction("errors").errors(result.errors()));
    }
    service.save(
        userId,
        state.isoWeek(),
        result.entries(),
        Replays.view(p.getView().getId(), p.getView().getHash()));
    return ctx.ack();
  }

  /** The modal's state when this version wrote it and the modal can have shown its week. */
  private Optional<ModalState> readable(String privateMetadata) {
    return ModalState.read(privateMetadata)
        .filter(s -> window.couldHaveShown(s.isoWeek(), s.fiscalQuarter()));
  }

  private Response onKrSelected(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    String chosen = p.getActions().get(0).getSelectedOption().getValue();
    Optional<ModalState> state = readable(p.getView().getPrivateMetadata());
    String userId = p.getUser().getId();
    try {
      if (state.isEmpty()) {
        opener.outOfDate(p.getView().getId(), p.getView().getHash());
      } else {
        Map<String, KeyResult> owned = service.owned(state.get().quarter(), userId);
        opener.update(p.getView().getId(), p.getView().getHash(), state.get(), owned, chosen);
      }
    } catch (SlackCallException e) {
      LOG.info("The check-in modal of {} was not redrawn: {}", userId, e.error());
    }
    return ctx.ack();
  }

  private Response onUpdateNow(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    String userId = p.getUser().getId();
    Map<String, KeyResult> owned = service.ownedNow(userId);
    if (owned.isEmpty()) {
      followups.answer(p.getResponseUrl(), p.getUser().getId(), noKeyResults());
      return ctx.ack();
    }
    Map<String, CheckIn> thisWeek =
        service.latest(List.copyOf(owned.values()), calendar.currentWeek());
    List<KeyResult> missing =
        owned.values().stream()
            .filter(
                kr ->
                    !thisWeek.containsKey(kr.krKey())
                        || !thisWeek
                            .get(kr.krKey())
                            .isoWeek()
                            .equals(calendar.currentWeek().toString()))
            .toList();
    List<KeyResult> offer = missing.isEmpty() ? List.copyOf(owned.values()) : missing;
    // From the App Home: "kr:KEY" is one KR of the caller's (re-checked), "all" every one.
    String value = p.getActions().get(0).getValue();
    String chosen = value != null && value.startsWith("kr:") ? value.substring(3) : null;
    if ("all".equals(value) || owned.containsKey(chosen)) {
      offer = List.copyOf(owned.values());
    }
    try {
      boolean all = !owned.containsKey(chosen) && offer.size() > 1;
      opener.open(
          p.getTriggerId(),
          offer,
          all,
          owned.containsKey(chosen) ? chosen : offer.size() == 1 ? offer.get(0).krKey() : null);
    } catch (SlackCallException e) {
      followups.answer(
          p.getResponseUrl(),
          p.getUser().getId(),
          ModalTrouble.explain(e, "click *Update now* again"));
    }
    return ctx.ack();
  }

  private String help() {
    return "*`/okr-update`* check in on one of your key results for this week: status, current value,"
        + " confidence (1 = very unlikely to hit the target this quarter, 10 = certain) and a note.\n"
        + "*`/okr-update all`* one section per key result, for owners of several; leave a KR blank to"
        + " skip it.\n*`/okr-update history [KR]`* a key result's check-ins this quarter, week by"
        + " week (yours, or any KR for approvers and admins).\n*`/okr-update help`* this help.\n"
        + "Check-ins are filed under the ISO week the form shows (now "
        + calendar.currentWeek()
        + ", "
        + calendar.zone()
        + "); submitting again the same week revises it. A week closes when the digest that"
        + " shows it is due. Owners who have not"
        + " checked in get a private reminder at "
        + config.reminderAt()
        + " their time; the digest"
        + " is posted at "
        + config.digestAt()
        + ".";
  }

  private String noKeyResults() {
    return "You own no key results in "
        + calendar.currentQuarter()
        + ", so there is nothing to check"
        + " in. KRs come from the quarter's OKR file, which an admin imports with"
        + " `drumbeat okrs import`; ask them if a KR should be yours.";
  }
}
