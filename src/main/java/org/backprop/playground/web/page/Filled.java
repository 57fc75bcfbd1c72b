package org.backprop.playground.web.page;

import java.util.List;
import org.backprop.playground.state.Warning;

/**
 * A link's query or a {@code config}'s values as the server filled them before reading (a stored
 * exercise's task and title, a stored run's weights), and what filling them warns of (one that is not there).
 */
public record Filled<T>(T value, List<Warning> warnings) {
    public Filled {
        warnings = List.copyOf(warnings);
    }

    /** This, filled further by {@code next}, with both steps' warnings. */
    public Filled<T> then(java.util.function.Function<T, Filled<T>> next) {
        Filled<T> after = next.apply(value);
        if (after.warnings.isEmpty()) return new Filled<>(after.value, warnings);
        return new Filled<>(
                after.value,
                java.util.stream.Stream.concat(warnings.stream(), after.warnings.stream())
                        .toList());
    }

    /** Nothing to fill: the value as given. */
    public static <T> Filled<T> as(T value) {
        return new Filled<>(value, List.of());
    }
}
