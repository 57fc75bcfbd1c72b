package org.backprop.playground.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RateLimiter} per client address for HTTP requests of one kind (board creations, board
 * reads). The table is bounded: past {@link #MAX_ADDRESSES} it starts afresh, which forgives
 * everyone at once rather than growing with every address a crawler brings.
 */
final class AddressRates {
    static final int MAX_ADDRESSES = 10_000;
    private final int perSecond, burst;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    AddressRates(int perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Whether {@code address} may make one more request now. */
    boolean allow(String address, long now) {
        if (limiters.size() > MAX_ADDRESSES) limiters.clear();
        // the abuse bucket never closes anything here: each refused request is simply a 429
        RateLimiter r =
                limiters.computeIfAbsent(address, a -> new RateLimiter(perSecond, burst, Integer.MAX_VALUE, now));
        return r.onMessage(now) == RateLimiter.Verdict.ACCEPT;
    }

    int perSecond() {
        return perSecond;
    }

    int burst() {
        return burst;
    }
}
