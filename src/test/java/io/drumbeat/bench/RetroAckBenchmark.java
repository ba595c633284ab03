package io.drumbeat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.retro.RetroCategory;
import io.drumbeat.retro.RetroFeature;
import io.drumbeat.retro.RetroRepository;
import io.drumbeat.store.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Part of {@link AckLatencyBenchmark} (run with {@code scripts/benchmark.sh}): the acks of retro
 * modal submissions. "Add item" stores an anonymous item; a ballot (3 ticks in a retro of 80 items)
 * replaces the voter's votes in a transaction that locks the retro's row. Each of 20 senders opens
 * their own form once and submits it again and again, each time as a new view (not a replay).
 */
final class RetroAckBenchmark {
  private RetroAckBenchmark() {}

  static final int SENDERS = 20;

  /** Runs only the retro part: {@code [REQUESTS_PER_SENDER (default 10)]}. */
  public static void main(String[] args) throws Exception {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 10);
    System.exit(0); // the in-process Drumbeat's rate-limited background queue is abandoned
  }

  static void run(int perSender) throws Exception {
    System.out.printf(
        "%n== Retro acks: %d senders x %d requests after as many to warm up, in-process Drumbeat"
            + " (manual scheduler) on H2 ==%n",
        SENDERS, perSender);
    TestSlackApp t = TestSlackApp.start(TestDb.H2, OkrBurst.WEDNESDAY);
    t.requests.command("U0AAA1", "/retro", "start Benchmark retro --votes 3", "C0DIST");
    t.settle();
    RetroRepository repo = t.database.jdbi().onDemand(RetroRepository.class);
    long id = repo.openIn("C0DIST").orElseThrow().id();
    List<String> senders =
        IntStream.rangeClosed(1, SENDERS).mapToObj(i -> String.format("U0R%02d", i)).toList();
    for (String sender : senders) {
      t.slack.addUser(sender, "Sender " + sender, "America/Los_Angeles");
      t.slack.addMember("C0DIST", sender);
      t.slack.addMember("C0PAYMENTS", sender);
    }
    List<JsonNode> forms = opened(t, senders, RetroFeature.ADD_ITEM, id, "C0DIST");
    FormValues item =
        new FormValues()
            .select("category", "category", "LEARNED")
            .text("text", "text", "Smaller pull requests are reviewed sooner");
    AtomicInteger next = new AtomicInteger();
    Burst.Request addItem =
        i -> t.requests.submitView(senders.get(i), fresh(forms.get(i), next), item);
    Burst.run(SENDERS, perSender, addItem, Burst.expecting(""));
    System.out.println(
        Burst.run(SENDERS, perSender, addItem, Burst.expecting(""))
            .line("view_submission (add item)"));

    t.requests.command("U0AAA1", "/retro", "start Voting benchmark", "C0PAYMENTS");
    t.settle();
    long voting = repo.openIn("C0PAYMENTS").orElseThrow().id();
    for (int i = 0; i < 80; i++) {
      repo.addItem(voting, RetroCategory.values()[i % 7], "Item " + i, null);
    }
    t.requests.command("U0AAA1", "/retro", "vote", "C0PAYMENTS");
    t.settle();
    List<JsonNode> ballots = opened(t, senders, RetroFeature.VOTE, voting, "C0PAYMENTS");
    Burst.Request vote =
        i ->
            t.requests.submitView(
                senders.get(i), fresh(ballots.get(i), next), ticks(ballots.get(i)));
    String clear = "{\"response_action\":\"clear\"}";
    Burst.run(SENDERS, perSender, vote, Burst.expecting(clear));
    System.out.println(
        Burst.run(SENDERS, perSender, vote, Burst.expecting(clear))
            .line("view_submission (ballot)"));
    System.out.printf(
        "  items stored: %d; voters: %d%n", repo.itemCount(id), repo.voterCount(voting));
  }

  /** The modal each sender got by clicking {@code button} of retro {@code id}. */
  private static List<JsonNode> opened(
      TestSlackApp t, List<String> senders, String button, long id, String channel) {
    List<JsonNode> views = new ArrayList<>();
    for (String sender : senders) {
      t.requests.clickButton(sender, button, "" + id, channel);
      views.add(t.lastView());
    }
    return views;
  }

  /** {@code view} as a new view (own id and hash), so that its submission is not a replay. */
  private static JsonNode fresh(JsonNode view, AtomicInteger next) {
    int k = next.incrementAndGet();
    return ((ObjectNode) view).deepCopy().put("id", "VR" + k).put("hash", "hr" + k);
  }

  /** Three ticks in the first checkbox group of the voting modal. */
  private static FormValues ticks(JsonNode view) {
    for (JsonNode block : view.path("blocks")) {
      JsonNode element = block.path("element");
      if (RetroFeature.VOTE_PICK.equals(element.path("action_id").asText())) {
        JsonNode options = element.path("options");
        return new FormValues()
            .checkboxes(
                block.path("block_id").asText(),
                RetroFeature.VOTE_PICK,
                options.get(0).path("value").asText(),
                options.get(1).path("value").asText(),
                options.get(2).path("value").asText());
      }
    }
    throw new IllegalStateException("no checkbox group in " + view);
  }
}
