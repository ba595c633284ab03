package io.drumbeat.okr;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.DrumbeatException;
import io.drumbeat.config.OkrConfig;
import io.drumbeat.slack.Background;
import io.drumbeat.slack.Replies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Slack side of check-ins: {@value #COMMAND}, the check-in modal's submission, the KR select
 * inside it, and the "Update now" button of the Friday reminder. Every listener acks at once;
 * opening the modal and announcing the check-in run in the {@link Background}.
 */
final class OkrListeners {
  /** The slash command (declared in manifest.yml). */
  public static final String COMMAND = "/okr-update";

  /** {@code action_id} of the reminder's "Update now" button. */
  public static final String UPDATE_NOW = "okr_update_now";

  private final CheckInService service;
  private final CheckInModalOpener opener;
  private final OkrCalendar calendar;
  private final OkrConfig config;
  private final Background modals;
  private final Background background;

  /**
   * @param service check-in storage and announcements
   * @param opener builds and opens the modal
   * @param calendar organisation time
   * @param config the {@code okr} section (for help text)
   * @param modals where modals are opened after the ack (a pool of its own, so a person never waits
   *     behind rate-limited messages and their {@code trigger_id} does not expire)
   * @param background where the rest of the work after the ack runs
   */
  public OkrListeners(
      CheckInService service,
      CheckInModalOpener opener,
      OkrCalendar calendar,
      OkrConfig config,
      Background modals,
      Background background) {
    this.service = service;
    this.opener = opener;
    this.calendar = calendar;
    this.config = config;
    this.modals = modals;
    this.background = background;
  }

  /** Registers the listeners on {@code app}. */
  public void register(App app) {
    app.command(COMMAND, this::onCommand);
    app.viewSubmission(CheckInModal.CALLBACK_ID, this::onSubmit);
    app.blockAction(CheckInModal.KR_SELECT, this::onKrSelected);
    app.blockAction(UPDATE_NOW, this::onUpdateNow);
  }

  private Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
    var p = req.getPayload();
    String arg = p.getText() == null ? "" : p.getText().trim().toLowerCase(java.util.Locale.ROOT);
    if (arg.equals("help")) {
      return ctx.ack(help());
    }
    if (!arg.isEmpty() && !arg.equals("all")) {
      return ctx.ack("I don't know `" + io.drumbeat.slack.SlashText.mrkdwn(arg) + "`.\n" + help());
    }
    Map<String, KeyResult> owned = service.ownedNow(p.getUserId());
    if (owned.isEmpty()) {
      return ctx.ack(noKeyResults());
    }
    modals.run(
        "open check-in modal",
        () -> {
          try {
            opener.open(p.getTriggerId(), new ArrayList<>(owned.values()), arg.equals("all"), null);
          } catch (DrumbeatException e) {
            Replies.text(
                ctx::respond,
                "I could not open the check-in form ("
                    + e.getMessage()
                    + "). Please run `/okr-update` again.");
          }
        });
    return ctx.ack();
  }

  private Response onSubmit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var p = req.getPayload();
    String userId = p.getUser().getId();
    ModalState state = ModalState.fromJson(p.getView().getPrivateMetadata());
    Map<String, KeyResult> owned = service.ownedNow(userId);
    CheckInForm.Result result = CheckInForm.read(p.getView().getState().getValues(), state, owned);
    if (!result.isValid()) {
      return ctx.ack(r -> r.responseAction("errors").errors(result.errors()));
    }
    List<CheckIn> saved = service.save(userId, calendar.currentWeek(), result.entries());
    background.run("announce check-in", () -> service.announce(userId, saved));
    return ctx.ack();
  }

  private Response onKrSelected(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    String chosen = p.getActions().get(0).getSelectedOption().getValue();
    ModalState state = ModalState.fromJson(p.getView().getPrivateMetadata());
    String userId = p.getUser().getId();
    modals.run(
        "follow KR select",
        () ->
            opener.update(
                p.getView().getId(),
                p.getView().getHash(),
                state,
                service.ownedNow(userId),
                chosen));
    return ctx.ack();
  }

  private Response onUpdateNow(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    String userId = p.getUser().getId();
    Map<String, KeyResult> owned = service.ownedNow(userId);
    if (owned.isEmpty()) {
      background.run("explain no KRs", () -> Replies.text(ctx::respond, noKeyResults()));
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
    modals.run(
        "open check-in modal from reminder",
        () -> {
          try {
            opener.open(
                p.getTriggerId(),
                offer,
                offer.size() > 1,
                offer.size() == 1 ? offer.get(0).krKey() : null);
          } catch (DrumbeatException e) {
            Replies.text(
                ctx::respond,
                "I could not open the check-in form (" + e.getMessage() + "). Try `/okr-update`.");
          }
        });
    return ctx.ack();
  }

  private String help() {
    return "*`/okr-update`* check in on one of your key results for this week: status, current value,"
        + " confidence (1 = very unlikely to hit the target this quarter, 10 = certain) and a note.\n"
        + "*`/okr-update all`* one section per key result, for owners of several; leave a KR blank to"
        + " skip it.\n*`/okr-update help`* this help.\n"
        + "Check-ins are filed under the current ISO week ("
        + calendar.currentWeek()
        + ", "
        + calendar.zone()
        + "); submitting again the same week revises it. Owners who have not"
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
