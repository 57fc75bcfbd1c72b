package org.backprop.playground.web;

import java.util.concurrent.Semaphore;

/**
 * At most N heavy API requests (training, gradient checks) compute at once, N the server's cores
 * by default ({@code --max-heavy-requests}); one more is refused at once with 429 and
 * {@code Retry-After}, never queued, so a burst cannot pile up threads or CPU behind the ones running.
 */
final class HeavyGate {
    /** Seconds a refused client is asked to wait: a running request takes at most about {@link ApiCost#MAX_UNITS}. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final int max;
    private final Semaphore permits;

    HeavyGate(int max) {
        if (max < 1) throw new IllegalArgumentException("at least one heavy request must be allowed, got " + max);
        this.max = max;
        this.permits = new Semaphore(max);
    }

    /** A place among the N, released when closed; a 429 {@code busy} refusal when all are taken. */
    Permit enter() {
        if (!permits.tryAcquire()) {
            throw new ApiException(
                            429,
                            "busy",
                            "",
                            "the server is already running its maximum of " + max
                                    + " training or gradient-check requests at once; retry after " + RETRY_AFTER_SECONDS
                                    + " s")
                    .retryAfter(RETRY_AFTER_SECONDS);
        }
        return permits::release;
    }

    /** Heavy requests computing now (for tests). */
    int running() {
        return max - permits.availablePermits();
    }

    int max() {
        return max;
    }

    /** A held place; closing it twice would free another's, so callers close it once, in try-with-resources. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
