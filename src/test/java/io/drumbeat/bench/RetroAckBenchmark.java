package io.drumbeat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.retro.RetroCategory;
import io.drumbeat.retro.RetroFeature;
import io.drumbeat.retro.RetroRepository;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Part of {@link AckLatencyBenchmark} (run with {@code scripts/benchmark.sh}): the acks of retro
 * modal submissions. "Add item" stores an anonymous item; a ballot (3 ticks in a retro of 80 items)
 * replaces the voter's votes in a transaction that locks the retro's row. Every request is from a
 * different person.
 */
final class RetroAckBenchmark {
  private RetroAckBenchmark() {}

  /** Runs only the retro part: {@code [REQUESTS_PER_THREAD (default 100)]}. */
  public static void main(String[] args) throws Exception {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 100);
    System.exit(0); // the in-process Drumbeat's rate-limited background queue is abandoned
  }

  static void run(int perThread) throws Exception {
    int threads = AckLatencyBenchmark.THREADS;
    System.out.printf(
        "%n== Retro acks: %d threads x %d requests, warm-up %d, in-process Drumbeat on H2 ==%n",
        threads, perThread, AckLatencyBenchmark.WARMUP);
    TestSlackApp t = TestSlackApp.start(TestDb.H2, AckLatencyBenchmark.WEDNESDAY);
    t.requests.command("U0AAA1", "/retro", "start Benchmark retro --votes 3", "C0DIST");
    t.settle();
    RetroRepository repo = t.database.jdbi().onDemand(RetroRepository.class);
    long id = repo.openIn("C0DIST").orElseThrow().id();
    t.requests.clickButton("U0AAA1", RetroFeature.ADD_ITEM, "" + id, "C0DIST");
    t.settle();
    JsonNode itemModal = t.lastView();
    AtomicInteger people = new AtomicInteger();
    Callable<HttpResponse<String>> addItem =
        () ->
            t.requests.submitView(
                String.format("U0P%05d", people.incrementAndGet()),
                itemModal,
                new FormValues()
                    .select("category", "category", "LEARNED")
                    .text("text", "text", "Smaller pull requests are reviewed sooner"));
    AckLatencyBenchmark.measure("warm-up add item", 1, AckLatencyBenchmark.WARMUP, addItem, false);
    AckLatencyBenchmark.measure("view_submission (add item)", threads, perThread, addItem, true);

    t.requests.command("U0AAA1", "/retro", "start Voting benchmark", "C0PAYMENTS");
    t.settle();
    long voting = repo.openIn("C0PAYMENTS").orElseThrow().id();
    for (int i = 0; i < 80; i++) {
      repo.addItem(voting, RetroCategory.values()[i % 7], "Item " + i, null);
    }
    t.requests.command("U0AAA1", "/retro", "vote", "C0PAYMENTS");
    t.settle();
    t.requests.clickButton("U0AAA1", RetroFeature.VOTE, "" + voting, "C0PAYMENTS");
    t.settle();
    JsonNode ballot = t.lastView();
    FormValues three = ticks(ballot);
    Callable<HttpResponse<String>> vote =
        () ->
            t.requests.submitView(
                String.format("U0V%05d", people.incrementAndGet()), ballot, three);
    String clear = "{\"response_action\":\"clear\"}";
    AckLatencyBenchmark.measure(
        "warm-up ballot", 1, AckLatencyBenchmark.WARMUP, vote, false, clear);
    AckLatencyBenchmark.measure("view_submission (ballot)", threads, perThread, vote, true, clear);
    System.out.printf(
        "  items stored: %d; ballots stored: %d%n", repo.itemCount(id), repo.voterCount(voting));
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
