package org.backprop.playground.store;

/** What asking to join a board came to; the error codes are the socket protocol's. */
public enum Join {
    JOINED(null),
    /** The nickname's row was there, its session gone: the student is back, with their results. */
    REJOINED(null),
    BOARD_NOT_FOUND("board_not_found"),
    BOARD_FULL("board_full"),
    NAME_TAKEN("name_taken");

    public final String errorCode;

    Join(String errorCode) {
        this.errorCode = errorCode;
    }

    public boolean joined() {
        return errorCode == null;
    }
}
