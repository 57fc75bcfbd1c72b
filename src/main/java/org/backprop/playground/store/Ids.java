package org.backprop.playground.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Exercise and board ids (10 URL-safe base64 characters: 60 random bits, short enough for a link,
 * not a secret) and teacher keys (22 characters: 132 bits from {@link SecureRandom}, kept only as
 * their SHA-256). Thread-safe.
 */
public final class Ids {
    public static final int ID_CHARS = 10;
    public static final int KEY_CHARS = 22;
    /** What an id or a key may look like: URL-safe base64, at most a key's length and a bit more. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final SecureRandom random = new SecureRandom();

    public String newId() {
        return token(ID_CHARS);
    }

    public String newKey() {
        return token(KEY_CHARS);
    }

    private String token(int chars) {
        byte[] bytes = new byte[(chars * 6 + 7) / 8];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, chars);
    }

    /** Whether {@code text} could be an id or a key (anything else is not looked up at all). */
    public static boolean wellFormed(String text) {
        return text != null && TOKEN.matcher(text).matches();
    }

    /** The hex SHA-256 of a key: what the store keeps instead of the key. */
    public static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether {@code key} hashes to {@code expectedHash}, compared in constant time. */
    public static boolean keyMatches(String key, String expectedHash) {
        if (key == null || !wellFormed(key)) return false;
        return MessageDigest.isEqual(
                hash(key).getBytes(StandardCharsets.US_ASCII), expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
