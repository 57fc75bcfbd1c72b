package org.backprop.playground.state;

/**
 * What reading one raw value gave: the value as is, the value clamped into its limits (with the
 * message that says so), or a refusal (no value, a message). The URL parser turns a clamp or a
 * refusal into a warning; the {@code set} path turns either into an error. {@code msg} is the
 * message as an id and params, {@code message} its English.
 */
record Reading<T>(T value, String message, Msg msg, boolean refused) {
    static <T> Reading<T> ok(T value) {
        return new Reading<>(value, null, null, false);
    }

    static <T> Reading<T> clamped(T value, Msg msg, String message) {
        return new Reading<>(value, message, msg, false);
    }

    static <T> Reading<T> refused(Msg msg, String message) {
        return new Reading<>(null, message, msg, true);
    }

    boolean clean() {
        return message == null;
    }
}
