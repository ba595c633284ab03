package io.drumbeat.retro;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.DrumbeatException;
import io.drumbeat.delivery.Followups;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@value #COMMAND}: {@code start}, {@code vote}, {@code discuss}, {@code close}, {@code action}
 * and {@code help}, and the facilitator's phase buttons. Acks at once with an ephemeral answer and
 * makes no Slack call; what a move posts is recorded with it and delivered by the outbox after the
 * ack, and a start in another channel waits for {@link StartCheck}.
 */
final class RetroCommand {
  /** The slash command (declared in manifest.yml). */
  public static final String COMMAND = "/retro";

  private final RetroStarter starter;
  private final StartCheck startCheck;
  private final RetroPhases phases;
  private final ActionItems actions;
  private final Followups followups;

  /**
   * @param starter starts retros and finds the open one
   * @param startCheck starts a retro in another channel once its facilitator is found in it
   * @param phases moves retros between phases
   * @param actions records action items
   * @param followups replaces the facilitator's controls after a button
   */
  RetroCommand(
      RetroStarter starter,
      StartCheck startCheck,
      RetroPhases phases,
      ActionItems actions,
      Followups followups) {
    this.starter = starter;
    this.startCheck = startCheck;
    this.phases = phases;
    this.actions = actions;
    this.followups = followups;
  }

  /** Registers the command and the phase buttons on {@code app}. */
  public void register(App app) {
    app.command(COMMAND, this::onCommand);
    app.blockAction(Pattern.compile("^" + RetroControls.MOVE + "_.*"), this::onMoveButton);
  }

  private Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
    var p = req.getPayload();
    String text = p.getText() == null ? "" : p.getText().trim();
    String verb = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    String rest = text.contains(" ") ? text.substring(text.indexOf(' ') + 1).trim() : "";
    String user = p.getUserId();
    try {
      return switch (verb) {
        case "start" -> start(StartOptions.parse(rest), user, p, ctx);
        case "vote" -> move(starter.current(p.getChannelId()), RetroPhase.VOTING, user, ctx);
        case "discuss" -> move(starter.current(p.getChannelId()), RetroPhase.DISCUSSING, user, ctx);
        case "close" -> move(starter.current(p.getChannelId()), RetroPhase.CLOSED, user, ctx);
        case "action" -> ctx.ack(actions.add(actionRetro(p.getChannelId(), user), rest));
        case "", "help" -> ctx.ack(help());
        default ->
            ctx.ack("I don't know `" + io.drumbeat.slack.SlashText.mrkdwn(verb) + "`.\n" + help());
      };
    } catch (DrumbeatException e) {
      return ctx.ack(":warning: " + e.getMessage());
    }
  }

  /**
   * Starts a retro: at once in the channel the command was typed in (the caller is in it);
   * elsewhere only after {@link StartCheck} found the caller among that channel's members, since no
   * Slack call may run inside the ack.
   */
  private Response start(
      StartOptions options, String user, SlashCommandPayload p, SlashCommandContext ctx) {
    String channel = starter.channelFor(options, p.getChannelId());
    if (channel.equals(p.getChannelId())) {
      Retro retro = starter.start(options, user, channel, p.getResponseUrl());
      String news = RetroControls.STARTED;
      return ctx.ack(
          r -> r.responseType("ephemeral").text(news).blocks(RetroControls.blocks(retro, news)));
    }
    StartOptions resolved = starter.resolved(options);
    starter.precheck(resolved, channel);
    startCheck.request(resolved, user, channel, p.getResponseUrl());
    return ctx.ack(":hourglass_flowing_sand: Checking that you are in <#" + channel + ">…");
  }

  /**
   * The retro {@code /retro action} typed in {@code channel} by {@code user} records into: the open
   * retro of that channel (the caller is in it); else the configured channel's, only for its
   * facilitator or an admin.
   *
   * @throws DrumbeatException (for the user) when there is none, or it is not theirs to use here
   */
  private Retro actionRetro(String channel, String user) {
    Retro retro = starter.current(channel);
    if (!retro.channel().equals(channel) && !phases.mayMove(retro, user)) {
      throw new DrumbeatException(
          "Run `/retro action` in <#"
              + retro.channel()
              + ">: action items are recorded in the retro's channel.");
    }
    return retro;
  }

  private Response move(Retro retro, RetroPhase to, String user, SlashCommandContext ctx) {
    Retro moved = phases.move(retro, to, user);
    String news = ":white_check_mark: " + news(moved);
    return ctx.ack(
        r -> r.responseType("ephemeral").text(news).blocks(RetroControls.blocks(moved, news)));
  }

  private Response onMoveButton(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    RetroControls.Move m;
    Retro retro;
    try {
      m = RetroControls.parse(p.getActions().get(0).getValue());
      retro = starter.find(m.retroId());
    } catch (DrumbeatException e) {
      followups.tell(p.getResponseUrl(), ":warning: " + e.getMessage());
      return ctx.ack();
    }
    String news;
    try {
      retro = phases.move(retro, m.to(), p.getUser().getId());
      news = ":white_check_mark: " + news(retro);
    } catch (DrumbeatException e) {
      news = ":warning: " + e.getMessage();
    }
    followups.replace(p.getResponseUrl(), news, RetroControls.blocks(retro, news));
    return ctx.ack();
  }

  private static String news(Retro moved) {
    return switch (moved.phase()) {
      case VOTING -> "Voting is open: everyone has " + moved.votesPerPerson() + " votes.";
      case DISCUSSING -> "Voting is closed; the ranked topics are posted.";
      case CLOSED ->
          "The retro is closed; the notes are posted. For a Markdown copy:"
              + " `java -jar drumbeat.jar export retro "
              + moved.id()
              + " --format md`";
      case COLLECTING -> "Collecting items.";
    };
  }

  private static String help() {
    return "*`/retro start TITLE [--votes N] [--named] [--channel #channel] [--okrs FY2027-Q1]`*"
        + " start a retro (you facilitate it; items are anonymous unless `--named`).\n"
        + "*`/retro vote`* open voting · *`/retro discuss`* close voting and post the ranked topics"
        + " · *`/retro close`* post the notes (facilitator or admin).\n"
        + "*`/retro action TEXT @owner [YYYY-MM-DD]`* record an action item; the owner gets a DM.";
  }
}
