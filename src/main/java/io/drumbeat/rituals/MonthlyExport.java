package io.drumbeat.rituals;

import io.drumbeat.config.DrumbeatConfig;
import java.time.YearMonth;
import org.jdbi.v3.core.Jdbi;

/** The month in review as Markdown, for {@code drumbeat export monthly YYYY-MM --format md}. */
public final class MonthlyExport {
  private MonthlyExport() {}

  /**
   * The month in review of {@code month} (organisation's zone from {@code config}) as a UTF-8
   * Markdown document: a level-1 title, then one paragraph per section with "- " bullets; user text
   * escaped with {@link io.drumbeat.text.MarkdownEscape}.
   */
  public static String markdown(Jdbi jdbi, YearMonth month, DrumbeatConfig config) {
    return jdbi.inTransaction(h -> MonthlyReport.markdown(h, month, config));
  }
}
