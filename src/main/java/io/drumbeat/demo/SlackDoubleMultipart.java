package io.drumbeat.demo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file in an upload request body, sent either as raw bytes or as {@code multipart/form-data}
 * (RFC 7578): then the content of the first part that carries a {@code filename}, or of the first
 * part when none does.
 */
final class SlackDoubleMultipart {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

  private SlackDoubleMultipart() {}

  /**
   * The uploaded file's bytes.
   *
   * @param contentType the request's {@code Content-Type}, or null for raw bytes
   * @return the bytes, or empty when a multipart body has no well-formed part
   */
  static Optional<byte[]> content(String contentType, byte[] body) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (!type.startsWith("multipart/")) {
      return Optional.of(body);
    }
    Matcher boundary = BOUNDARY.matcher(contentType);
    if (!boundary.find()) {
      return Optional.empty();
    }
    byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    byte[] first = null;
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int headersStart = at + delimiter.length + CRLF.length;
      int headersEnd = indexOf(body, HEADERS_END, headersStart);
      int next = headersEnd < 0 ? -1 : indexOf(body, delimiter, headersEnd);
      if (next < 0) {
        break;
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
      // the part's content ends with the CRLF before the next delimiter
      int contentStart = headersEnd + HEADERS_END.length;
      byte[] part =
          Arrays.copyOfRange(body, contentStart, Math.max(contentStart, next - CRLF.length));
      if (headers.toLowerCase(Locale.ROOT).contains("filename=")) {
        return Optional.of(part);
      }
      first = first == null ? part : first;
      at = next;
    }
    return Optional.ofNullable(first);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
