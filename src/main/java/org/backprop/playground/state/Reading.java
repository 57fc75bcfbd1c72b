package org.backprop.playground.state;

/**
 * What reading one raw value gave: the value as is, the value clamped into its limits (with the
 * message that says so), or a refusal (no value, a message). The URL parser turns a clamp or a
 * refusal into a warning; the {@code set} path turns either into an error. {@code msg} is the
 * message as an id and params; its English is {@link #message()}'s.
 */
record Reading<T>(T value, Msg msg, boolean refused) {
    static <T> Reading<T> ok(T value) {
        return new Reading<>(value, null, false);
    }

    static <T> Reading<T> clamped(T value, Msg msg) {
        return new Reading<>(value, msg, false);
    }

    static <T> Reading<T> refused(Msg msg) {
        return new Reading<>(null, msg, true);
    }

    /** The English of the clamp or refusal, null for a clean reading. */
    String message() {
        return msg == null ? null : English.of(msg);
    }

    boolean clean() {
        return msg == null;
    }
}
