package org.backprop.playground.state;

/**
 * What reading one raw value gave: the value as is, the value clamped into its limits (with the
 * message that says so), or a refusal (no value, a message). The URL parser turns a clamp or a
 * refusal into a warning; the {@code set} path turns either into an error.
 */
record Reading<T>(T value, String message, boolean refused) {
    static <T> Reading<T> ok(T value) {
        return new Reading<>(value, null, false);
    }

    static <T> Reading<T> clamped(T value, String message) {
        return new Reading<>(value, message, false);
    }

    static <T> Reading<T> refused(String message) {
        return new Reading<>(null, message, true);
    }

    boolean clean() {
        return message == null;
    }
}
