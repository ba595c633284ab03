package io.drumbeat.rituals;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When two blockers are "the same blocker" (README, "Stuck blockers"). Each line of an update's
 * "Anything blocking you?" answer is one blocker. A line is normalised: lower case, accents
 * removed, Slack links reduced to their label, everything but letters and digits turned into
 * spaces, a leading list marker dropped. Lines that say there is no blocker ("none", "no", "n/a",
 * "nothing", "-") are not blockers. Two normalised blockers are the same when one contains the
 * other, or when their sets of words overlap by at least {@value #SAME} (Jaccard index: shared
 * words over all words).
 */
final class BlockerText {
  /** Jaccard index of the word sets from which two blockers are the same. */
  static final double SAME = 0.6;

  private static final Set<String> NONE =
      Set.of("", "none", "no", "n a", "na", "nothing", "nope", "no blockers", "no blocker", "nil");

  private BlockerText() {}

  /** The blockers of one answer, normalised, without the lines that say there is none. */
  static List<String> blockers(String answer) {
    if (answer == null) {
      return List.of();
    }
    return answer.lines().map(BlockerText::normalise).filter(b -> !NONE.contains(b)).toList();
  }

  /** One line normalised (see the class comment). */
  static String normalise(String line) {
    String text = line.replaceAll("<[^|>]*\\|([^>]*)>", "$1").replaceAll("<([^>]*)>", "$1");
    text = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    text = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return text;
  }

  /** True when normalised blockers {@code a} and {@code b} are the same blocker. */
  static boolean same(String a, String b) {
    if (a.contains(b) || b.contains(a)) {
      return true;
    }
    Set<String> wordsA = new HashSet<>(Arrays.asList(a.split(" ")));
    Set<String> wordsB = new HashSet<>(Arrays.asList(b.split(" ")));
    Set<String> union = new HashSet<>(wordsA);
    union.addAll(wordsB);
    wordsA.retainAll(wordsB);
    return (double) wordsA.size() / union.size() >= SAME;
  }

  /** True when some blocker of {@code answer} is the same as {@code blocker}. */
  static boolean mentions(String answer, String blocker) {
    return blockers(answer).stream().anyMatch(b -> same(b, blocker));
  }
}
