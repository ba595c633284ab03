package io.drumbeat.daily;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datePicker;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.drumbeat.HomeRefresh;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.ModalTrouble;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The App Home's out-of-office controls: <em>Set out of office</em> opens a small modal with two
 * date pickers (first and last day, inclusive, in the member's zone; prefilled with the period set
 * now, else today), and <em>End out of office</em> ends the period at once. The rules are those of
 * {@code /daily-update ooo}: the last day may not be before the first, nor before today; a period
 * that began earlier is kept and takes effect today. Errors come back on the date fields. Each
 * change redraws the member's Home in its transaction.
 */
final class OutOfOfficeModal {
  /** {@code action_id} of the Home's "Set out of office" button. */
  static final String SET = "home_ooo_set";

  /** {@code action_id} of the Home's "End out of office" button. */
  static final String END = "home_ooo_end";

  /** {@code callback_id} of the modal. */
  static final String CALLBACK_ID = "home_ooo";

  private final Jdbi jdbi;
  private final SlackGateway slack;
  private final HomeRefresh home;
  private final Followups followups;
  private final Function<String, LocalDate> today;

  OutOfOfficeModal(
      Jdbi jdbi,
      SlackGateway slack,
      HomeRefresh home,
      Followups followups,
      Function<String, LocalDate> today) {
    this.jdbi = jdbi;
    this.slack = slack;
    this.home = home;
    this.followups = followups;
    this.today = today;
  }

  /** Registers both buttons and the modal's submission. */
  void register(App app) {
    app.blockAction(SET, this::onSet);
    app.blockAction(END, this::onEnd);
    app.viewSubmission(CALLBACK_ID, this::onSubmit);
  }

  private Response onSet(BlockActionRequest req, ActionContext ctx) {
    String userId = req.getPayload().getUser().getId();
    Optional<OutOfOffice> now = jdbi.onDemand(DailyRepository.class).outOfOffice(userId);
    LocalDate day = today.apply(userId);
    try {
      slack.openView(
          req.getPayload().getTriggerId(),
          view(
              now.map(OutOfOffice::firstDay).orElse(day),
              now.map(OutOfOffice::lastDay).orElse(day)));
    } catch (SlackCallException e) {
      followups.dm(userId, ModalTrouble.explain(e, "click *Set out of office* again"));
    }
    return ctx.ack();
  }

  private static View view(LocalDate first, LocalDate last) {
    return View.builder()
        .type("modal")
        .callbackId(CALLBACK_ID)
        .title(ViewTitle.builder().type("plain_text").text("Out of office").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Save").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(
            List.of(
                input(
                    i ->
                        i.blockId("first")
                            .label(plainText("First day away"))
                            .element(
                                datePicker(
                                    d -> d.actionId("first").initialDate(first.toString())))),
                input(
                    i ->
                        i.blockId("last")
                            .label(plainText("Last day away (inclusive)"))
                            .element(
                                datePicker(d -> d.actionId("last").initialDate(last.toString()))))))
        .build();
  }

  private Response onEnd(BlockActionRequest req, ActionContext ctx) {
    String userId = req.getPayload().getUser().getId();
    jdbi.useTransaction(
        h -> {
          h.attach(DailyRepository.class).clearOutOfOffice(userId);
          home.redraw(h, userId);
        });
    return ctx.ack();
  }

  private Response onSubmit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    String userId = req.getPayload().getUser().getId();
    var values = req.getPayload().getView().getState().getValues();
    Optional<LocalDate> first = date(values, "first");
    Optional<LocalDate> last = date(values, "last");
    Map<String, String> errors = new LinkedHashMap<>();
    if (first.isEmpty()) {
      errors.put("first", "Pick the first day you are away.");
    }
    if (last.isEmpty()) {
      errors.put("last", "Pick the last day you are away.");
    } else if (first.isPresent() && last.get().isBefore(first.get())) {
      errors.put("last", "The last day is before the first.");
    } else if (last.get().isBefore(today.apply(userId))) {
      errors.put("last", "This day has passed; an absence must end today or later.");
    }
    if (!errors.isEmpty()) {
      return ctx.ack(r -> r.responseAction("errors").errors(errors));
    }
    jdbi.useTransaction(
        h -> {
          h.attach(DailyRepository.class)
              .setOutOfOffice(new OutOfOffice(userId, first.get(), last.get()));
          home.redraw(h, userId);
        });
    return ctx.ack();
  }

  private static Optional<LocalDate> date(
      Map<String, Map<String, ViewState.Value>> values, String id) {
    ViewState.Value v = values.getOrDefault(id, Map.of()).get(id);
    if (v == null || v.getSelectedDate() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v.getSelectedDate()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
