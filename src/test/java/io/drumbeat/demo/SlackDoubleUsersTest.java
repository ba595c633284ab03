package io.drumbeat.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The double's directory as Drumbeat syncs it: users.list with members and bots. */
class SlackDoubleUsersTest {

  private SlackDouble slackDouble;
  private Slack slack;
  private MethodsClient methods;

  @BeforeEach
  void startDouble() {
    slackDouble =
        SlackDouble.start(Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneOffset.UTC));
    slackDouble.addUser("U0ADA", "Ada Lovelace", "Europe/London");
    slackDouble.addBot("U0HELPER", "Standup Helper");
    SlackConfig cfg = new SlackConfig();
    cfg.setMethodsEndpointUrlPrefix(slackDouble.apiUrl());
    cfg.setStatsEnabled(false);
    slack = Slack.getInstance(cfg);
    methods = slack.methods("xoxb-test");
  }

  @AfterEach
  void stopDouble() throws Exception {
    slack.close();
    slackDouble.close();
  }

  @Test
  void users_list_gives_each_member_zone_name_and_avatar_and_marks_bots() throws Exception {
    List<User> members = methods.usersList(r -> r.limit(10)).getMembers();

    assertThat(members).extracting(User::getId).containsExactly("U0ADA", "U0HELPER");
    User ada = members.get(0);
    assertThat(ada.getTz()).isEqualTo("Europe/London");
    assertThat(ada.getTzOffset()).isEqualTo(3600); // BST on 1 July
    assertThat(ada.getRealName()).isEqualTo("Ada Lovelace");
    assertThat(ada.isBot()).isFalse();
    assertThat(ada.isDeleted()).isFalse();
    assertThat(ada.getProfile().getImage72())
        .isEqualTo("https://avatars.example.invalid/U0ADA-72.png");
    User bot = members.get(1);
    assertThat(bot.isBot()).isTrue();
    assertThat(bot.getRealName()).isEqualTo("Standup Helper");
    assertThat(methods.usersInfo(r -> r.user("U0HELPER")).getUser().isBot()).isTrue();
  }
}
