package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ballots submitted at the same moment through the real endpoint, on H2 and PostgreSQL. */
class RetroVotingConcurrencyTest {
  static final int VOTERS = 200;
  TestSlackApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  /**
   * Submits every ballot ({@code user → values}) at once, each from its own voting modal: {@code
   * view} as Slack would hold it for that user (its own view id, the state opened for that user);
   * their responses.
   */
  List<HttpResponse<String>> submitAtOnce(
      JsonNode view, List<Map.Entry<String, FormValues>> ballots) throws Exception {
    VoteState opened = VoteState.parse(view.path("private_metadata").asText());
    RetroKey key = t.database.jdbi().inTransaction(h -> RetroKey.of(h, opened.retroId()));
    ExecutorService pool = Executors.newFixedThreadPool(ballots.size());
    try {
      CountDownLatch ready = new CountDownLatch(ballots.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (var ballot : ballots) {
        ObjectNode own = ((ObjectNode) view).deepCopy();
        own.put("id", "V-" + UUID.randomUUID());
        own.put(
            "private_metadata",
            VoteState.opened(key, opened.retroId(), ballot.getKey(), Set.of()).metadata());
        sent.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return t.requests.submitView(ballot.getKey(), own, ballot.getValue());
                }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> response : sent) {
        responses.add(response.get(60, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void two_hundred_people_voting_at_once_lose_no_vote_and_count_none_twice(TestDb db)
      throws Exception {
    t = TestSlackApp.start(db, RetroVotingEndToEndTest.FRIDAY);
    VotingDriver d = new VotingDriver(t);
    Retro retro = d.voting(VotingDriver.CHANNEL, 3, VotingDriver.texts(10, "topic"));
    List<Long> ids = d.ids(retro);
    d.clickVote("U1000", retro);
    JsonNode view = t.lastView();
    Map<Long, Integer> expected = new HashMap<>();
    List<Map.Entry<String, FormValues>> ballots = new ArrayList<>();
    for (int i = 0; i < VOTERS; i++) {
      List<Long> chosen = List.of(ids.get(i % 10), ids.get((i + 1) % 10), ids.get((i + 3) % 10));
      chosen.forEach(id -> expected.merge(id, 1, Integer::sum));
      ballots.add(Map.entry("U" + (1000 + i), d.ticking(view, chosen)));
    }

    List<HttpResponse<String>> responses = submitAtOnce(view, ballots);

    assertThat(responses)
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200))
        .allSatisfy(r -> assertThat(r.body()).contains("\"response_action\":\"clear\""));
    Map<Long, Integer> counted = new HashMap<>();
    d.repo.voteCounts(retro.id()).forEach(c -> counted.put(c.itemId(), c.votes()));
    assertThat(counted).isEqualTo(expected);
    assertThat(d.repo.voterCount(retro.id())).isEqualTo(VOTERS);
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void two_ballots_of_one_voter_at_once_end_with_exactly_one_of_them(TestDb db) throws Exception {
    t = TestSlackApp.start(db, RetroVotingEndToEndTest.FRIDAY);
    VotingDriver d = new VotingDriver(t);
    Retro retro = d.voting(VotingDriver.CHANNEL, 3, VotingDriver.texts(10, "topic"));
    List<Long> ids = d.ids(retro);
    d.clickVote("U0AAA1", retro);
    JsonNode view = t.lastView();
    List<Long> first = List.of(ids.get(0), ids.get(1), ids.get(2));
    List<Long> second = List.of(ids.get(3), ids.get(4));

    for (int round = 0; round < 10; round++) {
      List<HttpResponse<String>> responses =
          submitAtOnce(
              view,
              List.of(
                  Map.entry("U0AAA1", d.ticking(view, first)),
                  Map.entry("U0AAA1", d.ticking(view, second))));

      assertThat(responses).allSatisfy(r -> assertThat(r.body()).contains("clear"));
      assertThat(d.repo.votesOf(retro.id(), "U0AAA1")).isIn(first, second);
      assertThat(d.repo.voterCount(retro.id())).isEqualTo(1);
    }
  }
}
