package org.backprop.playground.state;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One state key: how its raw text is read (within the limits), where the value goes in a
 * builder, and how it is written back, as URL text and as a JSON value.
 *
 * @param blankIsValue whether an empty value means something (networkShape= is "no hidden
 *                     layer"); for the other keys TF treats it as absent
 */
record Key<T>(
        String name,
        BiFunction<String, PlaygroundLimits, Reading<T>> reader,
        BiConsumer<StateBuilder, T> setter,
        Function<PlaygroundState, T> getter,
        Function<T, String> urlText,
        Function<T, Object> jsonValue,
        boolean blankIsValue) {

    Reading<T> read(String raw, PlaygroundLimits limits) {
        return reader.apply(raw, limits);
    }

    void set(StateBuilder builder, T value) {
        setter.accept(builder, value);
    }

    /** The canonical URL text of this key's value in {@code state}, or null when it is not written. */
    String write(PlaygroundState state) {
        return urlText.apply(getter.apply(state));
    }

    Object json(PlaygroundState state) {
        return jsonValue.apply(getter.apply(state));
    }

    /** Whether {@code a} and {@code b} differ in this key. */
    boolean differs(PlaygroundState a, PlaygroundState b) {
        return !java.util.Objects.equals(getter.apply(a), getter.apply(b));
    }
}
