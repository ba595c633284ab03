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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code manifest.yml} (project root) against Slack's manifest JSON Schema (draft-07, vendored in
 * {@code ../shared/vendor/}) and against what the code registers.
 */
class ManifestTest {
  static final Path MANIFEST = Path.of("manifest.yml");
  static final Path SCHEMA = Path.of("..", "shared", "vendor", "slack-manifest.schema.json");

  static JsonNode manifest;
  static JsonSchema schema;

  @BeforeAll
  static void load() throws IOException {
    manifest = new ObjectMapper(new YAMLFactory()).readTree(MANIFEST.toFile());
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
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(field == null ? n.asText() : n.path(field).asText()));
    return texts;
  }

  @Test
  void the_manifest_is_valid_against_slacks_schema() {
    Set<ValidationMessage> messages = schema.validate(manifest);

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

  @Test
  void the_slash_commands_are_exactly_those_drumbeat_registers_all_at_the_events_url() {
    JsonNode commands = manifest.path("features").path("slash_commands");

    assertThat(texts(commands, "command")).containsExactlyInAnyOrderElementsOf(Drumbeat.COMMANDS);
    assertThat(texts(commands, "url"))
        .hasSize(Drumbeat.COMMANDS.size())
        .allSatisfy(url -> assertThat(url).startsWith("https://").endsWith("/slack/events"));
  }

  @Test
  void the_bot_scopes_are_exactly_those_the_code_needs() {
    JsonNode scopes = manifest.path("oauth_config").path("scopes");

    assertThat(texts(scopes.path("bot"), null))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(SlackScopes.required());
    assertThat(scopes.has("user")).as("user scopes").isFalse();
  }

  @Test
  void interactivity_is_enabled_at_the_events_url() {
    JsonNode interactivity = manifest.path("settings").path("interactivity");

    assertThat(interactivity.path("is_enabled").isBoolean()).isTrue();
    assertThat(interactivity.path("is_enabled").asBoolean()).isTrue();
    assertThat(interactivity.path("request_url").asText())
        .startsWith("https://")
        .endsWith("/slack/events");
  }

  @Test
  void no_event_subscriptions_are_declared_because_drumbeat_handles_no_events() {
    assertThat(manifest.path("settings").has("event_subscriptions")).isFalse();
    assertThat(manifest.path("settings").path("socket_mode_enabled").asBoolean()).isFalse();
  }
}
