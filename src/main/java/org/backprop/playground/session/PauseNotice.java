package org.backprop.playground.session;

import org.backprop.playground.state.English;
import org.backprop.playground.state.Msg;

/** Why a session paused itself: the message for the page's language, and its English. */
public record PauseNotice(String message, Msg detail) {
    public PauseNotice(Msg detail) {
        this(English.of(detail), detail);
    }
}
