package io.drumbeat.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Slack channel named in {@code drumbeat.yml}, remembered with where it was written so that a
 * later check (for example "is the bot a member?") can point at the right key.
 *
 * @param keyPath where the reference sits in the file, e.g. {@code "okr.digestChannel"} or {@code
 *     "teams[0].channel"}
 * @param value the reference as written: a channel id ({@code C0123ABCD}, {@code G…} for old
 *     private channels) or {@code #name} with a lowercase Slack channel name (1–80 of {@code
 *     a-z0-9_-})
 */
public record ChannelRef(String keyPath, String value) {
  private static final Pattern ID = Pattern.compile("[CG][A-Z0-9]{2,}");
  private static final Pattern NAME = Pattern.compile("#[a-z0-9_-]{1,80}");

  /**
   * @throws IllegalArgumentException if {@code value} is neither a channel id nor a {@code #name};
   *     the message quotes the value and says what to write instead
   * @throws NullPointerException if an argument is null
   */
  public ChannelRef {
    Objects.requireNonNull(keyPath, "keyPath");
    Objects.requireNonNull(value, "value");
    if (!ID.matcher(value).matches() && !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          Scalars.quote(value) + " is not a channel (use a channel id like C0123ABCD or #name)");
    }
  }

  /**
   * @return true if the value is a channel id ({@code C…} or {@code G…}), false for a {@code #name}
   */
  public boolean isId() {
    return ID.matcher(value).matches();
  }

  /**
   * @return the channel name without {@code #} (e.g. {@code "okrs"} for {@code "#okrs"}), or the id
   *     itself when the value is an id
   */
  public String name() {
    return isId() ? value : value.substring(1);
  }
}
