package io.drumbeat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drumbeat.DrumbeatException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {
  @ParameterizedTest
  @EnumSource(TestDb.class)
  void migrations_run_and_the_database_reports_healthy(TestDb db) {
    try (Database database = db.open()) {
      assertThat(database.isHealthy()).isTrue();
      int tasks =
          database
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select count(*) from scheduled_tasks")
                          .mapTo(Integer.class)
                          .one());
      assertThat(tasks).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void instants_round_trip_exactly_whatever_the_jvm_zone(TestDb db) {
    Instant at = Instant.parse("2026-11-01T09:30:00.123Z");
    try (Database database = db.open()) {
      database
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate("insert into slack_user (user_id, fetched_at) values ('U1', :at)")
                      .bind("at", at)
                      .execute());
      Instant read =
          database
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select fetched_at from slack_user")
                          .mapTo(Instant.class)
                          .one());
      assertThat(read).isEqualTo(at);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_closed_database_reports_unhealthy(TestDb db) {
    Database database = db.open();
    database.close();
    assertThat(database.isHealthy()).isFalse();
  }

  @org.junit.jupiter.api.Test
  void an_unreachable_database_is_a_clear_error_without_the_password() {
    assertThatThrownBy(
            () ->
                Database.open(
                    "jdbc:postgresql://127.0.0.1:1/nothing?password=hunter2", "u", "hunter2"))
        .isInstanceOf(DrumbeatException.class)
        .hasMessageStartingWith(
            "Cannot open the database at jdbc:postgresql://127.0.0.1:1/nothing:")
        .hasMessageNotContaining("hunter2");
  }

  @org.junit.jupiter.api.Test
  void h2_options_that_may_hold_a_password_are_left_out_of_messages() {
    assertThat(Database.redact("jdbc:h2:file:/srv/db;PASSWORD=hunter2;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:file:/srv/db");
  }
}
