package org.backprop.playground.session;

import org.backprop.playground.state.Msg;

/** Why a session paused itself: the English sentence and the same as a message for the page's language. */
public record PauseNotice(String message, Msg detail) {}
