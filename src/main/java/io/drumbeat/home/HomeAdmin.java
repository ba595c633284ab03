package io.drumbeat.home;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.drumbeat.HomeSection;
import io.drumbeat.admin.AdminAction;
import io.drumbeat.admin.AdminJobs;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Home's own admin part: how many deliveries failed for good and wait for an admin (outbox rows
 * marked {@code FAILED}), and one button per {@code /drumbeat} job. A job button runs the same
 * db-scheduler job as the command, after the ack, and its report comes by DM; a click by someone
 * who is not an admin (any more) is refused by DM and runs nothing.
 */
final class HomeAdmin implements HomeSection {
  /** {@code action_id} of a job button; its value is the job's words, e.g. "digest now". */
  static final String RUN_JOB = "home_admin_job";

  /** Slack's limit of elements in one actions block. */
  private static final int MAX_BUTTONS = 25;

  private static final Logger LOG = LoggerFactory.getLogger(HomeAdmin.class);
  private final List<AdminAction> actions;
  private final AdminJobs jobs;
  private final Predicate<String> isAdmin;
  private final Followups followups;

  /**
   * @param actions the {@code /drumbeat} jobs
   * @param jobs runs them
   * @param isAdmin whether a user id is an admin's
   * @param followups tells a refused clicker by DM
   */
  HomeAdmin(
      List<AdminAction> actions, AdminJobs jobs, Predicate<String> isAdmin, Followups followups) {
    this.actions = List.copyOf(actions);
    this.jobs = jobs;
    this.isAdmin = isAdmin;
    this.followups = followups;
  }

  @Override
  public List<LayoutBlock> blocks(Handle handle, String userId, int maxBlocks) {
    return List.of();
  }

  @Override
  public List<LayoutBlock> adminBlocks(Handle handle, int maxBlocks) {
    int failed =
        handle
            .createQuery("select count(*) from outbox where state = 'FAILED'")
            .mapTo(Integer.class)
            .one();
    String text =
        failed == 0
            ? ":white_check_mark: No failed deliveries."
            : ":x: *"
                + failed
                + "* deliveries failed for good and wait for you (the admins were told by DM"
                + " of each).";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(text))));
    List<BlockElement> buttons = new ArrayList<>();
    for (AdminAction a : actions.subList(0, Math.min(actions.size(), MAX_BUTTONS))) {
      String label = Mrkdwn.truncate(capitalised(a.words()), 75);
      buttons.add(
          button(
              b -> b.actionId(RUN_JOB + ":" + a.words()).text(plainText(label)).value(a.words())));
    }
    if (!buttons.isEmpty() && maxBlocks > 1) {
      blocks.add(actions(b -> b.blockId("home_admin_jobs").elements(buttons)));
    }
    return blocks;
  }

  private static String capitalised(String words) {
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  @Override
  public void register(App app) {
    app.blockAction(
        java.util.regex.Pattern.compile("^" + RUN_JOB + ":.*$"), (req, ctx) -> onRun(req, ctx));
  }

  private Response onRun(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    String userId = p.getUser().getId();
    String words = p.getActions().get(0).getValue();
    if (!isAdmin.test(userId)) {
      LOG.info("Refused a Home job button from {}: not an admin", userId);
      followups.dm(userId, ":no_entry: Only admins may run Drumbeat's jobs.");
    } else if (actions.stream().noneMatch(a -> a.words().equals(words))) {
      followups.dm(userId, ":warning: That button is out of date; open the Home tab again.");
    } else {
      jobs.start(new AdminJobs.Job(words, userId, null));
    }
    return ctx.ack();
  }
}
