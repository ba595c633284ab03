package io.drumbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.drumbeat.slack.SlackScopes;
import io.drumbeat.store.TestDb;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both manifests (project root): {@code manifest.yml} (HTTP) and {@code manifest.socket-mode.yml}
 * (Socket Mode), against Slack's manifest JSON Schema (draft-07, vendored in {@code
 * ../shared/vendor/}) and against what the code registers: commands, scopes and the Events API
 * events some listener handles.
 */
class ManifestTest {
  static final Path HTTP = Path.of("manifest.yml");
  static final Path SOCKET = Path.of("manifest.socket-mode.yml");
  static final Path SCHEMA = Path.of("..", "shared", "vendor", "slack-manifest.schema.json");

  static JsonNode manifest;
  static JsonNode socketManifest;
  static JsonSchema schema;
  static Set<String> events;

  @BeforeAll
  static void load() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    manifest = yaml.readTree(HTTP.toFile());
    socketManifest = yaml.readTree(SOCKET.toFile());
    JsonNode schemaNode = new ObjectMapper().readTree(SCHEMA.toFile());
    // The schema only refers to its own definitions; any other load would be a network fetch.
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V7,
            builder ->
                builder.schemaLoaders(
                    loaders ->
                        loaders.add(
                            iri -> {
                              throw new AssertionError("the schema tried to load " + iri);
                            })));
    schema = factory.getSchema(schemaNode);
    ZonedDateTime now = ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("UTC"));
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, now)) {
      events = t.app.events();
    }
  }

  static JsonNode of(String file) {
    return file.equals(HTTP.toString()) ? manifest : socketManifest;
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(field == null ? n.asText() : n.path(field).asText()));
    return texts;
  }

  @ParameterizedTest
  @ValueSource(strings = {"manifest.yml", "manifest.socket-mode.yml"})
  void the_manifest_is_valid_against_slacks_schema(String file) {
    Set<ValidationMessage> messages = schema.validate(of(file));

    assertThat(messages).isEmpty();
  }

  @Test
  void a_command_without_the_leading_slash_is_invalid() {
    ObjectNode broken = manifest.deepCopy();
    ((ObjectNode) broken.path("features").path("slash_commands").get(0))
        .put("command", "okr-update");

    Set<ValidationMessage> messages = schema.validate(broken);

    assertThat(messages)
        .extracting(ValidationMessage::getInstanceLocation)
        .extracting(Object::toString)
        .containsExactly("$.features.slash_commands[0].command");
  }

  @Test
  void an_unknown_setting_is_invalid() {
    ObjectNode broken = manifest.deepCopy();
    ((ObjectNode) broken.path("settings")).put("is_great", true);

    assertThat(schema.validate(broken)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"manifest.yml", "manifest.socket-mode.yml"})
  void the_slash_commands_are_exactly_those_drumbeat_registers(String file) {
    JsonNode commands = of(file).path("features").path("slash_commands");

    assertThat(texts(commands, "command")).containsExactlyInAnyOrderElementsOf(Drumbeat.COMMANDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"manifest.yml", "manifest.socket-mode.yml"})
  void the_bot_scopes_are_exactly_those_the_code_needs(String file) {
    JsonNode scopes = of(file).path("oauth_config").path("scopes");

    assertThat(texts(scopes.path("bot"), null))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(SlackScopes.required());
    assertThat(scopes.has("user")).as("user scopes").isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"manifest.yml", "manifest.socket-mode.yml"})
  void the_bot_events_are_exactly_those_a_listener_handles(String file) {
    JsonNode subscriptions = of(file).path("settings").path("event_subscriptions");

    assertThat(texts(subscriptions.path("bot_events"), null))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(events);
    assertThat(subscriptions.has("user_events")).as("user events").isFalse();
    assertThat(events).contains("user_change", "member_joined_channel", "app_uninstalled");
  }

  @ParameterizedTest
  @ValueSource(strings = {"manifest.yml", "manifest.socket-mode.yml"})
  void the_message_shortcuts_are_exactly_those_drumbeat_registers(String file) {
    JsonNode shortcuts = of(file).path("features").path("shortcuts");

    assertThat(texts(shortcuts, "callback_id"))
        .containsExactlyInAnyOrderElementsOf(Drumbeat.SHORTCUTS);
    assertThat(texts(shortcuts, "type")).containsOnly("message");
  }

  @ParameterizedTest
  @ValueSource(strings = {"manifest.yml", "manifest.socket-mode.yml"})
  void the_home_tab_is_enabled_because_a_listener_draws_it_when_opened(String file) {
    JsonNode home = of(file).path("features").path("app_home");

    assertThat(events).contains("app_home_opened");
    assertThat(home.path("home_tab_enabled").asBoolean()).isTrue();
    assertThat(home.path("messages_tab_enabled").asBoolean()).as("DMs are shown").isTrue();
  }

  @Test
  void over_http_every_request_goes_to_the_events_url() {
    List<String> urls = texts(manifest.path("features").path("slash_commands"), "url");
    urls.add(manifest.path("settings").path("interactivity").path("request_url").asText());
    urls.add(manifest.path("settings").path("event_subscriptions").path("request_url").asText());

    assertThat(urls)
        .hasSize(Drumbeat.COMMANDS.size() + 2)
        .allSatisfy(url -> assertThat(url).startsWith("https://").endsWith("/slack/events"));
    assertThat(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean())
        .isTrue();
    assertThat(manifest.path("settings").path("socket_mode_enabled").asBoolean()).isFalse();
  }

  @Test
  void the_socket_mode_manifest_is_the_http_one_without_request_urls() {
    assertThat(socketManifest.toString()).doesNotContain("url\"", "https://");
    assertThat(socketManifest.path("settings").path("socket_mode_enabled").asBoolean()).isTrue();
    assertThat(socketManifest.path("settings").path("interactivity").path("is_enabled").asBoolean())
        .isTrue();

    ObjectNode withoutUrls = manifest.deepCopy();
    withoutUrls
        .path("features")
        .path("slash_commands")
        .forEach(c -> ((ObjectNode) c).remove("url"));
    ((ObjectNode) withoutUrls.path("settings").path("interactivity")).remove("request_url");
    ((ObjectNode) withoutUrls.path("settings").path("event_subscriptions")).remove("request_url");
    ((ObjectNode) withoutUrls.path("settings")).put("socket_mode_enabled", true);
    assertThat(socketManifest).isEqualTo(withoutUrls);
  }
}
