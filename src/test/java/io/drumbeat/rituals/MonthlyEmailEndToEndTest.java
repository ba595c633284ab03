package io.drumbeat.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.drumbeat.TestSlackApp;
import io.drumbeat.okr.OkrImporter;
import io.drumbeat.store.TestDb;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The monthly email through an embedded SMTP server (GreenMail), and a failed send. */
class MonthlyEmailEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime W47 = ZonedDateTime.of(2026, 11, 16, 9, 0, 0, 0, LA);
  static final ZonedDateTime DUE = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, LA);
  static final String CONFIG =
      TestSlackApp.CONFIG
          + "monthly:\n  channel: \"#okrs\"\n  email:\n"
          + "    to: [vp-eng@example.com, vp-product@example.com]\n"
          + "    from: drumbeat@example.com\n";

  static TestSlackApp start(String smtpUrl) {
    TestSlackApp t = TestSlackApp.startWith(TestDb.H2, W47, CONFIG, b -> b.smtpUrl(smtpUrl));
    new OkrImporter(t.database.jdbi()).importText(TestSlackApp.OKRS, "okrs.yml");
    t.command("U0AAA1", "/okr-update", "");
    t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "AT_RISK", "900", "6"));
    t.command("U0AAA1", "/retro", "start R&D <sync>");
    return t;
  }

  @Test
  void the_update_is_emailed_as_html_and_plain_text_with_the_chart_inline() throws Exception {
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    mail.setUser("drumbeat@example.com", "drumbeat", "s3cret");
    String url = "smtp://drumbeat:s3cret@127.0.0.1:" + mail.getSmtp().getPort();
    try (TestSlackApp t = start(url)) {
      t.advanceTo(DUE, Duration.ofHours(6));
      t.deliverAll();

      MimeMessage[] received = mail.getReceivedMessages();
      assertThat(received).hasSize(2); // one delivery per recipient
      MimeMessage m = received[0];
      assertThat(m.getSubject()).isEqualTo("Month in review · November 2026");
      assertThat(m.getAllRecipients())
          .extracting(Object::toString)
          .containsExactly("vp-eng@example.com", "vp-product@example.com");
      assertThat(m.getFrom()[0].toString()).isEqualTo("drumbeat@example.com");
      MimeMultipart related = (MimeMultipart) m.getContent();
      assertThat(related.getContentType()).startsWith("multipart/related");
      MimeMultipart alternative = (MimeMultipart) related.getBodyPart(0).getContent();
      assertThat(alternative.getContentType()).startsWith("multipart/alternative");
      BodyPart plain = alternative.getBodyPart(0);
      BodyPart html = alternative.getBodyPart(1);
      assertThat(plain.getContentType()).startsWith("text/plain");
      assertThat((String) plain.getContent())
          .contains("KR1.1 p99 latency under 500 ms: 900 ms → 900 ms", "R&D <sync> (retro 1)");
      assertThat(html.getContentType()).startsWith("text/html");
      assertThat((String) html.getContent())
          .contains("<img src=\"cid:kr-chart\"", "<b>R&amp;D &lt;sync&gt;</b> (retro 1)");
      BodyPart image = related.getBodyPart(1);
      assertThat(image.getContentType()).startsWith("image/png");
      assertThat(image.getHeader("Content-ID")).containsExactly("<kr-chart>");
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      image.getDataHandler().writeTo(png);
      assertThat(png.toByteArray()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
      assertThat(t.postsTo("C0OKRS").toString()).contains("Month in review · November 2026");
    } finally {
      mail.stop();
    }
  }

  @Test
  void a_failed_send_is_retried_then_the_admins_are_told_and_the_post_is_unaffected()
      throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (TestSlackApp t = start("smtp://drumbeat:s3cret@127.0.0.1:" + closedPort)) {
      t.advanceTo(DUE, Duration.ofHours(6));
      t.deliverAll();
      t.advanceTo(DUE.plusMinutes(5), Duration.ofSeconds(1));
      t.deliverAll();

      assertThat(t.postsTo("C0OKRS").toString()).contains("Month in review · November 2026");
      String dm = t.dmsTo("U0ADMIN1").toString();
      assertThat(dm)
          .contains("The monthly email about 2026-11 could not be sent after 4 attempts")
          .contains("smtp://drumbeat:***@127.0.0.1")
          .doesNotContain("s3cret");
    }
  }
}
