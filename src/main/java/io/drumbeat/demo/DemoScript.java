package io.drumbeat.demo;

import io.drumbeat.Drumbeat;
import io.drumbeat.okr.OkrFeature;
import io.drumbeat.schedule.MovableClock;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The steps of the demo week, narrated. */
final class DemoScript {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
  private final SignedRequests requests;
  private final Transcript t;
  private final PrintStream out;
  private final DemoSteps steps;
  private final SignedRequests overSocket;
  private final DemoSteps socketSteps;

  /**
   * @param requests the OKR and daily steps' requests (signed HTTP POSTs)
   * @param overSocket the retrospective's requests (Socket Mode envelopes)
   */
  DemoScript(
      Drumbeat app,
      SlackDouble slack,
      SignedRequests requests,
      SignedRequests overSocket,
      Transcript t,
      MovableClock clock,
      PrintStream out) {
    this.requests = requests;
    this.t = t;
    this.out = out;
    this.steps = new DemoSteps(app, slack, requests, t, clock);
    this.overSocket = overSocket;
    this.socketSteps = new DemoSteps(app, slack, overSocket, t, clock);
  }

  void play() throws InterruptedException {
    t.narrate(steps.now() + ": Avery Chen (owns KR1.1) types /okr-update in #distributioneers.");
    steps.command("U0AAA1", "/okr-update", "");
    t.narrate("Avery types \"about 700\" as the current value and presses Save.");
    HttpResponse<String> rejected =
        steps.submit(
            "U0AAA1",
            new FormValues()
                .select("kr", OkrFeature.KR_SELECT, "KR1.1")
                .select("status", "status", "ON_TRACK")
                .text("value", "value", "about 700")
                .select("confidence", "confidence", "7"));
    out.println(
        "  ┌ The modal stays open with a field error (HTTP "
            + rejected.statusCode()
            + "): "
            + rejected.body());
    out.println("  └");
    t.narrate("Avery corrects it to 700 and saves.");
    steps.submit(
        "U0AAA1",
        new FormValues()
            .select("kr", OkrFeature.KR_SELECT, "KR1.1")
            .select("status", "status", "ON_TRACK")
            .text("value", "value", "700")
            .select("confidence", "confidence", "7")
            .text(
                "note",
                "note",
                "Shard rebalancing landed & cut p99 by 500 ms. Next: cache warm-up."));
    t.narrate(
        steps.now()
            + ": a day of daily updates. Avery missed her 09:30 prompt while Drumbeat was"
            + " starting, so it comes now (still before the 15:00 reminder); she clicks \"Write update\".");
    steps.advanceUntil(ZonedDateTime.of(2026, 11, 18, 10, 30, 0, 0, Demo.LA));
    requests.clickButton("U0AAA1", "daily_write", "2026-11-18", "D0AAA1");
    steps.settle("U0AAA1");
    t.narrate(
        "Avery answers the handbook's questions; the update is posted to #distributioneers in the"
            + " handbook's format.");
    steps.submit("U0AAA1", averysUpdate());
    t.narrate(
        "Avery adds a blocker the same day: the posted message is edited in place, never posted twice.");
    steps.command("U0AAA1", "/daily-update", "");
    steps.submit(
        "U0AAA1",
        averysUpdate().text("blockers", "text", "Waiting for a review of the tracing PR"));
    t.narrate(
        "The week goes on: every workday each member gets a private prompt at 09:30 their time and,"
            + " if they have not posted, a private reminder at 15:00. KR owners without a check-in are"
            + " reminded at FRI 14:00 in their own zone (Sam is in Auckland, Rosa in Berlin). The team's"
            + " weekly digest goes out FRI 16:00.");
    steps.advanceUntil(ZonedDateTime.of(2026, 11, 20, 18, 0, 0, 0, Demo.LA));
    t.narrate(
        steps.now() + ": Sam clicks \"Update now\" in the reminder; the modal lists his two KRs.");
    requests.clickButton("U0BBB2", OkrFeature.UPDATE_NOW, "2026-W47", "D0BBB2");
    steps.settle("U0BBB2");
    t.narrate(
        "Sam fills in KR1.2 only (a note typed with <!channel> pings nobody) and leaves KR2.1 blank.");
    steps.submit(
        "U0BBB2",
        new FormValues()
            .select("KR1.2:status", "status", "AT_RISK")
            .text("KR1.2:value", "value", "61")
            .select("KR1.2:confidence", "confidence", "5")
            .text(
                "KR1.2:note",
                "note",
                "Backfill is slower than planned <!channel> & we need one more week."));
    t.narrate(
        "Sam revises KR1.2 the same week with /okr-update: the echo is edited, not posted again.");
    steps.command("U0BBB2", "/okr-update", "");
    steps.submit(
        "U0BBB2",
        new FormValues()
            .select("kr", OkrFeature.KR_SELECT, "KR1.2")
            .select("status", "status", "AT_RISK")
            .text("value", "value", "64")
            .select("confidence", "confidence", "6"));
    t.narrate(
        "Sam opens Drumbeat's Home tab: his key results this week, with Update buttons (the"
            + " outbox publishes it with views.publish after the event is acked).");
    steps.openHome("U0BBB2");
    t.narrate("Sam puts an item on the VP sync's agenda; Monday's digest shows it, by name.");
    steps.command("U0BBB2", "/drumbeat", "agenda add Hiring plan for Q1 & the on-call rota");
    t.narrate("Rosa (not an admin) tries /drumbeat digest now.");
    steps.command("U0CCC3", "/drumbeat", "digest now");
    t.narrate("Monday 08:00 in Los Angeles: the digest for the VP sync is posted to #vp-sync.");
    steps.advanceUntil(ZonedDateTime.of(2026, 11, 23, 8, 30, 0, 0, Demo.LA));
    t.narrate(
        "In the digest's thread above: the quarter's trend chart, a PNG drawn on the server and"
            + " shared with files.getUploadURLExternal, the upload, files.completeUploadExternal.");
    t.narrate(
        "Dana (an admin) posts this quarter's scorecard so far (a draft until week 1 of the next), with its grades.");
    steps.command("U0ADMIN1", "/drumbeat", "scorecard FY2027-Q4");
    t.narrate(
        "The retrospective runs over Socket Mode: Drumbeat opened two WebSocket connections to"
            + " Slack itself (apps.connections.open), so it needs no public URL. The same"
            + " listeners answer; each envelope is acked with its envelope_id.");
    new RetroDemoScript(overSocket, t, out, socketSteps).play();
  }

  private static FormValues averysUpdate() {
    return new FormValues()
        .text(
            "yesterday",
            "text",
            "Helped a customer with search scaling questions\n"
                + "Opened a PR to update Jaeger tracing https://github.com/example/search/pull/9330")
        .text("next", "text", "Regression test suite");
  }
}
