package io.drumbeat.retro;

import io.drumbeat.DrumbeatException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;

/**
 * A retro's secret key ({@code retro.secret}: 32 random bytes from {@link SecureRandom}, made on
 * first use) and what is derived from it with HMAC-SHA256, so that nothing a person sees follows
 * the global item ids (which grow with the time of submission):
 *
 * <ul>
 *   <li>an item's reference ({@link #ref}): {@value #REF_LENGTH} URL-safe base64 characters (66
 *       bits), the value of its checkbox and of its "Edit" button; decoded exactly, only among the
 *       retro's own items ({@link #byRef});
 *   <li>the retro's fixed random order of items ({@link #order}): by reference;
 *   <li>seals ({@link #seal}) that bind the ids a form carries in {@code private_metadata} to the
 *       person it was opened for, checked on every submission ({@link #opens});
 *   <li>replay ids of its forms ({@link #replayId}), so the replay ledger keeps no view id that
 *       Slack or the author's client could tie to the author.
 * </ul>
 */
final class RetroKey {
  /** Characters of an item reference. */
  static final int REF_LENGTH = 11;

  /** Characters of a seal. */
  static final int SEAL_LENGTH = 22;

  private static final String HMAC = "HmacSHA256";
  private static final int SECRET_BYTES = 32;
  private final SecretKeySpec key;

  /**
   * @param secret the key's bytes (at least 16)
   */
  RetroKey(byte[] secret) {
    this.key = new SecretKeySpec(secret, HMAC);
  }

  /**
   * The key of retro {@code retroId}, made and stored in {@code handle}'s transaction if it has
   * none yet (two instances making one at once agree on the first stored).
   *
   * @throws DrumbeatException when there is no such retro
   */
  static RetroKey of(Handle handle, long retroId) {
    RetroRepository retros = handle.attach(RetroRepository.class);
    String secret = retros.secret(retroId).orElseThrow(RetroKey::gone);
    if (secret.isEmpty()) {
      byte[] fresh = new byte[SECRET_BYTES];
      new SecureRandom().nextBytes(fresh);
      retros.setSecret(retroId, Base64.getEncoder().encodeToString(fresh));
      secret = retros.secret(retroId).orElseThrow(RetroKey::gone);
    }
    return new RetroKey(Base64.getDecoder().decode(secret));
  }

  /** The opaque reference of item {@code itemId} in this retro. */
  String ref(long itemId) {
    return mac("item\n" + itemId).substring(0, REF_LENGTH);
  }

  /** {@code items} in this retro's fixed random order (by reference; a tie by id). */
  List<RetroItem> order(Collection<RetroItem> items) {
    Map<Long, String> refs = new HashMap<>();
    items.forEach(i -> refs.put(i.id(), ref(i.id())));
    List<RetroItem> ordered = new ArrayList<>(items);
    ordered.sort(
        Comparator.comparing((RetroItem i) -> refs.get(i.id())).thenComparingLong(RetroItem::id));
    return ordered;
  }

  /**
   * {@code items} by reference. Decoding is exact: a reference shared by two items (a 2^-66 chance
   * per pair) is left out, so it is refused rather than read as the wrong item.
   */
  Map<String, RetroItem> byRef(Collection<RetroItem> items) {
    Map<String, RetroItem> byRef = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (RetroItem item : items) {
      if (byRef.put(ref(item.id()), item) != null) {
        shared.add(ref(item.id()));
      }
    }
    shared.forEach(byRef::remove);
    return byRef;
  }

  /**
   * The seal of a form of kind {@code purpose} (e.g. "item") opened for {@code userId} about {@code
   * subject} (the ids it carries), {@value #SEAL_LENGTH} URL-safe base64 characters.
   */
  String seal(String purpose, String userId, String subject) {
    return mac(purpose + "\n" + userId + "\n" + subject).substring(0, SEAL_LENGTH);
  }

  /** True when {@code seal} is the {@link #seal} of exactly this purpose, user and subject. */
  boolean opens(String seal, String purpose, String userId, String subject) {
    return seal != null
        && MessageDigest.isEqual(
            seal.getBytes(StandardCharsets.UTF_8),
            seal(purpose, userId, subject).getBytes(StandardCharsets.UTF_8));
  }

  /** The replay-ledger id of a submission of view {@code viewId} with {@code hash}. */
  String replayId(String viewId, String hash) {
    return "retro:" + mac("view\n" + viewId + "\n" + hash).substring(0, SEAL_LENGTH);
  }

  private String mac(String text) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static DrumbeatException gone() {
    return new DrumbeatException("That retro is gone.");
  }
}
