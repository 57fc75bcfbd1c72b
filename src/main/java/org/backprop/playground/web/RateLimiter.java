package org.backprop.playground.web;

/**
 * Two token buckets per connection. Messages spend one token of {@code messagesPerSecond}
 * (holding at most {@code burst}); a message that finds none is dropped. Dropped messages spend a
 * token of the abuse bucket ({@code maxDropped}, refilled at the same rate): a client that empties
 * it keeps flooding after being told, and is closed. The first drop of a flood, and then at most
 * one a second, is reported to the client; the rest are dropped silently so a flood cannot make
 * the server write a flood of errors. Time is passed in (nanoseconds), for tests.
 */
final class RateLimiter {
    enum Verdict {
        ACCEPT,
        DROP,
        DROP_AND_REPORT,
        CLOSE
    }

    private static final long REPORT_EVERY_NANOS = 1_000_000_000L;
    private final double perNano, burst, maxDropped;
    private double tokens, dropTokens;
    private long last, lastReport;
    private boolean reported;

    RateLimiter(int messagesPerSecond, int burst, int maxDropped, long now) {
        this.perNano = messagesPerSecond / 1e9;
        this.burst = burst;
        this.maxDropped = maxDropped;
        this.tokens = burst;
        this.dropTokens = maxDropped;
        this.last = now;
    }

    synchronized Verdict onMessage(long now) {
        double refill = Math.max(0, now - last) * perNano;
        last = now;
        tokens = Math.min(burst, tokens + refill);
        dropTokens = Math.min(maxDropped, dropTokens + refill);
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ACCEPT;
        }
        dropTokens -= 1;
        if (dropTokens < 0) return Verdict.CLOSE;
        if (!reported || now - lastReport >= REPORT_EVERY_NANOS) {
            reported = true;
            lastReport = now;
            return Verdict.DROP_AND_REPORT;
        }
        return Verdict.DROP;
    }
}
