package org.backprop.playground.store;

/** The database failed (unreachable, full, a bug in our SQL): the web layer answers 503 {@code store_unavailable}. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
