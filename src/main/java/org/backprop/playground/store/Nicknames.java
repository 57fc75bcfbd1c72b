package org.backprop.playground.store;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A student's nickname on a board: 1 to {@link #MAX_CHARS} characters after trimming, letters,
 * digits (of any script), spaces and {@code . _ -}; unique per board regardless of case.
 */
public final class Nicknames {
    public static final int MAX_CHARS = 24;
    /** Letters with their combining marks (Hangul jamo, accents), digits, space, . _ - */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd} ._-]+");

    private Nicknames() {}

    /** The nickname as shown (trimmed, NFC), or null when it is not one. */
    public static String clean(String raw) {
        if (raw == null) return null;
        String s = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        int chars = s.codePointCount(0, s.length());
        if (chars < 1 || chars > MAX_CHARS || !ALLOWED.matcher(s).matches()) return null;
        return s;
    }

    /** What "the same nickname" compares: the cleaned name, case folded. */
    public static String key(String cleaned) {
        return cleaned.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
