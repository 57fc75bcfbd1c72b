package org.backprop.playground.state;

import java.util.List;

/**
 * The answer to a {@code set}: the new state when every change was accepted, or the old state
 * unchanged and one error per refused key (a refused message changes nothing).
 *
 * @param changed the keys whose value differs from before (empty when refused)
 */
public record Update(PlaygroundState state, List<String> changed, List<FieldError> errors) {
    public Update {
        changed = List.copyOf(changed);
        errors = List.copyOf(errors);
    }

    public boolean accepted() {
        return errors.isEmpty();
    }
}
