package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TrainingClockTest {
    @Test
    void counts_only_the_spells_of_training_and_clears_to_zero() {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        TrainingClock clock = new TrainingClock(nanos::get);
        nanos.addAndGet(5_000_000_000L); // stopped: not counted
        assertEquals(0, clock.seconds());
        clock.start();
        nanos.addAndGet(2_000_000_000L);
        assertEquals(2.0, clock.seconds(), "running");
        clock.start(); // already running: the spell keeps its start
        clock.stop();
        nanos.addAndGet(7_000_000_000L);
        clock.start();
        nanos.addAndGet(500_000_000L);
        clock.stop();
        assertEquals(2.5, clock.seconds());
        clock.clear();
        assertEquals(0, clock.seconds());
    }
}
