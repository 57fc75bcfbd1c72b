package org.backprop.playground.protocol;

/**
 * The {@code type} of the messages a teacher's board socket gets on {@code /ws/board/{id}}
 * (docs/protocol.md §10): the whole board once, then a student's row each time it changes; the
 * board's end when the teacher deletes it; a refusal.
 */
public enum BoardMessageType {
    BOARD("board"),
    STUDENT("student"),
    DELETED("deleted"),
    ERROR("error");

    public final String wire;

    BoardMessageType(String wire) {
        this.wire = wire;
    }
}
