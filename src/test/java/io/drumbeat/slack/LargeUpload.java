package io.drumbeat.slack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts a generated body of any size to a local HTTP server over a plain socket, never holding more
 * than one 16 KiB buffer of it, and reads the status line the server answers with while the body is
 * still being sent (a server that refuses early answers before the upload ends).
 */
final class LargeUpload {
  private static final int CHUNK = 16 * 1024;

  /**
   * What the server answered.
   *
   * @param status the status code of the response, or -1 when the connection closed without one
   * @param bytesSent body bytes the socket accepted before the status line arrived or it closed
   * @param elapsed from the first byte sent to the status line (or the close)
   */
  record Outcome(int status, long bytesSent, Duration elapsed) {}

  private LargeUpload() {}

  /**
   * Posts {@code size} bytes of {@code a} to {@code path}, chunked (no Content-Length) or with a
   * Content-Length, with Slack-looking but wrong signature headers.
   */
  static Outcome post(int port, String path, long size, boolean chunked) throws Exception {
    long started = System.nanoTime();
    AtomicLong sent = new AtomicLong();
    Socket socket = new Socket("127.0.0.1", port);
    Thread writer;
    int status;
    try {
      socket.setSoTimeout(60_000);
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/x-www-form-urlencoded\r\n"
              + "X-Slack-Request-Timestamp: "
              + System.currentTimeMillis() / 1000
              + "\r\nX-Slack-Signature: v0=00\r\n"
              + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n")
              + "\r\n";
      OutputStream out = socket.getOutputStream();
      writer = new Thread(() -> writeBody(out, head, size, chunked, sent), "large-upload-writer");
      writer.setDaemon(true);
      writer.start();
      status = readStatus(socket.getInputStream());
    } finally {
      socket.close(); // ends the writer if it is still sending
    }
    Outcome outcome =
        new Outcome(status, sent.get(), Duration.ofNanos(System.nanoTime() - started));
    writer.join(10_000);
    return outcome;
  }

  private static void writeBody(
      OutputStream out, String head, long size, boolean chunked, AtomicLong sent) {
    byte[] data = new byte[CHUNK];
    Arrays.fill(data, (byte) 'a');
    byte[] chunkHead = (Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
    try {
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      long left = size;
      while (left > 0) {
        int n = (int) Math.min(CHUNK, left);
        if (chunked) {
          out.write(
              n == CHUNK
                  ? chunkHead
                  : (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(data, 0, n);
        if (chunked) {
          out.write(crlf);
        }
        left -= n;
        sent.addAndGet(n);
      }
      if (chunked) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
    } catch (IOException e) {
      // the server closed the connection: that is how an early refusal ends the upload
    }
  }

  private static int readStatus(InputStream in) {
    StringBuilder line = new StringBuilder();
    try {
      for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
        line.append((char) c);
      }
    } catch (IOException e) {
      return -1;
    }
    String[] parts = line.toString().split(" ");
    return parts.length > 1 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
  }
}
