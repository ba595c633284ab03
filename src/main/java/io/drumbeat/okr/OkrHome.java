package io.drumbeat.okr;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.HomeSection;
import io.drumbeat.Shared;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The Home's "My key results": each KR the person owns this quarter with whether it is checked in
 * this week, its latest value against its target, its progress and an <em>Update</em> button (the
 * check-in modal for that KR); <em>Update all</em> opens one section per KR. For admins: this
 * week's check-in coverage and the KRs still missing. The buttons are the reminder's {@value
 * OkrListeners#UPDATE_NOW} with the value {@code kr:KEY} or {@code all}.
 */
public final class OkrHome implements HomeSection {
  /** Most missing KRs an admin sees named. */
  private static final int NAMED_MISSING = 20;

  private final OkrCalendar calendar;

  /**
   * @param s the shared parts (clock, zone and fiscal year of the configuration)
   */
  public OkrHome(Shared s) {
    this.calendar =
        new OkrCalendar(s.clock(), s.config().timezone(), s.config().fiscalYearStartMonth());
  }

  @Override
  public List<LayoutBlock> blocks(Handle handle, String userId, int maxBlocks) {
    OkrRepository repo = handle.attach(OkrRepository.class);
    String quarter = calendar.currentQuarter().toString();
    String week = calendar.currentWeek().toString();
    List<KeyResult> krs = repo.keyResultsOwnedBy(quarter, userId);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(markdownText("*My key results* · " + quarter + " · this week is " + week))));
    if (krs.isEmpty()) {
      blocks.add(context(c -> c.elements(List.of(markdownText("You own no key results.")))));
      return blocks;
    }
    Map<String, CheckIn> latest =
        repo.latestCheckIns(quarter).stream()
            .collect(Collectors.toMap(CheckIn::krKey, Function.identity(), (a, b) -> b));
    int room = maxBlocks - 3;
    int shown = krs.size() <= room + 1 ? krs.size() : room;
    for (KeyResult kr : krs.subList(0, shown)) {
      blocks.add(line(kr, latest.get(kr.krKey()), week));
    }
    if (shown < krs.size()) {
      String more = "…and " + (krs.size() - shown) + " more: *Update all* shows them.";
      blocks.add(context(c -> c.elements(List.of(markdownText(more)))));
    }
    blocks.add(
        actions(
            a ->
                a.blockId("home_okr")
                    .elements(
                        List.of(
                            button(
                                b ->
                                    b.actionId(OkrListeners.UPDATE_NOW)
                                        .text(plainText("Update all"))
                                        .value("all"))))));
    return blocks;
  }

  private static LayoutBlock line(KeyResult kr, CheckIn last, String week) {
    boolean thisWeek = last != null && last.isoWeek().equals(week);
    StringBuilder text =
        new StringBuilder("*")
            .append(Mrkdwn.escape(kr.krKey()))
            .append("* ")
            .append(Mrkdwn.escape(kr.title()))
            .append('\n');
    text.append(
        thisWeek
            ? last.status().emoji() + " Checked in this week: " + last.status().label()
            : ":warning: Missing this week");
    if (last != null) {
      text.append("\nLatest (").append(last.isoWeek()).append("): ");
      text.append(Mrkdwn.escape(kr.format(last.currentValue())));
      if (kr.isMeasured()) {
        text.append(" · ").append(Mrkdwn.escape(kr.describeTarget()));
        OptionalInt progress = kr.progressPercent(last.currentValue());
        progress.ifPresent(p -> text.append(" · progress ").append(p).append(" %"));
      }
    } else {
      text.append("\nNo check-in yet this quarter · ").append(Mrkdwn.escape(kr.describeTarget()));
    }
    String shown = Mrkdwn.truncate(text.toString(), Mrkdwn.MAX_TEXT);
    return section(
        s ->
            s.text(markdownText(shown))
                .accessory(
                    button(
                        b ->
                            b.actionId(OkrListeners.UPDATE_NOW)
                                .text(plainText("Update"))
                                .value("kr:" + kr.krKey()))));
  }

  @Override
  public List<LayoutBlock> adminBlocks(Handle handle, int maxBlocks) {
    OkrRepository repo = handle.attach(OkrRepository.class);
    String quarter = calendar.currentQuarter().toString();
    String week = calendar.currentWeek().toString();
    List<KeyResult> krs = repo.keyResults(quarter);
    List<String> checkedIn =
        repo.checkIns(quarter, List.of(week)).stream().map(CheckIn::krKey).toList();
    List<KeyResult> missing = krs.stream().filter(kr -> !checkedIn.contains(kr.krKey())).toList();
    StringBuilder text =
        new StringBuilder("*Check-ins this week* (")
            .append(week)
            .append("): ")
            .append(krs.size() - missing.size())
            .append(" of ")
            .append(krs.size())
            .append(" KRs");
    if (!missing.isEmpty()) {
      text.append(", missing: ");
      text.append(
          missing.stream()
              .limit(NAMED_MISSING)
              .map(kr -> Mrkdwn.escape(kr.krKey()) + " (<@" + kr.ownerId() + ">)")
              .collect(Collectors.joining(", ")));
      if (missing.size() > NAMED_MISSING) {
        text.append(" and ").append(missing.size() - NAMED_MISSING).append(" more");
      }
    }
    String shown = Mrkdwn.truncate(text.toString(), Mrkdwn.MAX_TEXT);
    return List.of(section(s -> s.text(markdownText(shown))));
  }
}
