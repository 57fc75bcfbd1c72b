package org.backprop.playground.state;

/**
 * A refused change, as the {@code error} message carries it: a machine code, the field it concerns
 * (null when none), a sentence that says what to send instead, and that sentence as an id and
 * params ({@code detail}, for the page's language; null when it has none).
 */
public record FieldError(String code, String field, String message, Msg detail) {
    /** A value that does not parse or is out of range. */
    public static final String BAD_VALUE = "bad_value";
    /** A key no state has. */
    public static final String UNKNOWN_KEY = "unknown_key";
    /** A combination the engine cannot train (e.g. loss ce on a two-class set). */
    public static final String CONFLICT = "conflict";
    /** A key the exercise locked. */
    public static final String LOCKED = "locked";

    /** The error whose English is {@code detail}'s, from strings.json. */
    public FieldError(String code, String field, Msg detail) {
        this(code, field, English.of(detail), detail);
    }
}
