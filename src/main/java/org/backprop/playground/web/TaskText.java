package org.backprop.playground.web;

/**
 * An exercise's task text as the store accepts it: plain text of at most {@link #MAX_CHARS}
 * characters; line breaks are kept (CRLF as LF), tabs too, any other control character is
 * refused (PostgreSQL cannot even store NUL). It is never markup: pages render it as text.
 */
final class TaskText {
    static final int MAX_CHARS = 2000;

    private TaskText() {}

    /** The task to store, or an {@link ApiException} naming {@code field}. */
    static String check(String raw, String field) {
        String s = raw.replace("\r\n", "\n").replace('\r', '\n');
        int chars = s.codePointCount(0, s.length());
        if (chars > MAX_CHARS)
            throw ApiException.tooLarge(field, "the task text is " + chars + " characters; at most " + MAX_CHARS);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw ApiException.invalid(
                        field,
                        "the task text holds a control character (U+" + String.format("%04X", (int) c) + " at " + i
                                + "); plain text, line breaks and tabs only");
            }
            if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                            || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                throw ApiException.invalid(
                        field, "the task text holds half of a character (a lone surrogate at " + i + ")");
            }
        }
        return s;
    }
}
