package io.drumbeat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
}
