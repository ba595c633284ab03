package io.drumbeat.rituals;

import io.drumbeat.DrumbeatException;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.okr.chart.ChartImage;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The month in review by email to {@code monthly.email.to}, from {@code monthly.email.from},
 * through {@link SmtpSettings} ({@code SMTP_URL}): {@code multipart/related} holding a {@code
 * multipart/alternative} (plain text, then HTML) and, when there is one, the KR chart as an inline
 * PNG ({@code Content-ID <kr-chart>}) that the HTML shows.
 */
final class MonthlyEmail {
  /** Content-ID of the inline chart. */
  static final String CHART_ID = "kr-chart";

  private final Jdbi jdbi;
  private final DrumbeatConfig config;
  private final SmtpSettings smtp;
  private final Clock clock;

  /**
   * @param jdbi database
   * @param config {@code monthly.email} and what the report needs
   * @param smtp the SMTP server
   * @param clock the message's date
   */
  MonthlyEmail(Jdbi jdbi, DrumbeatConfig config, SmtpSettings smtp, Clock clock) {
    this.jdbi = jdbi;
    this.config = config;
    this.smtp = smtp;
    this.clock = clock;
  }

  /**
   * Sends the email about {@code month}.
   *
   * @throws DrumbeatException when the server refuses it or cannot be reached (the message names
   *     the server without the password)
   */
  void send(YearMonth month) {
    Session session = Session.getInstance(smtp.properties());
    try {
      MimeMessage message = message(session, month);
      try (Transport transport = session.getTransport()) {
        transport.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
        transport.sendMessage(message, message.getAllRecipients());
      }
    } catch (MessagingException e) {
      throw new DrumbeatException(
          "Could not send the monthly email through " + smtp + ": " + e.getMessage(), e);
    }
  }

  MimeMessage message(Session session, YearMonth month) throws MessagingException {
    String title = MonthlyReport.title(month);
    List<String> plain =
        jdbi.inTransaction(h -> MonthlyReport.paragraphs(h, month, config, ReportStyle.PLAIN));
    List<String> html =
        jdbi.inTransaction(h -> MonthlyReport.paragraphs(h, month, config, ReportStyle.HTML));
    Optional<ChartImage> chart = jdbi.inTransaction(h -> MonthlyChart.of(h, month, config));

    MimeBodyPart text = new MimeBodyPart();
    text.setText(title + "\n\n" + String.join("\n\n", plain) + "\n", "UTF-8");
    MimeBodyPart page = new MimeBodyPart();
    page.setContent(html(title, html, chart.isPresent()), "text/html; charset=UTF-8");
    MimeMultipart alternative = new MimeMultipart("alternative", text, page);
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);
    MimeMultipart related = new MimeMultipart("related", body);
    if (chart.isPresent()) {
      MimeBodyPart image = new MimeBodyPart();
      image.setDataHandler(
          new DataHandler(new ByteArrayDataSource(chart.get().png(), "image/png")));
      image.setContentID("<" + CHART_ID + ">");
      image.setDisposition(MimeBodyPart.INLINE);
      image.setFileName(chart.get().filename());
      related.addBodyPart(image);
    }
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(config.monthly().emailFrom().orElseThrow()));
    for (String to : config.monthly().emailTo()) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
    }
    message.setSubject(title, "UTF-8");
    message.setSentDate(Date.from(clock.instant()));
    message.setContent(related);
    message.saveChanges();
    return message;
  }

  private static String html(String title, List<String> paragraphs, boolean chart) {
    StringBuilder page =
        new StringBuilder("<!DOCTYPE html><html><body><h1>")
            .append(ReportStyle.html(title))
            .append("</h1>\n");
    if (chart) {
      page.append("<p><img src=\"cid:")
          .append(CHART_ID)
          .append("\" alt=\"KR progress\" width=\"600\"></p>\n");
    }
    paragraphs.forEach(p -> page.append("<p>").append(p.replace("\n", "<br>\n")).append("</p>\n"));
    return page.append("</body></html>\n").toString();
  }
}
