package io.drumbeat.bench;

import java.lang.management.ManagementFactory;

/**
 * Not a test (surefire skips {@code *Benchmark}); run with {@code scripts/benchmark.sh [ROUNDS]
 * [SERVE_RUNS] [RETRO_PER_SENDER] [CHANNELS]}.
 *
 * <p>(a) {@link ServeStartup}: {@code serve} against a workspace of CHANNELS channels (default
 * 5,000), cold and warm, SERVE_RUNS times (default 3). (b) {@link OkrBurst}: ROUNDS (default 5)
 * bursts of 200 {@code /okr-update} from 20 concurrent senders, against Drumbeat and against a bare
 * Bolt app on the same Jetty, with every modal's {@code trigger_id} judged as Slack does. (c)
 * {@link RetroAckBenchmark}: retro item and ballot submissions from 20 senders, RETRO_PER_SENDER
 * each (default 10; 0 skips it).
 */
public final class AckLatencyBenchmark {
  private AckLatencyBenchmark() {}

  /**
   * Runs the parts and prints their figures.
   *
   * @param args {@code [ROUNDS] [SERVE_RUNS] [RETRO_PER_SENDER] [CHANNELS]}, see the class comment
   * @throws Exception when a part cannot start (e.g. no free port)
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int serveRuns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int retroPerSender = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int channels = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
    System.out.printf(
        "Machine: %d CPUs, Java %s (%s), %s %s; load average %.2f at the start%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("Percentiles: exact, nearest rank over the sorted samples");
    if (serveRuns > 0) {
      ServeStartup.run(serveRuns, channels); // first, before this JVM is busy
    }
    if (rounds > 0) {
      OkrBurst.run(rounds);
    }
    if (retroPerSender > 0) {
      RetroAckBenchmark.run(retroPerSender);
    }
    System.out.printf(
        "%nLoad average at the end: %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.exit(0); // the retro part's manual Drumbeat is abandoned with its pending deliveries
  }
}
