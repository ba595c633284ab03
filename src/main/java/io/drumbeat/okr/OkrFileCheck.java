package io.drumbeat.okr;

import io.drumbeat.DrumbeatException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks an {@link OkrFile} beyond its shape; every problem names its key path. */
final class OkrFileCheck {
  /**
   * Most digits before the decimal point of a stored value: the columns are {@code numeric(20, 4)}
   * (V2__okr.sql), 20 digits of which 4 after the point.
   */
  static final int MAX_INTEGER_DIGITS = 16;

  /** Most digits after the decimal point of a stored value. */
  static final int MAX_FRACTION_DIGITS = 4;

  private static final String BOUNDS =
      " (at most "
          + MAX_INTEGER_DIGITS
          + " digits before the point and "
          + MAX_FRACTION_DIGITS
          + " after)";

  private OkrFileCheck() {}

  static List<String> problems(OkrFile file) {
    List<String> problems = new ArrayList<>();
    try {
      Quarter.parse(file.quarter());
    } catch (DrumbeatException e) {
      problems.add("quarter: " + e.getMessage());
    }
    if (file.objectives() == null || file.objectives().isEmpty()) {
      problems.add("objectives: at least one objective is needed");
      return problems;
    }
    Set<String> objectiveKeys = new HashSet<>();
    Set<String> krKeys = new HashSet<>();
    for (int i = 0; i < file.objectives().size(); i++) {
      OkrFile.ObjectiveEntry o = file.objectives().get(i);
      String at = "objectives[" + i + "]";
      checkKey(problems, at + ".key", o.key(), objectiveKeys);
      checkTitle(problems, at + ".title", o.title());
      if (o.keyResults() == null || o.keyResults().isEmpty()) {
        problems.add(at + ".keyResults: at least one key result is needed");
        continue;
      }
      for (int j = 0; j < o.keyResults().size(); j++) {
        checkKeyResult(problems, at + ".keyResults[" + j + "]", o.keyResults().get(j), krKeys);
      }
    }
    return problems;
  }

  private static void checkKeyResult(
      List<String> problems, String at, OkrFile.KeyResultEntry kr, Set<String> keys) {
    checkKey(problems, at + ".key", kr.key(), keys);
    checkTitle(problems, at + ".title", kr.title());
    if (!OkrImporter.isUser(kr.owner())) {
      problems.add(
          at
              + ".owner: \""
              + kr.owner()
              + "\" is not a Slack user id like U0AAA1"
              + " (in Slack: profile → ⋮ → Copy member ID)");
    }
    checkNumber(problems, at + ".start", kr.start());
    checkNumber(problems, at + ".target", kr.target());
    if (kr.unit() != null && kr.unit().length() > 32) {
      problems.add(at + ".unit: at most 32 characters");
    }
    if (kr.start() != null && kr.target() != null && kr.start().compareTo(kr.target()) == 0) {
      problems.add(at + ".target: equals start, so progress cannot be measured");
    }
    if (kr.start() != null && kr.target() == null) {
      problems.add(at + ".target: missing (a start value needs a target)");
    }
  }

  /**
   * Checks that {@code value} fits the database's {@code numeric(20, 4)} exactly: trailing zeros
   * after the point do not count, and nothing is rounded.
   */
  private static void checkNumber(List<String> problems, String at, BigDecimal value) {
    if (value == null) {
      return;
    }
    BigDecimal v = value.stripTrailingZeros();
    if (v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
      problems.add(at + ": " + value + " is too large" + BOUNDS);
    } else if (v.scale() > MAX_FRACTION_DIGITS) {
      problems.add(at + ": " + value + " has too many digits after the point" + BOUNDS);
    }
  }

  private static void checkKey(List<String> problems, String at, String key, Set<String> seen) {
    if (!OkrImporter.isKey(key)) {
      problems.add(at + ": \"" + key + "\" must be 1-64 letters, digits, '.', '_' or '-'");
    } else if (!seen.add(key)) {
      problems.add(at + ": \"" + key + "\" is used twice");
    }
  }

  private static void checkTitle(List<String> problems, String at, String title) {
    if (title == null || title.isBlank()) {
      problems.add(at + ": must not be empty");
    } else if (title.length() > 500) {
      problems.add(at + ": at most 500 characters");
    }
  }
}
