package io.drumbeat.cli;

import io.drumbeat.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code drumbeat demo}: a scripted OKR week against a Slack double, printed as a transcript. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run a scripted OKR week against a Slack Web API double on loopback and print what"
            + " everyone would have seen. Needs no Slack workspace; leaves nothing behind.")
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // The transcript is the output; routine logs would drown it (warnings still show).
    System.setProperty("org.slf4j.simpleLogger.log.io.drumbeat", "warn");
    return new Demo(
            new java.io.PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8))
        .run();
  }
}
