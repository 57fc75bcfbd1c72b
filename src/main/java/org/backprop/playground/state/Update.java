package org.backprop.playground.state;

import java.util.List;

/**
 * The answer to a {@code set}: the new state when every change was accepted, or the old state
 * unchanged and one error per refused key (a refused message changes nothing).
 *
 * @param changed  the keys whose value differs from before (empty when refused), the dependent ones included
 * @param warnings what the server changed besides the keys sent, and why (empty when refused)
 */
public record Update(PlaygroundState state, List<String> changed, List<FieldError> errors, List<Warning> warnings) {
    public Update {
        changed = List.copyOf(changed);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public Update(PlaygroundState state, List<String> changed, List<FieldError> errors) {
        this(state, changed, errors, List.of());
    }

    public boolean accepted() {
        return errors.isEmpty();
    }
}
