package org.backprop.playground.web.page;

import java.util.List;
import org.backprop.playground.state.Warning;

/**
 * A link's query or a {@code config}'s values as the server filled them before reading (a stored
 * exercise's task and title), and what filling them warns of (an exercise that is not there).
 */
public record Filled<T>(T value, List<Warning> warnings) {
    public Filled {
        warnings = List.copyOf(warnings);
    }

    /** Nothing to fill: the value as given. */
    public static <T> Filled<T> as(T value) {
        return new Filled<>(value, List.of());
    }
}
