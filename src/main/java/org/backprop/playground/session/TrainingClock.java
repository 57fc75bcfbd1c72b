package org.backprop.playground.session;

import java.util.function.LongSupplier;

/**
 * Training time: wall time while a session trains (playing, or running a step's epochs), summed
 * over those spells since the clock was last cleared. A pause stops it; paced or not, it is the
 * time a learner watched the network learn. Reads an injected nanosecond clock, so tests
 * simulate time.
 */
final class TrainingClock {
    private final LongSupplier nanos;
    private long total;
    /** When the running spell began, or -1 when stopped. */
    private long since = -1;

    TrainingClock(LongSupplier nanos) {
        this.nanos = nanos;
    }

    void start() {
        if (since < 0) since = nanos.getAsLong();
    }

    void stop() {
        if (since < 0) return;
        total += nanos.getAsLong() - since;
        since = -1;
    }

    /** Back to zero, stopped. */
    void clear() {
        total = 0;
        since = -1;
    }

    double seconds() {
        long running = since < 0 ? 0 : nanos.getAsLong() - since;
        return (total + running) / 1e9;
    }
}
