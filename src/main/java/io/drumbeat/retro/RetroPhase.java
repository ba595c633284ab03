package io.drumbeat.retro;

/**
 * The phases of a retro, in order: items are collected, voted on, discussed, then the retro is
 * closed and its notes are posted.
 */
public enum RetroPhase {
  COLLECTING("collecting items"),
  VOTING("voting"),
  DISCUSSING("discussing"),
  CLOSED("closed");

  private final String label;

  RetroPhase(String label) {
    this.label = label;
  }

  /** The phase in words, e.g. "collecting items". */
  public String label() {
    return label;
  }
}
