package io.drumbeat.admin;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@value #COMMAND}: help for everyone, and on-demand jobs for the admins listed in {@code
 * drumbeat.yml} (anyone else gets an ephemeral refusal). The job runs after the ack as a
 * db-scheduler execution ({@link AdminJobs}); its report comes back through the command's {@code
 * response_url}, visible only to the admin.
 */
public final class DrumbeatCommand {
  /** The slash command (declared in manifest.yml). */
  public static final String COMMAND = "/drumbeat";

  private static final Logger LOG = LoggerFactory.getLogger(DrumbeatCommand.class);
  private final List<AdminAction> actions;
  private final List<String> userCommands;
  private final Predicate<String> isAdmin;
  private final AdminJobs jobs;
  private final List<SubCommand> subCommands;

  /**
   * @param actions the admin jobs
   * @param userCommands help lines for everyone's commands, e.g. "`/okr-update` check in on your
   *     KRs"
   * @param isAdmin whether a Slack user id is an admin
   * @param jobs runs the jobs
   */
  public DrumbeatCommand(
      List<AdminAction> actions,
      List<String> userCommands,
      Predicate<String> isAdmin,
      AdminJobs jobs) {
    this(actions, userCommands, isAdmin, jobs, List.of());
  }

  /**
   * A command that also runs {@code subCommands} ({@code /drumbeat WORD …}, answered in the ack);
   * otherwise as {@link #DrumbeatCommand(List, List, Predicate, AdminJobs)}.
   */
  public DrumbeatCommand(
      List<AdminAction> actions,
      List<String> userCommands,
      Predicate<String> isAdmin,
      AdminJobs jobs,
      List<SubCommand> subCommands) {
    this.subCommands = List.copyOf(subCommands);
    this.actions = List.copyOf(actions);
    this.userCommands = List.copyOf(userCommands);
    this.isAdmin = isAdmin;
    this.jobs = jobs;
  }

  /** Registers the command on {@code app}. */
  public void register(App app) {
    app.command(COMMAND, this::onCommand);
  }

  private Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
    String text = req.getPayload().getText() == null ? "" : req.getPayload().getText();
    String typed = String.join(" ", text.trim().split("\\s+"));
    String words = typed.toLowerCase(Locale.ROOT);
    if (words.isEmpty() || words.equals("help")) {
      return ctx.ack(help());
    }
    String first = words.split(" ", 2)[0];
    SubCommand sub =
        subCommands.stream().filter(c -> c.word().equals(first)).findFirst().orElse(null);
    if (sub != null) {
      String args = text.trim().substring(first.length()).trim();
      return ctx.ack(
          sub.handler().run(req.getPayload().getUserId(), args, req.getPayload().getResponseUrl()));
    }
    AdminAction.Match match = AdminAction.find(actions, typed).orElse(null);
    AdminAction action = match == null ? null : match.action();
    if (action == null) {
      return ctx.ack(
          "I don't know `/drumbeat " + io.drumbeat.slack.SlashText.mrkdwn(words) + "`.\n" + help());
    }
    String userId = req.getPayload().getUserId();
    if (!isAdmin.test(userId)) {
      return ctx.ack(
          ":no_entry: Only Drumbeat admins can run `/drumbeat "
              + action.words()
              + "`. Admins are listed under `admins` in drumbeat.yml.");
    }
    LOG.info("{} ran /drumbeat {}", userId, action.words());
    jobs.start(new AdminJobs.Job(typed, userId, req.getPayload().getResponseUrl()));
    return ctx.ack(
        ":hourglass_flowing_sand: Running `/drumbeat "
            + io.drumbeat.slack.SlashText.mrkdwn(typed)
            + "`…");
  }

  private String help() {
    StringBuilder text = new StringBuilder("*Drumbeat commands*\n");
    userCommands.forEach(line -> text.append("• ").append(line).append('\n'));
    subCommands.forEach(c -> text.append("• ").append(c.usage()).append('\n'));
    text.append("• `/drumbeat help` this list\n*Admins only*\n");
    actions.forEach(
        a ->
            text.append("• `/drumbeat ")
                .append(a.words())
                .append("` ")
                .append(a.description())
                .append('\n'));
    return text.toString();
  }
}
