package io.drumbeat.okr;

import io.drumbeat.slack.SlackGateway;
import java.util.List;
import java.util.Map;

/**
 * Builds the check-in modal for a person's KRs and opens it ({@code views.open}) or redraws it
 * after the KR select changed ({@code views.update}).
 */
final class CheckInModalOpener {
  private final CheckInService service;
  private final OkrCalendar calendar;
  private final SlackGateway slack;

  /**
   * @param service latest check-ins for prefilling
   * @param calendar organisation time
   * @param slack Web API
   */
  public CheckInModalOpener(CheckInService service, OkrCalendar calendar, SlackGateway slack) {
    this.service = service;
    this.calendar = calendar;
    this.slack = slack;
  }

  /**
   * Opens the modal.
   *
   * @param triggerId from the slash command or button (valid for about 3 s)
   * @param krs the KRs to offer, in order; all mode shows the first {@link
   *     CheckInModal#MAX_SECTIONS}, the select at most 100 (Slack's limit per select)
   * @param all one section per KR
   * @param preselect KR key to preselect in single mode, or null (a single KR is preselected)
   * @throws io.drumbeat.slack.SlackCallException e.g. {@code expired_trigger_id}
   */
  public void open(String triggerId, List<KeyResult> krs, boolean all, String preselect) {
    List<KeyResult> shown = all ? krs.stream().limit(CheckInModal.MAX_SECTIONS).toList() : krs;
    ModalState state =
        new ModalState(
            calendar.currentQuarter().toString(),
            calendar.currentWeek().toString(),
            // Only "all" mode needs the keys back (at most MAX_SECTIONS of them, well within
            // private_metadata's 3000 characters); single mode re-reads the owner's KRs.
            all ? shown.stream().map(KeyResult::krKey).toList() : List.of(),
            all);
    KeyResult selected =
        shown.stream()
            .filter(kr -> kr.krKey().equals(preselect) || shown.size() == 1)
            .findFirst()
            .orElse(null);
    slack.openView(
        triggerId,
        CheckInModal.build(state, shown, service.latest(shown, calendar.currentWeek()), selected));
  }

  /**
   * Redraws an open single-mode modal for the KR {@code chosen}, keeping the week and quarter it
   * showed.
   *
   * @param state the modal's state, as read by {@link ModalState#read}
   * @param owned the caller's KRs in {@code state.quarter()}; a {@code chosen} key that is not one
   *     of them redraws the form with nothing chosen
   * @throws io.drumbeat.slack.SlackCallException e.g. {@code hash_conflict}
   */
  public void update(
      String viewId, String hash, ModalState state, Map<String, KeyResult> owned, String chosen) {
    List<KeyResult> krs = List.copyOf(owned.values());
    KeyResult selected = owned.get(chosen);
    slack.updateView(
        viewId,
        hash,
        CheckInModal.build(state, krs, service.latest(krs, state.isoWeek()), selected));
  }

  /**
   * Replaces an open modal that cannot be read any more with {@link CheckInModal#outOfDate()}.
   *
   * @throws io.drumbeat.slack.SlackCallException e.g. {@code hash_conflict}
   */
  public void outOfDate(String viewId, String hash) {
    slack.updateView(viewId, hash, CheckInModal.outOfDate());
  }
}
