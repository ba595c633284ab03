package io.drumbeat.okr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drumbeat.DrumbeatException;
import java.util.List;

/**
 * What the check-in modal carries in {@code private_metadata} (at most 3000 characters, Slack
 * limit) between opening and {@code view_submission}.
 *
 * @param quarter e.g. "FY2027-Q4"
 * @param week ISO week the check-in is filed under, fixed when the modal opened
 * @param krs KR keys of the sections in "all" mode; empty in single mode
 * @param all true for one section per KR ({@code /okr-update all})
 */
record ModalState(String quarter, String week, List<String> krs, boolean all) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Serialises to JSON for {@code private_metadata}. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new DrumbeatException("Cannot write modal state", e);
    }
  }

  /**
   * Reads {@code private_metadata}.
   *
   * @throws DrumbeatException when it is not a state this version wrote
   */
  public static ModalState fromJson(String json) {
    try {
      return JSON.readValue(json, ModalState.class);
    } catch (JsonProcessingException e) {
      throw new DrumbeatException("This check-in form is out of date; run /okr-update again", e);
    }
  }
}
