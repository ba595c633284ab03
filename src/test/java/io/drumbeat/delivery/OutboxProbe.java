package io.drumbeat.delivery;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code outbox} table of a database from outside the Drumbeat instances that use it,
 * over plain JDBC. An H2 file can be read only while no instance has it open.
 *
 * @param url the database's JDBC URL
 * @param user user name, or null
 * @param password password, or null
 */
record OutboxProbe(String url, String user, String password) {

  /**
   * Counts of outbox rows.
   *
   * @param pending rows not delivered yet
   * @param inDoubt pending rows whose post may have reached Slack (its answer was lost)
   * @param sent rows delivered
   * @param other rows failed or expired
   */
  record Counts(int pending, int inDoubt, int sent, int other) {}

  /** How many rows are in each state now. */
  Counts counts() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(case when state = 'PENDING' then 1 end),"
                        + " count(case when state = 'PENDING' and in_doubt then 1 end),"
                        + " count(case when state = 'SENT' then 1 end),"
                        + " count(case when state not in ('PENDING', 'SENT') then 1 end)"
                        + " from outbox")) {
      rs.next();
      return new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
    }
  }

  /** The pending rows, as "key (in doubt: true, last error: http_503)", oldest first. */
  List<String> pending() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, password);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select delivery_key, in_doubt, last_error from outbox"
                        + " where state = 'PENDING' order by created_at")) {
      while (rs.next()) {
        rows.add(
            rs.getString(1)
                + " (in doubt: "
                + rs.getBoolean(2)
                + ", last error: "
                + rs.getString(3)
                + ")");
      }
    }
    return rows;
  }

  /** True when no row is pending; a database that cannot be read counts as not yet. */
  boolean drained() {
    try {
      return counts().pending() == 0;
    } catch (SQLException e) {
      return false;
    }
  }
}
