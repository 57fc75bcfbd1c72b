package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.backprop.playground.state.Speed;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pacer on a simulated clock: the rate holds, fractions carry, and nothing bursts after a gap. */
@Tag("unit")
class PacerTest {
    private static final long MS = 1_000_000L, S = 1_000_000_000L;

    private static Speed speed(int rate) {
        return new Speed(rate);
    }

    /** Turns as the scheduler takes them: at each wake-up train what is due, sleep until told, wake a little late. */
    private static long run(Pacer p, Speed speed, long from, long until, long maxLateNanos, SplittableRandom late) {
        long epochs = 0;
        for (long now = from; now < until; ) {
            long due = p.due(now, speed);
            p.spend(due);
            epochs += due;
            long wait = p.nanosUntilDue(now, speed);
            assertTrue(wait > 0, "the pacer asks for a wait once its epochs are done");
            now += wait + (maxLateNanos == 0 ? 0 : late.nextLong(maxLateNanos));
        }
        return epochs;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 10, 30, 60, 100, 300, 1000, 3000, 10000})
    void epochs_per_second_hold_at_every_speed_with_late_timers(int rate) {
        // timers that fire up to 5 ms late, as a loaded machine's do: the fractions carry over
        long epochs = run(new Pacer(), speed(rate), 0, 20 * S, 5 * MS, new SplittableRandom(7));
        double perSecond = epochs / 20.0;
        assertEquals(rate, perSecond, Math.max(0.1, rate * 0.01), "epochs per second at " + rate);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 60, 10000})
    void exact_timers_give_the_exact_rate(int rate) {
        // the first epoch is due at once, then one every 1/rate s: 10 s hold 10·rate more, less what the
        // last wait (at most MIN_WAIT's worth) had not collected when the clock stopped
        long epochs = run(new Pacer(), speed(rate), 0, 10 * S + 1, 0, null);
        assertEquals(10L * rate + 1, epochs, 1 + rate * Pacer.MIN_WAIT_NANOS / S);
    }

    @Test
    void the_first_epoch_is_due_at_once_then_the_next_after_one_interval() {
        Pacer p = new Pacer();
        assertEquals(1, p.due(5 * S, speed(1)));
        p.spend(1);
        assertEquals(S, p.nanosUntilDue(5 * S, speed(1)));
        assertEquals(0, p.due(5 * S + S - 1, speed(1)), "not a nanosecond early");
        assertEquals(1, p.due(6 * S, speed(1)));
    }

    @Test
    void a_pause_earns_nothing() {
        Pacer p = new Pacer();
        long epochs = run(p, speed(60), 0, S, 0, null);
        assertEquals(61, epochs, 1);
        p.stop();
        long resumed = 61 * S; // a minute paused
        assertEquals(1, p.due(resumed, speed(60)), "play again: one epoch now, not a minute's 3600");
        p.spend(1);
        assertEquals(0, p.due(resumed + 16 * MS, speed(60)));
        assertEquals(1, p.due(resumed + 17 * MS, speed(60)));
    }

    @Test
    void a_long_gap_while_playing_owes_at_most_one_frame_period() {
        // a slow frame or an overloaded server: the turn comes 5 s late
        for (int rate : new int[] {1, 60, 1000, 10000}) {
            Pacer p = new Pacer();
            p.spend(p.due(0, speed(rate)));
            long due = p.due(5 * S, speed(rate));
            long most = 1 + rate * Pacer.MAX_BACKLOG_NANOS / S;
            assertTrue(due >= 1 && due <= most, rate + "/s after 5 s away: " + due + " epochs, at most " + most);
        }
        // and hours away cannot overflow the arithmetic
        Pacer p = new Pacer();
        p.spend(p.due(0, speed(10000)));
        assertEquals(334, p.due(Long.MAX_VALUE / 2, speed(10000)));
    }

    @Test
    void max_is_not_paced() {
        Pacer p = new Pacer();
        assertEquals(Long.MAX_VALUE, p.due(0, Speed.MAX));
        assertEquals(0, p.nanosUntilDue(0, Speed.MAX));
    }

    @Test
    void a_change_of_speed_applies_at_the_next_turn_without_a_burst() {
        Pacer p = new Pacer();
        run(p, speed(10000), 0, S, 0, null);
        // down to 1/s: whatever 10 000/s had owed is cut to one epoch at most, then one a second
        long due = p.due(S, speed(1));
        assertTrue(due <= 1, "10000 → 1: " + due + " epochs at once");
        p.spend(due);
        long slow = due + run(p, speed(1), S, 4 * S, 0, null);
        assertTrue(slow >= 3 && slow <= 4, "3 s at 1/s: " + slow);
        // up to 10 000/s: 10 ms after a turn the next one trains at the new rate
        p.spend(p.due(5 * S, speed(1)));
        assertEquals(100, p.due(5 * S + 10 * MS, speed(10000)), 2);
    }

    @Test
    void a_fast_speed_waits_a_few_milliseconds_between_turns_not_one_epoch() {
        Pacer p = new Pacer();
        p.spend(p.due(0, speed(10000)));
        long wait = p.nanosUntilDue(0, speed(10000));
        assertEquals(Pacer.MIN_WAIT_NANOS, wait, 100_000, "a timer per ~83 epochs, not per epoch");
        assertEquals(10000 * Pacer.MIN_WAIT_NANOS / S, p.due(wait, speed(10000)), 1);
    }
}
