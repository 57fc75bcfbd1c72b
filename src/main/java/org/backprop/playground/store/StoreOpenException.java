package org.backprop.playground.store;

/** The store could not open at start (its file taken by another server, PostgreSQL unreachable): the server does not start. */
public final class StoreOpenException extends RuntimeException {
    public StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
