package io.drumbeat.retro;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sets up retros in a {@link TestSlackApp} and plays voters clicking and ticking in the modal. */
final class VotingDriver {
  static final String CHANNEL = "C0RETROS";
  final TestSlackApp t;
  final RetroRepository repo;

  VotingDriver(TestSlackApp t) {
    this.t = t;
    this.repo = t.database.jdbi().onDemand(RetroRepository.class);
  }

  /** A retro in {@code channel} with one item per text (prompts in turn), moved to voting. */
  Retro voting(String channel, int votes, List<String> texts) {
    Retro retro =
        repo.start(channel, "Sprint 42", "U0FAC1", false, votes, null, t.clock.instant())
            .orElseThrow();
    RetroCategory[] categories = RetroCategory.values();
    for (int i = 0; i < texts.size(); i++) {
      repo.addItem(retro.id(), categories[i % categories.length], texts.get(i), null);
    }
    repo.move(retro.id(), RetroPhase.COLLECTING, RetroPhase.VOTING);
    return repo.find(retro.id()).orElseThrow();
  }

  /** {@code count} items "item 0", "item 1", … */
  static List<String> texts(int count, String prefix) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      texts.add(prefix + " " + i);
    }
    return texts;
  }

  /** The item ids of a retro in id order. */
  List<Long> ids(Retro retro) {
    return repo.items(retro.id()).stream().map(RetroItem::id).toList();
  }

  /** Clicks "Vote" on the announcement as {@code user} and waits for the work after the ack. */
  HttpResponse<String> clickVote(String user, Retro retro) {
    HttpResponse<String> response =
        t.requests.clickButton(user, RetroVoting.VOTE, Long.toString(retro.id()), CHANNEL);
    t.settle();
    return response;
  }

  /** The key of the retro the voting modal {@code view} is about. */
  RetroKey key(JsonNode view) {
    long retroId = VoteState.parse(view.path("private_metadata").asText()).retroId();
    return t.database.jdbi().inTransaction(h -> RetroKey.of(h, retroId));
  }

  /** The item ids of option values (references) of the voting modal {@code view}. */
  List<Long> ids(JsonNode view, List<String> values) {
    RetroKey key = key(view);
    long retroId = VoteState.parse(view.path("private_metadata").asText()).retroId();
    Map<String, RetroItem> byRef = key.byRef(repo.items(retroId));
    return values.stream().map(v -> byRef.get(v).id()).toList();
  }

  /** The item ids of the options of {@code view}, in order. */
  List<Long> optionIds(JsonNode view) {
    return ids(view, ModalLimits.optionValues(view));
  }

  /** The item ids of the options ticked in {@code view}. */
  List<Long> tickedIds(JsonNode view) {
    return ids(view, ModalLimits.ticked(view));
  }

  /** The form state of {@code view} with exactly the items {@code ids} ticked (those on it). */
  FormValues ticking(JsonNode view, List<Long> ids) {
    RetroKey key = key(view);
    List<String> refs = ids.stream().map(key::ref).toList();
    Map<String, List<String>> byBlock = new LinkedHashMap<>();
    for (JsonNode block : view.path("blocks")) {
      for (JsonNode option : block.path("element").path("options")) {
        if (refs.contains(option.path("value").asText())) {
          byBlock
              .computeIfAbsent(block.path("block_id").asText(), b -> new ArrayList<>())
              .add(option.path("value").asText());
        }
      }
    }
    FormValues values = new FormValues();
    byBlock.forEach(
        (block, ticked) -> values.checkboxes(block, VoteModal.PICK, ticked.toArray(String[]::new)));
    return values;
  }

  /** {@code user} clicks "Previous" or "Next" ({@code actionId}) in {@code view}, ticked so. */
  HttpResponse<String> turn(String user, JsonNode view, String actionId, FormValues values) {
    String target = null;
    for (JsonNode block : view.path("blocks")) {
      for (JsonNode element : block.path("elements")) {
        if (actionId.equals(element.path("action_id").asText())) {
          target = element.path("value").asText();
        }
      }
    }
    if (target == null) {
      throw new AssertionError("no " + actionId + " button in " + view);
    }
    HttpResponse<String> response =
        t.requests.clickInView(user, view, "V77", "h77", actionId, target, values);
    t.settle();
    return response;
  }
}
