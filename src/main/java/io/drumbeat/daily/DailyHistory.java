package io.drumbeat.daily;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.drumbeat.DrumbeatException;
import io.drumbeat.slack.SlashText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /daily-update history [@member] [FROM] [TO]}: a member's daily updates over a date range,
 * shown ephemerally one page at a time with "Newer"/"Older" buttons.
 *
 * <p>Privacy: who may ask for whose history, and which updates they see, is decided by {@link
 * HistoryAccess}; this class only parses the command and draws the pages.
 */
final class DailyHistory {
  /** The command's usage, quoted in every parse error. */
  public static final String USAGE = "/daily-update history [@member] [FROM] [TO]";

  /** Common prefix of the page buttons' {@code action_id}s. */
  public static final String ACTION_ID = "daily_history_page";

  /**
   * Matches the {@code action_id} of both page buttons. They differ ({@code …_newer}, {@code
   * …_older}) because Slack wants {@code action_id}s unique within a block.
   */
  public static final Pattern ACTION_IDS = Pattern.compile("^" + ACTION_ID + "(_newer|_older)?$");

  /** Days shown when no date is given: today and the 6 days before. */
  public static final int DEFAULT_DAYS = 7;

  private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]{2,31})(?:\\|[^>]*)?>");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private DailyHistory() {}

  /**
   * A button's target: which query, which page.
   *
   * @param query the history query
   * @param page 1-based page number
   */
  public record PageRef(HistoryQuery query, int page) {
    /** The button value: {@code query.encode() + "#" + page}, well under 2000 characters. */
    public String encode() {
      return query.encode() + "#" + page;
    }

    /**
     * Reads a value made by {@link #encode()}.
     *
     * @throws DrumbeatException when {@code value} is not such a value
     */
    public static PageRef decode(String value) {
      int hash = value == null ? -1 : value.lastIndexOf('#');
      if (hash < 0) {
        throw new DrumbeatException("Not a daily history page: \"" + value + "\"");
      }
      try {
        return new PageRef(
            HistoryQuery.decode(value.substring(0, hash)),
            Integer.parseInt(value.substring(hash + 1)));
      } catch (NumberFormatException e) {
        throw new DrumbeatException("Not a daily history page: \"" + value + "\"", e);
      }
    }
  }

  /**
   * Reads the words after {@code history}: an optional member mention as Slack escapes it ({@code
   * <@U0AAA1|name>} or {@code <@U0AAA1>}) and up to two ISO dates, FROM and TO. No member means the
   * caller; no date means the last {@value #DEFAULT_DAYS} days ending {@code today}; one date is
   * FROM with TO {@code today}.
   *
   * @param args the text after "history" as Slack sends it ({@code should_escape}), may be empty or
   *     null
   * @param callerId who ran the command
   * @param today today in the caller's zone
   * @throws DrumbeatException on a second member, a bad or third date, FROM after TO, a range over
   *     {@value HistoryQuery#MAX_DAYS} days or any other word; the message is one line ending with
   *     the usage, with the user's words as typed, decoded once by {@link SlashText#plain} (escape
   *     it with {@code Mrkdwn.escape} before showing it as mrkdwn)
   */
  public static HistoryQuery parse(String args, String callerId, LocalDate today) {
    String text = args == null ? "" : args;
    List<String> members = new ArrayList<>();
    Matcher mention = MENTION.matcher(text);
    while (mention.find()) {
      members.add(mention.group(1));
    }
    if (members.size() > 1) {
      throw usage("Name at most one member");
    }
    List<LocalDate> dates = new ArrayList<>();
    for (String word : SlashText.words(mention.replaceAll(" "))) {
      dates.add(date(SlashText.plain(word)));
    }
    if (dates.size() > 2) {
      throw usage("Give at most two dates, FROM and TO");
    }
    LocalDate from = dates.isEmpty() ? today.minusDays(DEFAULT_DAYS - 1) : dates.get(0);
    LocalDate to = dates.size() == 2 ? dates.get(1) : today;
    try {
      return new HistoryQuery(members.isEmpty() ? callerId : members.get(0), from, to);
    } catch (DrumbeatException e) {
      throw usage(e.getMessage());
    }
  }

  /**
   * One page of the history: a heading, the updates of the page (newest first, each a bold date
   * line then {@link DailyText#mrkdwn}) and, when there is more than one page, the "Newer"/"Older"
   * buttons that apply. Pages depend only on the query and the list, so a button always finds the
   * same page; each holds at most {@code MessagePacker.MAX_BLOCKS} blocks and about {@code
   * MessagePacker.MAX_JSON_CHARS} of JSON, and every text at most 3000 characters. An update too
   * long for one page goes on over the next, marked "continued".
   *
   * @param q the query shown
   * @param newestFirst the member's updates in the range, newest first
   * @param page 1-based; clamped to the pages there are
   * @return the message's blocks; an empty list of updates gives one section "No updates from X to
   *     Y."
   */
  public static List<LayoutBlock> page(HistoryQuery q, List<DailyUpdate> newestFirst, int page) {
    if (newestFirst.isEmpty()) {
      return List.of(text("No updates from " + q.from() + " to " + q.to() + "."));
    }
    List<List<LayoutBlock>> pages = HistoryPages.split(q, newestFirst);
    int n = Math.max(1, Math.min(page, pages.size()));
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(heading(q, n, pages.size()));
    blocks.addAll(pages.get(n - 1));
    if (pages.size() > 1) {
      blocks.add(buttons(q, n, pages.size()));
    }
    return blocks;
  }

  /** A message of one section with {@code mrkdwn}, e.g. a refusal in place of a page. */
  static List<LayoutBlock> notice(String mrkdwn) {
    return List.of(text(mrkdwn));
  }

  static LayoutBlock heading(HistoryQuery q, int page, int pages) {
    return text(
        "Daily updates of <@"
            + q.userId()
            + "> from "
            + q.from()
            + " to "
            + q.to()
            + " (page "
            + page
            + " of "
            + pages
            + ")");
  }

  static LayoutBlock buttons(HistoryQuery q, int page, int pages) {
    List<BlockElement> elements = new ArrayList<>();
    if (page > 1) {
      elements.add(pageButton(q, "_newer", "Newer", page - 1));
    }
    if (page < pages) {
      elements.add(pageButton(q, "_older", "Older", page + 1));
    }
    return actions(a -> a.elements(elements));
  }

  private static BlockElement pageButton(HistoryQuery q, String suffix, String label, int target) {
    return button(
        b ->
            b.actionId(ACTION_ID + suffix)
                .text(plainText(label))
                .value(new PageRef(q, target).encode()));
  }

  private static LayoutBlock text(String mrkdwn) {
    return section(s -> s.text(markdownText(mrkdwn)));
  }

  private static LocalDate date(String word) {
    if (!DATE.matcher(word).matches()) {
      throw usage("I don't understand `" + quote(word) + "`");
    }
    try {
      return LocalDate.parse(word);
    } catch (DateTimeParseException e) {
      throw usage("`" + word + "` is not a date");
    }
  }

  private static String quote(String word) {
    return (word.length() > 40 ? word.substring(0, 40) + "…" : word).replace("`", "'");
  }

  private static DrumbeatException usage(String problem) {
    return new DrumbeatException(
        problem
            + ". Usage: `"
            + USAGE
            + "` with dates as YYYY-MM-DD (default: the last "
            + DEFAULT_DAYS
            + " days).");
  }
}
