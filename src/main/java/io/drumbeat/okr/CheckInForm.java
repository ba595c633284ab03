package io.drumbeat.okr;

import com.slack.api.model.view.ViewState;
import io.drumbeat.slack.ViewValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates a check-in modal's {@code view.state.values}. Problems are reported per input
 * block, as Slack's {@code response_action: errors} expects ({@code block_id} → message).
 */
final class CheckInForm {
  private static final BigDecimal LIMIT = new BigDecimal("1000000000000000");

  private CheckInForm() {}

  /**
   * One KR's answers.
   *
   * @param kr the key result
   * @param status chosen status
   * @param value current value, null when not given (allowed only for KRs without a target)
   * @param confidence 1 to 10
   * @param note trimmed note or null
   */
  public record Entry(
      KeyResult kr, CheckInStatus status, BigDecimal value, int confidence, String note) {}

  /**
   * The outcome: either errors by {@code block_id}, or the entries to store.
   *
   * @param errors block_id → message; empty when valid
   * @param entries valid answers, one per KR filled in
   */
  public record Result(Map<String, String> errors, List<Entry> entries) {
    /** True when there is nothing to correct. */
    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  /**
   * Validates a submission.
   *
   * @param values {@code view.state.values}: block_id → action_id → value
   * @param state the modal's {@code private_metadata}
   * @param owned the submitter's KRs in {@code state.quarter()}, by key: every KR named in {@code
   *     state} or chosen in the select must be one of them, or its field gets an error
   */
  public static Result read(
      Map<String, Map<String, ViewState.Value>> values,
      ModalState state,
      Map<String, KeyResult> owned) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    if (state.all()) {
      for (String key : state.krs()) {
        KeyResult kr = owned.get(key);
        if (kr == null) {
          errors.put(key + ":status", notYours(key, state.quarter()));
        } else if (!isBlank(values, key + ":")) {
          readSection(values, key + ":", kr, errors).ifPresent(entries::add);
        }
      }
      if (entries.isEmpty() && errors.isEmpty() && !state.krs().isEmpty()) {
        errors.put(state.krs().get(0) + ":status", "Fill in at least one key result to check in.");
      }
    } else {
      String key = selected(values, "kr", CheckInModal.KR_SELECT);
      KeyResult kr = key == null ? null : owned.get(key);
      if (kr == null) {
        errors.put("kr", key == null ? "Choose a key result." : notYours(key, state.quarter()));
      } else {
        readSection(values, "", kr, errors).ifPresent(entries::add);
      }
    }
    return new Result(Map.copyOf(errors), List.copyOf(entries));
  }

  private static String notYours(String key, String quarter) {
    return CheckInModal.clip(key, 64)
        + " is not one of your key results in "
        + quarter
        + " (its owner may have changed). Close this form and run /okr-update again.";
  }

  private static java.util.Optional<Entry> readSection(
      Map<String, Map<String, ViewState.Value>> values,
      String prefix,
      KeyResult kr,
      Map<String, String> errors) {
    int before = errors.size();
    CheckInStatus status =
        CheckInStatus.fromValue(selected(values, prefix + "status", "status")).orElse(null);
    if (status == null) {
      errors.put(prefix + "status", "Pick a status for " + kr.krKey() + ".");
    }
    String confidenceText = selected(values, prefix + "confidence", "confidence");
    if (confidenceText == null) {
      errors.put(
          prefix + "confidence", "Pick a confidence from 1 (very unlikely) to 10 (certain).");
    }
    BigDecimal value =
        parseValue(text(values, prefix + "value", "value"), kr, prefix + "value", errors);
    String note = text(values, prefix + "note", "note");
    if (note != null && note.length() > CheckIn.MAX_NOTE) {
      errors.put(
          prefix + "note",
          "Keep the note under "
              + CheckIn.MAX_NOTE
              + " characters (it has "
              + note.length()
              + ").");
    }
    if (errors.size() > before) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Entry(kr, status, value, Integer.parseInt(confidenceText), note));
  }

  /**
   * Parses a current value: digits with an optional sign, decimal point, thousands commas, and the
   * KR's own unit or "%" after it. Adds an error for {@code blockId} and returns null when invalid.
   */
  static BigDecimal parseValue(
      String raw, KeyResult kr, String blockId, Map<String, String> errors) {
    if (raw == null) {
      if (kr.isMeasured()) {
        errors.put(blockId, "Enter the current value (" + kr.describeTarget() + ").");
      }
      return null;
    }
    String text = raw.replace(",", "").replace("_", "").trim();
    if (kr.unit() != null && !kr.unit().isBlank() && text.endsWith(kr.unit())) {
      text = text.substring(0, text.length() - kr.unit().length()).trim();
    } else if (text.endsWith("%")) {
      text = text.substring(0, text.length() - 1).trim();
    }
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.abs().compareTo(LIMIT) >= 0) {
        errors.put(blockId, "That number is too large.");
        return null;
      }
      return value.setScale(Math.min(Math.max(value.scale(), 0), 4), RoundingMode.HALF_UP);
    } catch (NumberFormatException e) {
      errors.put(
          blockId,
          "\""
              + CheckInModal.clip(raw.trim(), 40)
              + "\" is not a number. Enter digits only, e.g. 97.5.");
      return null;
    }
  }

  private static boolean isBlank(Map<String, Map<String, ViewState.Value>> values, String prefix) {
    return selected(values, prefix + "status", "status") == null
        && selected(values, prefix + "confidence", "confidence") == null
        && text(values, prefix + "value", "value") == null
        && text(values, prefix + "note", "note") == null;
  }

  private static String selected(
      Map<String, Map<String, ViewState.Value>> values, String block, String action) {
    ViewState.Value v = ViewValues.get(values, block, action);
    return v.getSelectedOption() == null ? null : v.getSelectedOption().getValue();
  }

  private static String text(
      Map<String, Map<String, ViewState.Value>> values, String block, String action) {
    ViewState.Value v = ViewValues.get(values, block, action);
    if (v.getValue() == null || v.getValue().isBlank()) {
      return null;
    }
    return v.getValue().trim();
  }
}
