package io.drumbeat.retro;

import java.util.Locale;
import java.util.Optional;

/**
 * The prompts a retro item answers (handbook {@code planning-process.md} and {@code
 * recurring-processes.md}: what went well, did we accomplish what we said, what didn't go well,
 * what did we learn, what should we start / stop / continue). Stored by name.
 */
public enum RetroCategory {
  WINS("What went well (wins)?", "Wins"),
  ACCOMPLISHED(
      "Did we accomplish what we said we were going to accomplish?", "Did we do what we said?"),
  NOT_WELL("What didn't go well?", "What didn't go well"),
  LEARNED("What did you learn?", "Learnings"),
  START("What should we start doing?", "Start"),
  STOP("What should we stop doing?", "Stop"),
  CONTINUE("What should we continue doing?", "Continue");

  private final String prompt;
  private final String heading;

  RetroCategory(String prompt, String heading) {
    this.prompt = prompt;
    this.heading = heading;
  }

  /** The question as asked, e.g. "What didn't go well?". */
  public String prompt() {
    return prompt;
  }

  /** The short heading used in the notes, e.g. "Learnings". */
  public String heading() {
    return heading;
  }

  /** The category named {@code name} (any case), if any. */
  public static Optional<RetroCategory> parse(String name) {
    try {
      return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
