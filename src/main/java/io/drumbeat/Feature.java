package io.drumbeat;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.slack.api.bolt.App;
import io.drumbeat.admin.AdminAction;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one feature (OKR check-ins, daily updates) contributes to the assembled app.
 *
 * @param oneTime its one-time db-scheduler tasks
 * @param recurring its recurring tasks
 * @param listeners registers its Slack listeners on the Bolt app
 * @param adminActions its {@code /drumbeat} jobs
 * @param helpLine one line for {@code /drumbeat help}
 */
record Feature(
    List<Task<?>> oneTime,
    List<RecurringTask<Void>> recurring,
    Consumer<App> listeners,
    List<AdminAction> adminActions,
    String helpLine) {}
