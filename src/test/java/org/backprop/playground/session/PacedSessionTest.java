package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A session's turns on a simulated clock, taken when it asks for them, as the scheduler does. */
@Tag("unit")
class PacedSessionTest {
    private static final long MS = 1_000_000L, S = 1_000_000_000L;

    /** Turns from {@code from} until {@code until}: each when the session says training is due; returns the time reached. */
    private static long play(TrainingSession s, long from, long until) {
        long now = from;
        while (now < until) {
            long wait = s.nanosUntilTraining(now);
            if (wait < 0) break;
            if (wait > 0) {
                now += wait;
                continue;
            }
            s.runSlice(now, Long.MAX_VALUE);
            now += MS / 10; // a turn takes a little time
        }
        return now;
    }

    @Test
    void the_default_trains_60_epochs_a_second() {
        TrainingSession s = TrainingSessionTest.session("");
        s.play();
        play(s, 0, 3 * S);
        assertEquals(180, s.epoch(), 2);
    }

    @Test
    void a_live_change_of_speed_keeps_the_epoch_and_applies_at_the_next_turn() {
        TrainingSession s = TrainingSessionTest.session("speed=10");
        s.play();
        long t = play(s, 0, 2 * S);
        long epoch = s.epoch();
        assertEquals(20, epoch, 1);
        s.set(Map.of("speed", 1000));
        assertEquals(epoch, s.epoch(), "the epoch count is kept");
        play(s, t, t + S);
        // a second at 1000/s, and the wait at 10/s since the last epoch counts at the new rate, up to a frame period's
        // worth
        long done = s.epoch() - epoch, most = 1000 + 1 + 1000 * Pacer.MAX_BACKLOG_NANOS / S;
        assertTrue(done >= 990 && done <= most + 1, done + " epochs in the second at 1000/s");
    }

    @Test
    void max_trains_until_the_turn_ends_and_a_step_is_never_paced() {
        TrainingSession s = TrainingSessionTest.session("speed=1");
        s.step(25);
        assertEquals(0, s.nanosUntilTraining(0));
        assertEquals(25, s.runSlice(0, Long.MAX_VALUE), "a step's epochs at once, even at 1/s");
        assertEquals(-1, s.nanosUntilTraining(0), "then nothing to do");
        s.set(Map.of("speed", "max"));
        s.play();
        long deadline = System.nanoTime() + 20 * MS;
        int done = s.runSlice(0, deadline);
        assertTrue(done > 5, "unpaced: as many as 20 ms hold, " + done);
        assertEquals(0, s.nanosUntilTraining(0), "and more at once");
    }

    @Test
    void a_paused_minute_gives_one_epoch_on_play_not_a_burst() {
        TrainingSession s = TrainingSessionTest.session("speed=100");
        s.play();
        long t = play(s, 0, S);
        s.pause();
        long epoch = s.epoch();
        s.play();
        assertEquals(1, s.runSlice(t + 60 * S, Long.MAX_VALUE));
        assertEquals(epoch + 1, s.epoch());
        assertTrue(s.nanosUntilTraining(t + 60 * S) > 0, "then it waits for the next epoch");
    }
}
