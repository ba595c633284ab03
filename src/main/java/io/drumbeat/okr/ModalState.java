package io.drumbeat.okr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drumbeat.DrumbeatException;
import java.util.List;
import java.util.Optional;

/**
 * What the check-in modal carries in {@code private_metadata} (at most 3000 characters, Slack
 * limit) between opening and {@code view_submission}.
 *
 * <p>Slack sends {@code private_metadata} back as it was set, but Drumbeat trusts none of it: a
 * submission checks the week ({@link CheckInWindow}) and that every KR named here or chosen in the
 * select is the caller's in {@code quarter}.
 *
 * @param quarter the quarter shown, e.g. "FY2027-Q4": the quarter of the day the modal opened
 * @param week ISO week the check-in is filed under, fixed when the modal opened
 * @param krs KR keys of the sections in "all" mode (1 to {@link CheckInModal#MAX_SECTIONS}); empty
 *     in single mode
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
   * @return the state, or empty when it is not a state this version writes: not JSON of this shape,
   *     a quarter or week that does not parse, or KR keys that do not fit the mode
   */
  public static Optional<ModalState> read(String json) {
    try {
      ModalState state = JSON.readValue(json == null ? "" : json, ModalState.class);
      Quarter.parse(state.quarter());
      IsoWeek.parse(state.week());
      boolean fits =
          state.krs() != null
              && (state.all()
                  ? !state.krs().isEmpty() && state.krs().size() <= CheckInModal.MAX_SECTIONS
                  : state.krs().isEmpty());
      return fits ? Optional.of(state) : Optional.empty();
    } catch (JsonProcessingException | DrumbeatException e) {
      return Optional.empty();
    }
  }

  /** {@link #week()} as an ISO week; valid for a state returned by {@link #read}. */
  public IsoWeek isoWeek() {
    return IsoWeek.parse(week);
  }

  /** {@link #quarter()} as a quarter; valid for a state returned by {@link #read}. */
  public Quarter fiscalQuarter() {
    return Quarter.parse(quarter);
  }
}
