package org.backprop.playground.session;

/**
 * How the scheduler shares its threads. Defaults: one thread per core, at most 30 frames a second
 * per session (a server flag), and turns of 0.05 to 10 ms: the turn shrinks as sessions multiply,
 * so a full round of every session, frames included, fits into a frame period whenever it can.
 *
 * @param threads         worker threads shared by all sessions
 * @param framesPerSecond the most frames one session is sent per second
 * @param minSliceNanos   the shortest turn (a turn always runs at least one epoch)
 * @param maxSliceNanos   the longest turn, and so the longest a command waits for a session's lock
 */
public record SchedulerConfig(int threads, int framesPerSecond, long minSliceNanos, long maxSliceNanos) {
    public static final int DEFAULT_FRAMES_PER_SECOND = 30;

    public SchedulerConfig {
        if (threads < 1 || threads > 1024)
            throw new IllegalArgumentException("threads must be 1..1024, got " + threads);
        if (framesPerSecond < 1 || framesPerSecond > 1000) {
            throw new IllegalArgumentException("framesPerSecond must be 1..1000, got " + framesPerSecond);
        }
        if (minSliceNanos < 1 || maxSliceNanos < minSliceNanos) {
            throw new IllegalArgumentException(
                    "slices need 0 < min <= max, got " + minSliceNanos + ", " + maxSliceNanos);
        }
    }

    public static SchedulerConfig defaults() {
        return new SchedulerConfig(
                Runtime.getRuntime().availableProcessors(), DEFAULT_FRAMES_PER_SECOND, 50_000, 10_000_000);
    }

    public SchedulerConfig withThreads(int n) {
        return new SchedulerConfig(n, framesPerSecond, minSliceNanos, maxSliceNanos);
    }

    public SchedulerConfig withFramesPerSecond(int fps) {
        return new SchedulerConfig(threads, fps, minSliceNanos, maxSliceNanos);
    }

    long framePeriodNanos() {
        return 1_000_000_000L / framesPerSecond;
    }
}
