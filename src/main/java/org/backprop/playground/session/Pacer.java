package org.backprop.playground.session;

import org.backprop.playground.state.Speed;

/**
 * The epochs a paced session may train, from the time that has passed: a bucket of credit that fills
 * at the speed's rate and is spent one epoch at a time. Fractions carry over from turn to turn, so
 * over time the rate is the speed's; but the bucket holds at most one epoch plus one frame period's
 * worth ({@link #MAX_BACKLOG_NANOS}), so after a pause, a slow frame or a loaded server the session
 * goes on at its pace and never bursts to catch up. Time is passed in ({@code now}, in nanoseconds),
 * so tests run it on a simulated clock. Not thread-safe: its session's lock guards it.
 */
final class Pacer {
    /** Credit of one epoch, in nanoseconds × epochs per second: whole-number arithmetic, exact fractions. */
    static final long EPOCH = 1_000_000_000L;
    /** The most time whose epochs are still owed: one frame period at the default 30 frames a second. */
    static final long MAX_BACKLOG_NANOS = 1_000_000_000L / 30;
    /**
     * The shortest wait between paced turns: at 10 000 epochs/s a turn trains ~83 epochs and then
     * sleeps, instead of waking every 0.1 ms for one.
     */
    static final long MIN_WAIT_NANOS = MAX_BACKLOG_NANOS / 4;

    private long credit;
    private long last;
    private boolean running;

    /** Playing stopped (pause, step, reset): the time until the next start earns nothing. */
    void stop() {
        running = false;
    }

    /**
     * Whole epochs that may run now at {@code speed}. The first call after {@link #stop()} starts
     * the clock with one epoch due at once, as pressing play shows an epoch at every speed.
     */
    long due(long now, Speed speed) {
        long rate = speed.epochsPerSecond();
        if (!speed.paced()) return Long.MAX_VALUE;
        if (!running) {
            running = true;
            credit = EPOCH;
        } else {
            long cap = EPOCH + rate * MAX_BACKLOG_NANOS;
            // the elapsed time is cut to what the cap can hold first, so hours away cannot overflow
            long elapsed = Math.max(0, Math.min(now - last, MAX_BACKLOG_NANOS + EPOCH));
            credit = Math.min(credit + elapsed * rate, cap);
        }
        last = now;
        return credit / EPOCH;
    }

    /** {@code epochs} were trained (at most what {@link #due} gave). */
    void spend(long epochs) {
        credit -= epochs * EPOCH;
    }

    /**
     * Nanoseconds from {@code now} until the next turn is worth taking: one epoch is due, and at
     * least {@link #MIN_WAIT_NANOS} worth of them; 0 when epochs are due already (or after a stop).
     */
    long nanosUntilDue(long now, Speed speed) {
        long rate = speed.epochsPerSecond();
        if (!speed.paced() || !running || credit >= EPOCH) return 0;
        long want = Math.max(EPOCH, rate * MIN_WAIT_NANOS);
        long wait = (want - credit + rate - 1) / rate; // rounded up: at that time the credit is there
        return Math.max(0, last + wait - now);
    }
}
