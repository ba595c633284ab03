package io.drumbeat.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.retro.RetroFeature;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo's quarterly retro: items, a refused move, voting, topics, an action item, notes. */
final class RetroDemoScript {
  private final SignedRequests requests;
  private final Transcript t;
  private final PrintStream out;
  private final DemoSteps steps;

  RetroDemoScript(SignedRequests requests, Transcript t, PrintStream out, DemoSteps steps) {
    this.requests = requests;
    this.t = t;
    this.out = out;
    this.steps = steps;
  }

  void play() throws InterruptedException {
    t.narrate(
        steps.now()
            + ": Avery starts the quarter's retro in #retros (retro.channel). It opens with the"
            + " FY2027-Q4 scorecard; only Avery sees the controls.");
    HttpResponse<String> started =
        requests.command(
            "U0AAA1", "/retro", "start Q4 retro --okrs FY2027-Q4 --votes 2", "C0RETROS");
    DemoSteps.expectOk(started);
    t.ephemeral("U0AAA1", started.body());
    steps.settle("U0AAA1");
    String retroId = "1";
    t.narrate(
        "Sam and Rosa add items from the announcement. Items are anonymous: no author is stored.");
    addItem("U0BBB2", retroId, "WINS", "Search p99 is down by 500 ms");
    addItem("U0CCC3", retroId, "NOT_WELL", "The backfill slipped a week <!channel>");
    addItem("U0BBB2", retroId, "START", "Pair on reviews of risky changes");
    t.narrate("Rosa is not the facilitator and tries /retro vote.");
    steps.command("U0CCC3", "/retro", "vote");
    t.narrate("Avery opens voting: the announcement is edited and now has a Vote button.");
    steps.command("U0AAA1", "/retro", "vote");
    vote(retroId);
    t.narrate("Avery closes voting: the topics are posted, ranked by votes.");
    steps.command("U0AAA1", "/retro", "discuss");
    t.narrate("They agree an action item; Rosa gets a DM with a Mark done button.");
    steps.command(
        "U0AAA1", "/retro", "action Add a backfill progress check <@U0CCC3|rosa> 2026-12-04");
    t.narrate("Avery closes the retro: the notes go to #retros for everyone to read.");
    steps.command("U0AAA1", "/retro", "close");
    t.narrate("Rosa finishes her action item and marks it done from the DM.");
    requests.clickButton("U0CCC3", RetroFeature.ACTION_DONE, "1", "D0CCC3");
    steps.settle("U0CCC3");
  }

  private void addItem(String user, String retroId, String category, String text)
      throws InterruptedException {
    requests.clickButton(user, RetroFeature.ADD_ITEM, retroId, "C0RETROS");
    steps.settle(user);
    HttpResponse<String> response =
        steps.submit(
            user,
            new FormValues().select("category", "category", category).text("text", "text", text));
    DemoSteps.expectOk(response);
  }

  private void vote(String retroId) throws InterruptedException {
    t.narrate(
        "Sam clicks Vote: a private modal lists every item by prompt. He ticks all three, one over"
            + " his two votes.");
    requests.clickButton("U0BBB2", RetroFeature.VOTE, retroId, "C0RETROS");
    steps.settle("U0BBB2");
    HttpResponse<String> over = steps.submit("U0BBB2", ticks("Search", "backfill", "Pair"));
    out.println("  ┌ The modal stays open with a field error: " + over.body());
    out.println("  └");
    t.narrate("Sam unticks one and votes; Rosa votes too. Nobody sees totals until voting closes.");
    steps.submit("U0BBB2", ticks("backfill", "Pair"));
    requests.clickButton("U0CCC3", RetroFeature.VOTE, retroId, "C0RETROS");
    steps.settle("U0CCC3");
    steps.submit("U0CCC3", ticks("backfill"));
  }

  /**
   * The latest voting modal with the items whose text contains one of {@code words} ticked, each in
   * its checkbox group (an option's value is an opaque reference, not an item number).
   */
  private FormValues ticks(String... words) {
    Map<String, List<String>> byGroup = new LinkedHashMap<>();
    for (JsonNode block : steps.lastView().path("blocks")) {
      JsonNode element = block.path("element");
      if (!RetroFeature.VOTE_PICK.equals(element.path("action_id").asText())) {
        continue;
      }
      List<String> ticked = new ArrayList<>();
      for (JsonNode option : element.path("options")) {
        String text = option.path("text").path("text").asText();
        if (List.of(words).stream().anyMatch(text::contains)) {
          ticked.add(option.path("value").asText());
        }
      }
      byGroup.put(block.path("block_id").asText(), ticked);
    }
    FormValues values = new FormValues();
    byGroup.forEach(
        (group, ticked) ->
            values.checkboxes(group, RetroFeature.VOTE_PICK, ticked.toArray(String[]::new)));
    return values;
  }
}
