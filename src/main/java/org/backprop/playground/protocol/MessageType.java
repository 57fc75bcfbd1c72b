package org.backprop.playground.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code type} of every message a client may send on {@code /ws} (docs/protocol.md §4). The
 * page's {@code static/js/protocol.js} lists the same names in its frozen {@code MessageType};
 * ProtocolTypesTest keeps the two in step.
 */
public enum MessageType {
    CONFIG("config"),
    SET("set"),
    PLAY("play"),
    PAUSE("pause"),
    STEP("step"),
    RESET("reset"),
    REGENERATE("regenerate"),
    SET_WEIGHT("setWeight"),
    INSPECT("inspect"),
    GRADCHECK("gradcheck"),
    /** One more point of a person's own data (docs/protocol.md §4 "Your own data"). */
    ADD_POINT("addPoint"),
    /** The point nearest a place goes. */
    REMOVE_POINT("removePoint"),
    /** No points: a map to draw on from scratch. */
    CLEAR_POINTS("clearPoints"),
    /** Keeps the connection from being closed as idle; answered with nothing. */
    PING("ping");

    private static final Map<String, MessageType> BY_WIRE = new HashMap<>();

    static {
        for (MessageType t : values()) BY_WIRE.put(t.wire, t);
    }

    /** The name on the wire, as in {@code {"type":"setWeight"}}. */
    public final String wire;

    MessageType(String wire) {
        this.wire = wire;
    }

    /** This message with nothing but its type, as {@code {"type":"play"}}. */
    public String bare() {
        return "{\"type\":\"" + wire + "\"}";
    }

    /** This message's opening, {@code {"type":"config"}, for a sender to go on with its members. */
    public String opening() {
        return "{\"type\":\"" + wire + "\"";
    }

    /** The type named {@code wire}, or null when there is none. */
    public static MessageType fromWire(String wire) {
        return BY_WIRE.get(wire);
    }
}
