package io.drumbeat.rituals;

import io.drumbeat.admin.SubCommand;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.SlashText;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /drumbeat agenda}: the VP sync's agenda (handbook "VP team sync": "any ad hoc items on the
 * agenda"). {@code agenda add TEXT} (anyone) adds an item; {@code agenda} lists the coming sync's
 * items with their numbers and authors (by name, no mention); {@code agenda remove N} removes item
 * N, for its author or an admin. Items show in the next Monday digest and are archived with it.
 * Answers are ephemeral, in the ack (a database write only).
 */
final class AgendaCommand {
  /** The usage line. */
  static final String USAGE =
      "`/drumbeat agenda add TEXT` add an item to the VP sync's agenda · `/drumbeat agenda` list"
          + " it · `/drumbeat agenda remove N` remove your item N";

  private final Jdbi jdbi;
  private final Predicate<String> isAdmin;
  private final Function<String, String> names;
  private final Clock clock;

  /**
   * @param jdbi database
   * @param isAdmin whether a Slack user id is an admin
   * @param names a user id's display name (raw text)
   * @param clock when items are added
   */
  AgendaCommand(Jdbi jdbi, Predicate<String> isAdmin, Function<String, String> names, Clock clock) {
    this.jdbi = jdbi;
    this.isAdmin = isAdmin;
    this.names = names;
    this.clock = clock;
  }

  /** The sub-command to register with {@code /drumbeat}. */
  SubCommand subCommand() {
    return new SubCommand("agenda", USAGE, (user, args, url) -> run(user, args));
  }

  String run(String user, String args) {
    String verb = args.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    String rest = args.substring(verb.length()).trim();
    return switch (verb) {
      case "" -> list();
      case "add" -> add(user, rest);
      case "remove" -> remove(user, rest);
      default -> "I don't know `/drumbeat agenda " + SlashText.mrkdwn(verb) + "`.\n" + USAGE;
    };
  }

  private String add(String user, String sent) {
    String text = SlashText.plain(sent).strip();
    if (text.isEmpty()) {
      return ":warning: Say what to discuss: `/drumbeat agenda add TEXT`.";
    }
    if (text.length() > AgendaItem.MAX_TEXT) {
      return ":warning: Keep an agenda item under " + AgendaItem.MAX_TEXT + " characters.";
    }
    long id = jdbi.onDemand(RitualsRepository.class).addAgenda(text, user, clock.instant());
    return ":white_check_mark: Added to the VP sync's agenda as item "
        + id
        + ": "
        + Mrkdwn.escape(text)
        + "\nIt shows in the next Monday digest.";
  }

  private String list() {
    List<AgendaItem> items = jdbi.onDemand(RitualsRepository.class).pendingAgenda();
    if (items.isEmpty()) {
      return "The agenda of the coming VP sync is empty. Add an item with `/drumbeat agenda add TEXT`.";
    }
    StringBuilder text = new StringBuilder("*Agenda of the coming VP sync*");
    for (AgendaItem i : items) {
      text.append("\n*")
          .append(i.id())
          .append(".* ")
          .append(Mrkdwn.escape(i.text()))
          .append(" — ")
          .append(Mrkdwn.escape(names.apply(i.author())));
    }
    return Mrkdwn.truncate(text.toString(), Mrkdwn.MAX_TEXT);
  }

  private String remove(String user, String rest) {
    long id;
    try {
      id = Long.parseLong(rest);
    } catch (NumberFormatException e) {
      return ":warning: Give the item's number: `/drumbeat agenda remove N` (`/drumbeat agenda`"
          + " lists them).";
    }
    return jdbi.inTransaction(
        h -> {
          RitualsRepository repo = h.attach(RitualsRepository.class);
          AgendaItem item = repo.pendingAgendaItem(id).orElse(null);
          if (item == null) {
            return ":warning: There is no item " + id + " on the coming sync's agenda.";
          }
          if (!item.author().equals(user) && !isAdmin.test(user)) {
            return ":no_entry: Only the item's author or an admin can remove item " + id + ".";
          }
          repo.removeAgenda(id);
          return ":white_check_mark: Removed item " + id + ": " + Mrkdwn.escape(item.text());
        });
  }
}
