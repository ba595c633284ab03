package io.drumbeat.rituals;

import io.drumbeat.DrumbeatException;
import io.drumbeat.Feature;
import io.drumbeat.Shared;
import io.drumbeat.admin.SubCommand;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.config.TeamConfig;
import io.drumbeat.okr.DigestAdditions;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Assembles the links between the rituals (issue 12): the Monday digest's added sections (open
 * retro action items, stuck blockers, the agenda, each KR's open actions) and {@code /drumbeat
 * agenda}. Retro topics from the OKRs and action items linked to KRs live in the retro feature.
 *
 * @param digestAdditions what the OKR feature's digest shows after and under its KRs
 * @param subCommands the {@code /drumbeat} sub-commands
 * @param feature the monthly update's jobs (no listeners of its own, no help line)
 */
public record RitualsFeature(
    DigestAdditions digestAdditions, List<SubCommand> subCommands, Feature feature) {

  /**
   * Builds the feature from the shared parts.
   *
   * @param smtpUrl {@code SMTP_URL} for the monthly email, if set (a secret: never logged)
   * @throws io.drumbeat.DrumbeatException when {@code smtpUrl} is not an SMTP URL
   */
  public static RitualsFeature assemble(Shared s, Optional<String> smtpUrl) {
    DrumbeatConfig config = s.config();
    DigestSections sections =
        new DigestSections(
            s.users()::nameOf,
            team ->
                config.teams().stream()
                    .filter(t -> t.id().equals(team))
                    .map(TeamConfig::name)
                    .findFirst()
                    .orElse(team),
            config::isWorkday,
            config.daily().blockerAgeDays(),
            s.clock());
    AgendaCommand agenda =
        new AgendaCommand(s.jdbi(), config::isAdmin, s.users()::nameOf, s.clock());
    Optional<MonthlyUpdate> monthly =
        config
            .monthly()
            .channel()
            .map(
                ref ->
                    new MonthlyUpdate(
                        s.jdbi(), s.outbox(), config, () -> s.channels().id(ref), s.clock()));
    Optional<MonthlyJobs> jobs =
        monthly.map(
            m ->
                new MonthlyJobs(
                    m,
                    s.admins(),
                    s.clock(),
                    config.timezone(),
                    s.retryDelay().multipliedBy(60),
                    sender(s, smtpUrl)));
    MonthlyCommand command = new MonthlyCommand(monthly, config::isAdmin, s.clock());
    return new RitualsFeature(
        sections,
        List.of(agenda.subCommand(), command.subCommand()),
        new Feature(
            jobs.map(MonthlyJobs::oneTime).orElse(List.of()),
            jobs.map(MonthlyJobs::recurring).orElse(List.of()),
            app -> {},
            List.of(),
            ""));
  }

  private static Consumer<YearMonth> sender(Shared s, Optional<String> smtpUrl) {
    if (s.config().monthly().emailTo().isEmpty()) {
      return null;
    }
    Optional<MonthlyEmail> email =
        smtpUrl.map(
            url -> new MonthlyEmail(s.jdbi(), s.config(), SmtpSettings.parse(url), s.clock()));
    return month ->
        email
            .orElseThrow(
                () ->
                    new DrumbeatException(
                        "monthly.email.to is set but SMTP_URL is not, so no email was sent"))
            .send(month);
  }
}
