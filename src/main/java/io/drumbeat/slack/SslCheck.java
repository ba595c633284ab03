package io.drumbeat.slack;

import java.nio.charset.StandardCharsets;

/**
 * Recognises Slack's SSL check: a form-encoded POST with {@code ssl_check=1} (and a {@code token})
 * that Slack sends to a slash command's URL to test the certificate. It asks for nothing but a 200
 * (source: Slack's slash-command documentation, section "SSL"; Bolt's {@code SSLCheck} middleware
 * skips signature verification for it too), so Drumbeat answers it without a signature and without
 * parsing or logging anything else in the body.
 */
final class SslCheck {
  private SslCheck() {}

  /** Whether {@code body} (form-encoded bytes) has a field {@code ssl_check=1}. */
  static boolean matches(byte[] body) {
    String form = new String(body, StandardCharsets.ISO_8859_1);
    for (String field : form.split("&", -1)) {
      if (field.equals("ssl_check=1")) {
        return true;
      }
    }
    return false;
  }
}
