package io.drumbeat.retro;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import io.drumbeat.DrumbeatException;

/**
 * Checks on a click of one of the announcement's buttons, whose value (the retro id) comes back
 * from the client and is not trusted: the retro must exist, and the click must come from a message
 * in the retro's own channel, where its announcement is.
 */
final class AnnouncementClicks {
  private AnnouncementClicks() {}

  /**
   * The retro id of a button value.
   *
   * @throws DrumbeatException (for the clicker) when it is not one
   */
  static long retroId(BlockActionPayload p) {
    return retroId(p.getActions().get(0).getValue());
  }

  /**
   * The retro id {@code value} names.
   *
   * @throws DrumbeatException (for the clicker) when it is not one
   */
  static long retroId(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (RuntimeException e) {
      throw new DrumbeatException("That button is out of date.");
    }
  }

  /** True when the click came from a message in {@code retro}'s channel. */
  static boolean inChannelOf(BlockActionPayload p, Retro retro) {
    return p.getChannel() != null && retro.channel().equals(p.getChannel().getId());
  }

  /**
   * Checks that the click came from {@code retro}'s channel.
   *
   * @throws DrumbeatException (for the clicker) when it did not
   */
  static void requireChannelOf(BlockActionPayload p, Retro retro) {
    if (!inChannelOf(p, retro)) {
      throw new DrumbeatException(
          "Use the buttons on the retro's announcement in <#" + retro.channel() + ">.");
    }
  }
}
