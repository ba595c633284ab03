package io.drumbeat.retro;

import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lays a retro's items out on the pages of the voting modal within Slack's limits: items in prompt
 * order ({@link RetroCategory}), then in the order given (the retro's fixed random order, {@link
 * RetroKey#order}), numbered from 1; each prompt's items in groups of at most {@value #MAX_OPTIONS}
 * (one checkbox group each) whose full, escaped texts fill as few sections of at most {@value
 * Mrkdwn#MAX_TEXT} characters as they can; groups fill pages of at most {@value #MAX_BLOCKS}
 * blocks, counting a header per prompt on each page and {@value #PAGE_OVERHEAD} blocks for the
 * introduction and the page buttons.
 */
final class VotePages {
  /** Slack's limit on blocks in a modal. */
  static final int MAX_BLOCKS = 100;

  /** Slack's limit on options in a checkbox group. */
  static final int MAX_OPTIONS = 10;

  /** Blocks on every page besides the items: the introduction and the page buttons. */
  static final int PAGE_OVERHEAD = 2;

  private VotePages() {}

  /**
   * An item as listed.
   *
   * @param number its number in the modal, from 1
   * @param item the item
   * @param ref its reference ({@link RetroKey#ref}), the value of its checkbox
   */
  record Entry(int number, RetroItem item, String ref) {}

  /**
   * Items voted on with one checkbox group.
   *
   * @param category their prompt
   * @param first true when this is the prompt's first group
   * @param entries at most {@value #MAX_OPTIONS} items
   * @param sections the items' numbered, escaped texts, each at most {@value Mrkdwn#MAX_TEXT}
   */
  record Group(RetroCategory category, boolean first, List<Entry> entries, List<String> sections) {
    /** Blocks it takes: its sections and its checkbox input. */
    int blocks() {
      return sections.size() + 1;
    }
  }

  /**
   * One page of the modal.
   *
   * @param groups its groups, in order
   */
  record Page(List<Group> groups) {
    /** The references of the items on it. */
    Set<String> refs() {
      return groups.stream()
          .flatMap(g -> g.entries().stream())
          .map(Entry::ref)
          .collect(Collectors.toSet());
    }
  }

  /**
   * The pages for {@code items}; empty when there are none.
   *
   * @param items in the order to list them within a prompt
   * @param named whether to show authors (only named retros have them)
   * @param refs each item's reference
   */
  static List<Page> layout(List<RetroItem> items, boolean named, Function<RetroItem, String> refs) {
    List<Page> pages = new ArrayList<>();
    List<Group> current = new ArrayList<>();
    int used = PAGE_OVERHEAD;
    RetroCategory last = null;
    for (Group group : groups(items, named, refs)) {
      int cost = group.blocks() + (group.category() == last ? 0 : 1);
      if (!current.isEmpty() && used + cost > MAX_BLOCKS) {
        pages.add(new Page(List.copyOf(current)));
        current.clear();
        used = PAGE_OVERHEAD;
        cost = group.blocks() + 1;
      }
      if (used + cost > MAX_BLOCKS) {
        throw new IllegalStateException("A group of votes needs " + cost + " blocks; a bug");
      }
      current.add(group);
      used += cost;
      last = group.category();
    }
    if (!current.isEmpty()) {
      pages.add(new Page(List.copyOf(current)));
    }
    return List.copyOf(pages);
  }

  private static List<Group> groups(
      List<RetroItem> items, boolean named, Function<RetroItem, String> refs) {
    List<RetroItem> ordered =
        items.stream().sorted(Comparator.comparing(RetroItem::category)).toList();
    List<Group> groups = new ArrayList<>();
    int i = 0;
    while (i < ordered.size()) {
      RetroCategory category = ordered.get(i).category();
      boolean first = true;
      while (i < ordered.size() && ordered.get(i).category() == category) {
        List<Entry> entries = new ArrayList<>();
        while (i < ordered.size()
            && ordered.get(i).category() == category
            && entries.size() < MAX_OPTIONS) {
          entries.add(new Entry(i + 1, ordered.get(i), refs.apply(ordered.get(i))));
          i++;
        }
        groups.add(new Group(category, first, List.copyOf(entries), sections(entries, named)));
        first = false;
      }
    }
    return groups;
  }

  /** The entries' texts packed into sections; an entry too long for one is split over several. */
  private static List<String> sections(List<Entry> entries, boolean named) {
    List<String> sections = new ArrayList<>();
    StringBuilder section = new StringBuilder();
    for (Entry entry : entries) {
      String text = text(entry, named);
      int needed = section.length() == 0 ? text.length() : section.length() + 2 + text.length();
      if (needed > Mrkdwn.MAX_TEXT && section.length() > 0) {
        sections.add(section.toString());
        section.setLength(0);
      }
      if (text.length() > Mrkdwn.MAX_TEXT) {
        sections.addAll(Mrkdwn.chunk(text, Mrkdwn.MAX_TEXT));
        continue;
      }
      section.append(section.length() == 0 ? "" : "\n\n").append(text);
    }
    if (section.length() > 0) {
      sections.add(section.toString());
    }
    return List.copyOf(sections);
  }

  /** "*#3* the escaped text" (its number in the modal), with " — @author" in a named retro. */
  private static String text(Entry entry, boolean named) {
    RetroItem item = entry.item();
    String by = named && item.author() != null ? " — <@" + item.author() + ">" : "";
    return "*#" + entry.number() + "* " + Mrkdwn.escape(item.text()) + by;
  }
}
