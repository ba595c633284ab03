package io.drumbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Slack credentials {@code serve} needs, over HTTP and over Socket Mode. */
class EnvironmentTest {
  @Test
  void with_an_app_token_the_signing_secret_is_optional() {
    Environment env =
        Environment.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"))
            .requireSlack();

    assertThat(env.socketMode()).isTrue();
    assertThat(env.signingSecret()).isNull();
    assertThat(env.toString()).doesNotContain("xapp-1", "xoxb-1");
  }

  @Test
  void without_an_app_token_the_signing_secret_is_required_and_named() {
    assertThatThrownBy(() -> Environment.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1")).requireSlack())
        .isInstanceOf(Environment.MissingSettingException.class)
        .hasMessageContaining("SLACK_SIGNING_SECRET")
        .hasMessageContaining("SLACK_APP_TOKEN");
  }

  @Test
  void an_app_token_that_is_not_an_app_level_token_is_named() {
    assertThatThrownBy(
            () ->
                Environment.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2"))
                    .requireSlack())
        .isInstanceOf(Environment.MissingSettingException.class)
        .hasMessageContaining("SLACK_APP_TOKEN must be an app-level token starting with xapp-")
        .hasMessageNotContaining("xoxb-2");
  }

  @Test
  void the_posts_per_minute_budget_defaults_to_600_and_a_bad_value_is_named() {
    assertThat(Environment.from(Map.of()).postsPerMinute()).isEqualTo(600);
    assertThat(Environment.from(Map.of("SLACK_POSTS_PER_MINUTE", "1200")).postsPerMinute())
        .isEqualTo(1200);
    assertThatThrownBy(() -> Environment.from(Map.of("SLACK_POSTS_PER_MINUTE", "10")))
        .isInstanceOf(Environment.MissingSettingException.class)
        .hasMessage("SLACK_POSTS_PER_MINUTE must be a number from 60 to 60000, was \"10\"");
  }
}
