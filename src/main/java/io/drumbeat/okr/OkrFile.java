package io.drumbeat.okr;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The OKR file as written ({@code okrs.example.yml}): a quarter, its objectives, and each
 * objective's key results. Bound by Jackson with unknown keys rejected; checked by {@link
 * OkrImporter}.
 *
 * @param quarter e.g. "FY2027-Q4"
 * @param objectives in order
 */
record OkrFile(
    @JsonProperty(required = true) String quarter,
    @JsonProperty(required = true) List<ObjectiveEntry> objectives) {

  /**
   * @param key e.g. "O1"
   * @param title the objective
   * @param keyResults in order
   */
  public record ObjectiveEntry(
      @JsonProperty(required = true) String key,
      @JsonProperty(required = true) String title,
      @JsonProperty(required = true) List<KeyResultEntry> keyResults) {}

  /**
   * @param key unique in the quarter, e.g. "KR1.2"
   * @param title the KR
   * @param owner Slack user id of the KR owner (DRI)
   * @param start value at the start of the quarter (optional)
   * @param target value that means done (optional; without it the KR is not measured)
   * @param unit e.g. "%" or "ms" (optional)
   */
  public record KeyResultEntry(
      @JsonProperty(required = true) String key,
      @JsonProperty(required = true) String title,
      @JsonProperty(required = true) String owner,
      BigDecimal start,
      BigDecimal target,
      String unit) {}
}
