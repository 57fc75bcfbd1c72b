package org.backprop.playground.state;

import java.util.List;

/** A state read from a URL or a {@code config} message, and what was not taken as given. */
public record Parsed(PlaygroundState state, List<Warning> warnings) {
    public Parsed {
        warnings = List.copyOf(warnings);
    }
}
