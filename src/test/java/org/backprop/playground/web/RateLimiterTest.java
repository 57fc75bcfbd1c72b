package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_burst_passes_then_drops_are_reported_once_a_second_then_a_flood_closes() {
        // 10/s, bursts of 5, 20 drops allowed
        RateLimiter r = new RateLimiter(10, 5, 20, 0);
        for (int i = 0; i < 5; i++) assertEquals(RateLimiter.Verdict.ACCEPT, r.onMessage(0));
        assertEquals(RateLimiter.Verdict.DROP_AND_REPORT, r.onMessage(0));
        for (int i = 0; i < 10; i++) assertEquals(RateLimiter.Verdict.DROP, r.onMessage(0));
        // 0.1 s later one token has come back
        assertEquals(RateLimiter.Verdict.ACCEPT, r.onMessage(SECOND / 10));
        assertEquals(RateLimiter.Verdict.DROP, r.onMessage(SECOND / 10));
        // a second after the first report, the next drop is reported again
        for (int i = 0; i < 5; i++) assertEquals(RateLimiter.Verdict.ACCEPT, r.onMessage(SECOND));
        assertEquals(RateLimiter.Verdict.DROP_AND_REPORT, r.onMessage(SECOND));
        assertEquals(RateLimiter.Verdict.DROP, r.onMessage(SECOND + 1));
        RateLimiter.Verdict last = RateLimiter.Verdict.ACCEPT;
        for (int i = 0; i < 40 && last != RateLimiter.Verdict.CLOSE; i++) last = r.onMessage(SECOND + 2);
        assertEquals(RateLimiter.Verdict.CLOSE, last);
    }

    @Test
    void a_client_within_the_rate_is_never_dropped() {
        RateLimiter r = new RateLimiter(50, 100, 1000, 0);
        for (int i = 0; i < 10_000; i++) assertEquals(RateLimiter.Verdict.ACCEPT, r.onMessage(i * SECOND / 50));
    }
}
