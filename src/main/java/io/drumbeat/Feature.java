package io.drumbeat;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.slack.api.bolt.App;
import io.drumbeat.admin.AdminAction;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one feature (OKR check-ins, daily updates, retrospectives) contributes to the assembled app.
 * Each feature package builds its own from a {@link Shared} (for example {@code
 * io.drumbeat.okr.OkrFeature#assemble}); {@link Drumbeat} collects them, registers the listeners on
 * its one Bolt app and hands the tasks to its one job scheduler.
 *
 * @param oneTime its one-time db-scheduler tasks (task names unique across features)
 * @param recurring its recurring tasks, scheduled at start-up
 * @param listeners registers its slash commands, block actions and view submissions on the Bolt app
 * @param adminActions its {@code /drumbeat} jobs, empty when it has none
 * @param helpLine one mrkdwn line for {@code /drumbeat help}
 */
public record Feature(
    List<Task<?>> oneTime,
    List<RecurringTask<Void>> recurring,
    Consumer<App> listeners,
    List<AdminAction> adminActions,
    String helpLine) {}
