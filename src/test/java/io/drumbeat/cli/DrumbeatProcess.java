package io.drumbeat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The command line that runs {@code io.drumbeat.Main} in a child JVM on the test classpath. */
final class DrumbeatProcess {
  private DrumbeatProcess() {}

  /**
   * {@code java … io.drumbeat.Main args}, in a zone nobody uses (the CLI must never depend on the
   * JVM default zone), with Drumbeat's own logs at info as in production.
   */
  static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Duser.timezone=Pacific/Chatham",
            "-Dfile.encoding=UTF-8",
            "-Dorg.slf4j.simpleLogger.log.io.drumbeat=info",
            "-cp",
            System.getProperty("java.class.path"),
            "io.drumbeat.Main"));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * What a finished child JVM did.
   *
   * @param exitCode its exit code
   * @param stdout everything it printed to standard output (UTF-8)
   * @param stderr everything it printed to standard error (UTF-8)
   */
  record Run(int exitCode, String stdout, String stderr) {}

  /**
   * Runs {@code io.drumbeat.Main args} in {@code dir} with exactly {@code env}, its output captured
   * in files under {@code logs}; fails after 120 s (the demo takes about 13 s on an idle machine).
   */
  static Run run(Path dir, Path logs, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(logs, "stdout", ".txt");
    Path err = Files.createTempFile(logs, "stderr", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command(args))
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process process = pb.start();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        throw new AssertionError("drumbeat " + String.join(" ", args) + " ran for over 120 s");
      }
    } finally {
      process.destroyForcibly();
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
