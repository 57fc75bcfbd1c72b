package org.backprop.playground.session;

import org.backprop.playground.state.FieldError;
import org.backprop.playground.state.Msg;

/** A command the session refused, unchanged; the handler answers it with an {@code error} message. */
public final class Refusal extends RuntimeException {
    /** The session diverged; only reset (or a new config) trains again. */
    public static final String DIVERGED = "diverged";

    private final transient FieldError error;

    Refusal(String code, String field, Msg detail) {
        this(new FieldError(code, field, detail));
    }

    Refusal(FieldError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public FieldError error() {
        return error;
    }
}
