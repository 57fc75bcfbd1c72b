package org.backprop.playground.state;

/**
 * Something the codec did not take as given: a bad value replaced by its default, a value clamped
 * to a limit, a combination fixed. {@code value} echoes the raw text, shortened; it is data, so a
 * page shows it with textContent, never as markup. {@code detail} is the message as an id and
 * params (for the page's language); {@code message} is its English.
 */
public record Warning(String key, String value, String message, Msg detail) {
    static final int ECHO_CHARS = 64;

    public Warning {
        if (value != null && value.length() > ECHO_CHARS) value = value.substring(0, ECHO_CHARS) + "…";
    }

    /** The warning whose English is {@code detail}'s, from strings.json. */
    public Warning(String key, String value, Msg detail) {
        this(key, value, English.of(detail), detail);
    }
}
