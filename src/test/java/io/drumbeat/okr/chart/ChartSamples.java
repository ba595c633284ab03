package io.drumbeat.okr.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Realistic chart inputs for tests: FY2027-Q1 as 13 ISO weeks, and KRs with gaps. */
final class ChartSamples {
  static final String QUARTER = "FY2027-Q1";

  private static final String[] OBJECTIVES = {
    "Make search fast and reliable for our largest customers",
    "Grow self-serve adoption in mid-market",
    "Ship the new code intelligence platform",
    "Raise engineering hiring bar and velocity",
    "Reduce cloud spend per customer",
    "Improve onboarding for new engineers",
    "Harden security and compliance (SOC 2 Type II)",
    "Launch batch changes for enterprise",
    "Cut incident response time",
    "Make docs the best in the industry",
    "Expand the partner ecosystem",
    "Modernise the billing system"
  };

  private ChartSamples() {}

  /** {@code "2026-W06"} … {@code "2026-W18"}. */
  static List<String> weeks() {
    List<String> weeks = new ArrayList<>();
    for (int w = 6; w <= 18; w++) {
      weeks.add(String.format("2026-W%02d", w));
    }
    return weeks;
  }

  /**
   * A quarter of {@code objectives} objectives with {@code krsPerObjective} KRs each, checked in up
   * to week {@code upToWeek} (1-based), with every fifth KR skipping some weeks, and one KR above
   * 100 % and one below 0 %.
   */
  static QuarterTrend quarter(int objectives, int krsPerObjective, int upToWeek) {
    Random random = new Random(42);
    List<String> weeks = weeks();
    List<KrSeries> krs = new ArrayList<>();
    for (int o = 0; o < objectives; o++) {
      for (int k = 0; k < krsPerObjective; k++) {
        String key = "KR" + (o + 1) + "." + (k + 1);
        double pace = 0.4 + random.nextDouble() * 0.9;
        List<WeekPoint> points = new ArrayList<>();
        for (int w = 0; w < upToWeek; w++) {
          boolean skipped = krs.size() % 5 == 4 && (w == 3 || w == 4 || w == 7);
          if (!skipped) {
            double progress = 100.0 * w / 12 * pace + random.nextGaussian() * 3;
            if (o == 0 && k == 0) {
              progress = 20 + w * 15; // overshoots 100
            }
            if (o == 1 && k == 1) {
              progress = -10 + w * 2; // starts below 0
            }
            points.add(new WeekPoint(weeks.get(w), progress));
          }
        }
        krs.add(new KrSeries(key, title(o, k), OBJECTIVES[o % OBJECTIVES.length], points));
      }
    }
    return new QuarterTrend(QUARTER, weeks, krs);
  }

  private static String title(int objective, int kr) {
    String[] titles = {
      "Cut p99 search latency to 300 ms on the 10 largest instances",
      "Reach 99.95 % uptime",
      "Close 40 self-serve deals",
      "Zero Sev1 incidents caused by deploys",
      "Onboard 5 design partners",
      "Publish 12 case studies"
    };
    return titles[(objective + kr) % titles.length];
  }
}
