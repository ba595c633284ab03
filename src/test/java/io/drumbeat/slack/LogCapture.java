package io.drumbeat.slack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Captures what slf4j-simple logs while it is open: slf4j-simple looks {@code System.err} up for
 * every line (simplelogger.properties keeps the default {@code System.err}, not cached), so the
 * test swaps it and restores it on {@link #close()}. Keeps the first {@link #KEPT} bytes and counts
 * the rest, so a flood of log output cannot fill the test's own heap.
 */
final class LogCapture implements AutoCloseable {
  static final int KEPT = 1 << 20;
  private final PrintStream original = System.err;
  private final byte[] kept = new byte[KEPT];
  private int keptLength;
  private long total;

  private LogCapture() {
    System.setErr(new PrintStream(new Sink(), true, StandardCharsets.UTF_8));
  }

  /** Starts capturing. */
  static LogCapture start() {
    return new LogCapture();
  }

  /** The captured text (at most the first {@link #KEPT} bytes). */
  synchronized String text() {
    return new String(kept, 0, keptLength, StandardCharsets.UTF_8);
  }

  /** Non-empty captured lines. */
  List<String> lines() {
    return Arrays.stream(text().split("\n")).filter(l -> !l.isBlank()).toList();
  }

  /** Every byte logged, including those not kept. */
  synchronized long totalBytes() {
    return total;
  }

  @Override
  public void close() {
    System.setErr(original);
  }

  private synchronized void append(byte[] b, int off, int len) {
    total += len;
    int n = Math.min(len, KEPT - keptLength);
    System.arraycopy(b, off, kept, keptLength, n);
    keptLength += n;
  }

  private final class Sink extends OutputStream {
    @Override
    public void write(int b) {
      append(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      append(b, off, len);
    }
  }
}
