package org.backprop.playground.protocol;

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

    /** This message's type as a JSON member, {@code "type":"hello"}: what a reader of the text looks for. */
    public String member() {
        return "\"type\":\"" + wire + "\"";
    }

    /** How this message's JSON starts when the type comes first, as the server writes it: {@code {"type":"frame"}. */
    public String opening() {
        return "{" + member();
    }
}
