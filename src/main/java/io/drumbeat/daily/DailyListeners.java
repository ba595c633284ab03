package io.drumbeat.daily;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.DrumbeatException;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.ModalTrouble;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.Replays;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The Slack side of daily updates: {@value #COMMAND} (the modal, {@code ooo}, {@code history},
 * {@code help}), the "Write update" button of the prompt and reminder, and the modal's submission.
 * The modal opens on the request thread before the ack (a {@code trigger_id} lives 3 seconds); a
 * submission stores the update and records its posts in one transaction, and the outbox posts them.
 *
 * <p>A submission is checked again whatever the modal said: the update is always the submitting
 * user's own, they must still be in a team, and the date in {@code private_metadata} must be today
 * in their zone (a form opened before midnight and sent after it is refused on the field, with the
 * text still in it). Nothing else can be written: earlier days are history.
 */
final class DailyListeners {
  /** The slash command (declared in manifest.yml). */
  public static final String COMMAND = "/daily-update";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd", Locale.ENGLISH);

  private final Jdbi jdbi;
  private final DailyService service;
  private final DailyRoster roster;
  private final DailyPosts posts;
  private final SlackGateway slack;
  private final Followups followups;
  private final Replays replays;
  private final HistoryAccess access;
  private final Clock clock;

  /**
   * @param jdbi database
   * @param service members' days
   * @param roster members' teams
   * @param posts records the team posts of an update
   * @param slack Web API (modals)
   * @param followups ephemeral replies after the ack
   * @param replays submissions already handled
   * @param access who may read whose history
   * @param clock the time source
   */
  DailyListeners(
      Jdbi jdbi,
      DailyService service,
      DailyRoster roster,
      DailyPosts posts,
      SlackGateway slack,
      Followups followups,
      Replays replays,
      HistoryAccess access,
      Clock clock) {
    this.jdbi = jdbi;
    this.service = service;
    this.roster = roster;
    this.posts = posts;
    this.slack = slack;
    this.followups = followups;
    this.replays = replays;
    this.access = access;
    this.clock = clock;
  }

  /** Registers the listeners on {@code app}. */
  public void register(App app) {
    app.command(COMMAND, this::onCommand);
    app.blockAction(DailyNotices.WRITE, this::onWrite);
    app.viewSubmission(DailyModal.CALLBACK_ID, this::onSubmit);
  }

  private Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
    var p = req.getPayload();
    String text = p.getText() == null ? "" : p.getText().trim();
    String verb = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    String rest = text.contains(" ") ? text.substring(text.indexOf(' ') + 1).trim() : "";
    try {
      return switch (verb) {
        case "" -> openModal(p.getUserId(), p.getTriggerId(), ctx);
        case "help" -> ctx.ack(help());
        case "ooo" ->
            ctx.ack(new OutOfOfficeCommand(jdbi, service, posts.home()).run(p.getUserId(), rest));
        case "history" -> history(p.getUserId(), rest, ctx);
        default ->
            ctx.ack("I don't know `" + io.drumbeat.slack.SlashText.mrkdwn(verb) + "`.\n" + help());
      };
    } catch (DrumbeatException e) {
      return ctx.ack(":warning: " + Mrkdwn.escape(e.getMessage()));
    }
  }

  private Response openModal(String userId, String triggerId, SlashCommandContext ctx) {
    if (roster.teamsOf(userId).isEmpty()) {
      return ctx.ack(
          "You are not in any team in drumbeat.yml, so there is no channel to post your"
              + " daily update to. Ask an admin to add you to a team.");
    }
    Optional<String> trouble = open(userId, triggerId, service.localDate(userId));
    return trouble.isPresent() ? ctx.ack(trouble.get()) : ctx.ack();
  }

  private Response onWrite(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    String userId = p.getUser().getId();
    open(userId, p.getTriggerId(), service.localDate(userId))
        .ifPresent(trouble -> followups.answer(p.getResponseUrl(), p.getUser().getId(), trouble));
    return ctx.ack();
  }

  /** Opens the modal now; returns what to tell the person when it could not open. */
  private Optional<String> open(String userId, String triggerId, LocalDate date) {
    Optional<DailyUpdate> existing = jdbi.onDemand(DailyRepository.class).find(userId, date);
    try {
      slack.openView(
          triggerId,
          DailyModal.build(
              date,
              existing.orElse(null),
              roster.teamsOf(userId).stream().map(roster::channelOf).toList()));
      return Optional.empty();
    } catch (SlackCallException e) {
      return Optional.of(ModalTrouble.explain(e, "run `/daily-update` again"));
    }
  }

  private Response onSubmit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var p = req.getPayload();
    String userId = p.getUser().getId();
    Optional<LocalDate> shown = DailyModal.date(p.getView().getPrivateMetadata());
    Optional<String> refusal = refusal(userId, shown);
    if (refusal.isPresent()) {
      return ctx.ack(r -> r.responseAction("errors").errors(Map.of("yesterday", refusal.get())));
    }
    Map<String, String> answers = DailyModal.answers(p.getView().getState().getValues());
    Map<String, String> errors = DailyModal.errors(answers);
    if (!errors.isEmpty()) {
      return ctx.ack(r -> r.responseAction("errors").errors(errors));
    }
    LocalDate date = shown.orElseThrow();
    DailyUpdate update =
        new DailyUpdate(
            userId,
            date,
            answers.get("yesterday"),
            answers.get("next"),
            answers.get("blockers"),
            clock.instant());
    String replay = Replays.view(p.getView().getId(), p.getView().getHash());
    jdbi.useTransaction(
        h -> {
          if (replays.first(h, Replays.VIEW, replay)) {
            h.attach(DailyRepository.class).save(update);
            posts.publish(h, update);
          }
        });
    return ctx.ack();
  }

  /** Why {@code userId} may not file the update for {@code shown} (a field error), if so. */
  private Optional<String> refusal(String userId, Optional<LocalDate> shown) {
    if (shown.isEmpty()) {
      return Optional.of(
          "This form is out of date: Drumbeat cannot tell which day it was for, so nothing was"
              + " saved. Copy your text, close the form and run /daily-update again.");
    }
    if (roster.teamsOf(userId).isEmpty()) {
      return Optional.of(
          "You are not in any team in drumbeat.yml, so there is no channel to post your update"
              + " to. Ask an admin to add you to a team.");
    }
    LocalDate today = service.localDate(userId);
    if (!shown.get().equals(today)) {
      return Optional.of(
          "This form is for "
              + DAY.format(shown.get())
              + ", but it is "
              + DAY.format(today)
              + " in your time zone ("
              + service.zoneOf(userId)
              + "), and only today's update can be written. Copy your text, close this form and"
              + " run /daily-update for today's.");
    }
    return Optional.empty();
  }

  private Response history(String userId, String args, SlashCommandContext ctx) {
    HistoryQuery query = DailyHistory.parse(args, userId, service.localDate(userId));
    Optional<String> refusal = access.refusal(userId, query.userId());
    if (refusal.isPresent()) {
      return ctx.ack(refusal.get());
    }
    var updates = access.readable(userId, query);
    return ctx.ack(
        r ->
            r.responseType("ephemeral")
                .text("Daily updates")
                .blocks(DailyHistory.page(query, updates, 1)));
  }

  private static String help() {
    return "*`/daily-update`* write today's update (what took up your time, what is next, blockers);"
        + " run it again the same day to edit it.\n"
        + "*`/daily-update ooo 2026-12-21 2027-01-04`* out of office, inclusive dates in your time zone:"
        + " no prompts or reminders. `/daily-update ooo off` ends it; `/daily-update ooo` shows it.\n"
        + "*`/daily-update history [@member] [FROM] [TO]`* updates in a date range (default: yours, the"
        + " last 7 days). You can read your own and those of people who share a team with you, as"
        + " posted in channels you can read.";
  }
}
