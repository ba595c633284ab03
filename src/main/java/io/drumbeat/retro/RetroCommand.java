package io.drumbeat.retro;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.DrumbeatException;
import io.drumbeat.slack.Background;
import io.drumbeat.slack.Replies;
import io.drumbeat.slack.SlackCallException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@value #COMMAND}: {@code start}, {@code vote}, {@code discuss}, {@code close}, {@code action}
 * and {@code help}, and the facilitator's phase buttons. Acks at once with an ephemeral answer;
 * Slack posts happen after the ack.
 */
final class RetroCommand {
  /** The slash command (declared in manifest.yml). */
  public static final String COMMAND = "/retro";

  private final RetroStarter starter;
  private final RetroPhases phases;
  private final Announcer announcer;
  private final ActionItems actions;
  private final Background background;

  /**
   * @param starter starts retros and finds the open one
   * @param phases moves retros between phases
   * @param announcer posts announcements
   * @param actions records action items
   * @param background where Slack posts go after the ack
   */
  public RetroCommand(
      RetroStarter starter,
      RetroPhases phases,
      Announcer announcer,
      ActionItems actions,
      Background background) {
    this.starter = starter;
    this.phases = phases;
    this.announcer = announcer;
    this.actions = actions;
    this.background = background;
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
        case "start" -> start(StartOptions.parse(rest), user, p.getChannelId(), ctx);
        case "vote" -> move(starter.current(p.getChannelId()), RetroPhase.VOTING, user, ctx);
        case "discuss" -> move(starter.current(p.getChannelId()), RetroPhase.DISCUSSING, user, ctx);
        case "close" -> move(starter.current(p.getChannelId()), RetroPhase.CLOSED, user, ctx);
        case "action" -> ctx.ack(actions.add(starter.current(p.getChannelId()), rest));
        case "", "help" -> ctx.ack(help());
        default ->
            ctx.ack("I don't know `" + io.drumbeat.slack.SlashText.mrkdwn(verb) + "`.\n" + help());
      };
    } catch (DrumbeatException e) {
      return ctx.ack(":warning: " + e.getMessage());
    }
  }

  private Response start(
      StartOptions options, String user, String channel, SlashCommandContext ctx) {
    Retro retro = starter.start(options, user, channel);
    background.run(
        "announce a retro",
        () -> {
          try {
            announcer.announce(retro);
          } catch (SlackCallException e) {
            phases.abandon(retro);
            Replies.text(
                ctx::respond,
                ":x: I could not post in <#"
                    + retro.channel()
                    + "> ("
                    + e.error()
                    + "), so the retro was not started. If it is a private channel, invite me"
                    + " with `/invite @Drumbeat`, then start again.");
          }
        });
    String news = ":white_check_mark: Started. Everyone can add items from the announcement.";
    return ctx.ack(
        r -> r.responseType("ephemeral").text(news).blocks(RetroControls.blocks(retro, news)));
  }

  private Response move(Retro retro, RetroPhase to, String user, SlashCommandContext ctx) {
    Retro moved = phases.move(retro, to, user);
    background.run("publish a retro phase", () -> phases.publish(moved));
    String news = ":white_check_mark: " + news(moved);
    return ctx.ack(
        r -> r.responseType("ephemeral").text(news).blocks(RetroControls.blocks(moved, news)));
  }

  private Response onMoveButton(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    RetroControls.Move m = RetroControls.parse(p.getActions().get(0).getValue());
    String user = p.getUser().getId();
    background.run(
        "move a retro from its controls",
        () -> {
          Retro retro = starter.find(m.retroId());
          String news;
          try {
            Retro moved = phases.move(retro, m.to(), user);
            news = ":white_check_mark: " + news(moved);
            retro = moved;
            phases.publish(moved);
          } catch (DrumbeatException e) {
            news = ":warning: " + e.getMessage();
          }
          Replies.replaceEphemeral(ctx::respond, news, RetroControls.blocks(retro, news));
        });
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
