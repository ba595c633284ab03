package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.SlackInteractions;
import io.drumbeat.TestSlackApp;
import io.drumbeat.Transport;
import io.drumbeat.demo.FormValues;
import io.drumbeat.store.TestDb;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The "Add to retro" message shortcut, over HTTP and over Socket Mode. */
@ParameterizedClass
@EnumSource(Transport.class)
class AddToRetroEndToEndTest {
  @Parameter Transport transport;
  static final ZonedDateTime THURSDAY =
      ZonedDateTime.of(2026, 11, 19, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  TestSlackApp t;
  RetroRepository repo;

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, THURSDAY, transport);
    repo = t.database.jdbi().onDemand(RetroRepository.class);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  void shortcut(String user, String text) {
    t.requests.interaction(
        SlackInteractions.messageShortcut(
            t.slack, user, RetroFeature.ADD_TO_RETRO, "C0DIST", "U0CCC3", text));
    t.settle();
  }

  String ephemeral() {
    return t.slack.calls("response_url").get(0).param("text");
  }

  @Test
  void the_item_modal_opens_prefilled_with_the_message_as_it_reads_and_saves_an_anonymous_item() {
    t.command("U0AAA1", "/retro", "start Sprint 42");

    shortcut("U0BBB2", "Deploys &lt;b&gt; were slow &amp; flaky, <@U0CCC3|rosa> <!channel>");

    JsonNode modal = t.lastView();
    assertThat(modal.path("callback_id").asText()).isEqualTo(ItemModal.CALLBACK_ID);
    assertThat(modal.findValue("initial_value").asText())
        .isEqualTo("Deploys <b> were slow & flaky, @rosa @channel");
    t.submit(
        "U0BBB2",
        new FormValues()
            .select("category", "category", "NOT_WELL")
            .text("text", "text", modal.findValue("initial_value").asText()));
    long retroId = repo.latestIn("C0DIST").orElseThrow().id();
    assertThat(repo.items(retroId))
        .extracting(RetroItem::text)
        .containsExactly("Deploys <b> were slow & flaky, @rosa @channel");
    assertThat(repo.itemsBy(retroId, "U0BBB2")).as("no author stored").isEmpty();
  }

  @Test
  void in_a_channel_without_an_open_retro_the_person_is_told_so_and_no_modal_opens() {
    shortcut("U0BBB2", "Deploys were slow");

    assertThat(t.slack.calls("views.open")).isEmpty();
    assertThat(ephemeral()).contains("There is no open retro in this channel", "/retro start");
  }

  @Test
  void while_the_retro_is_voting_the_person_is_told_items_can_no_longer_be_added() {
    t.command("U0AAA1", "/retro", "start Sprint 42");
    Retro retro = repo.latestIn("C0DIST").orElseThrow();
    repo.move(retro.id(), RetroPhase.COLLECTING, RetroPhase.VOTING);

    shortcut("U0BBB2", "Deploys were slow");

    assertThat(t.slack.calls("views.open")).isEmpty();
    assertThat(ephemeral()).contains("The retro in this channel is voting");
  }
}
