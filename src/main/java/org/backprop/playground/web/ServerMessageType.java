package org.backprop.playground.web;

/**
 * The {@code type} of every message the server sends on {@code /ws}: JSON text ({@code hello},
 * {@code state}, {@code error}, {@code inspection}, {@code gradcheck}) and binary envelopes ({@code frame}, {@code data}). Mirrored by the
 * frozen {@code ServerMessageType} of {@code static/js/protocol.js}.
 */
public enum ServerMessageType {
    HELLO("hello"),
    STATE("state"),
    ERROR("error"),
    FRAME("frame"),
    DATA("data"),
    INSPECTION("inspection"),
    GRADCHECK("gradcheck");

    public final String wire;

    ServerMessageType(String wire) {
        this.wire = wire;
    }
}
