package org.backprop.playground.protocol;

/**
 * The {@code type} of the messages a teacher's board socket gets on {@code /ws/board/{id}}
 * (docs/protocol.md §10): the whole board once, then a student's row each time it changes.
 */
public enum BoardMessageType {
    BOARD("board"),
    STUDENT("student");

    public final String wire;

    BoardMessageType(String wire) {
        this.wire = wire;
    }
}
