package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.PlaygroundState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The session checks its goal: exact epochs at any speed, memory, budget, what clears it. */
@Tag("unit")
class GoalSessionTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong nanos = new AtomicLong();

    /** The default circle's training loss after epochs 0..n, from a session without a goal. */
    private static double[] trainLosses(int n) {
        TrainingSession probe = TrainingSessionTest.session("");
        double[] losses = new double[n + 1];
        for (int e = 0; e <= n; e++) {
            if (e > 0) probe.runEpochs(1);
            losses[e] = probe.snapshot().trainLoss();
        }
        return losses;
    }

    /** The first epoch whose loss is below {@code target}. */
    private static int firstBelow(double[] losses, double target) {
        for (int e = 0; e < losses.length; e++) if (losses[e] < target) return e;
        throw new AssertionError("never below " + target);
    }

    private TrainingSession session(String url) {
        PlaygroundState s = TrainingSessionTest.state(url);
        return new TrainingSession(s, PlaygroundLimits.defaults(), nanos::get);
    }

    @Test
    void met_at_the_exact_epoch_without_a_frame_and_kept_after_a_wrecked_weight() {
        double[] losses = trainLosses(60);
        double target = losses[40];
        int first = firstBelow(losses, target);
        TrainingSession s = session("goal=trainLoss<" + target);
        s.play();
        nanos.addAndGet(3 * SECOND);
        s.runEpochs(60); // no frame in between: the check after every epoch finds it
        GoalView v = s.goal();
        assertTrue(v.met());
        assertEquals((long) first, v.metAtEpoch());
        assertEquals(3.0, v.metAtSeconds(), 1e-12, "training seconds on the injected clock");
        assertEquals(losses[60], v.now(), 0, "a state message measures now");

        s.setWeight(2, 0, 0, 50); // wrecks the output
        FrameSnapshot frame = s.snapshot();
        assertTrue(frame.goal().met(), "met stays met");
        assertEquals((long) first, frame.goal().metAtEpoch());
        assertTrue(frame.goal().now() > target, "now is worse: " + frame.goal().now());
        assertEquals(frame.trainLoss(), frame.goal().now(), 0, "the frame's own measurement");
    }

    @Test
    void a_spent_budget_pauses_once_and_the_goal_is_not_met_after_it_until_reset() {
        double[] losses = trainLosses(60);
        double target = losses[40];
        int first = firstBelow(losses, target);
        int budget = first - 1;
        TrainingSession s = session("goal=trainLoss<" + target + "&goalEpochs=" + budget);
        s.step(60);
        s.runSlice(System.nanoTime(), Long.MAX_VALUE); // trains while stepping: stops where the budget ran out
        assertEquals(budget, s.epoch());
        assertFalse(s.wantsTraining(), "paused by itself");
        assertEquals(0, s.status().pendingEpochs());
        PauseNotice notice = s.takePauseNotice();
        assertNotNull(notice);
        assertEquals("session.goalBudgetSpent", notice.detail().id());
        assertTrue(notice.message().contains("budget of " + budget + " epochs"), notice.message());
        assertTrue(s.goal().budgetSpent());

        s.play(); // may go on...
        s.runEpochs(20);
        GoalView v = s.goal();
        assertTrue(v.now() < target, "below the target now, after the budget");
        assertFalse(v.met(), "...but the goal can no longer be met");
        assertNull(s.takePauseNotice(), "paused once");

        s.reset();
        assertFalse(s.goal().budgetSpent(), "reset clears it: a new try");
        s.step(60);
        s.runSlice(System.nanoTime(), Long.MAX_VALUE);
        assertEquals(budget, s.epoch(), "the same budget, spent again");
        assertNotNull(s.takePauseNotice());
    }

    @Test
    void reset_config_and_a_set_of_the_goal_clear_it_other_live_changes_keep_it() {
        double[] losses = trainLosses(20);
        double target = losses[3];
        int first = firstBelow(losses, target);
        assertTrue(first > 0 && first < 10, "met soon, and not by the initial weights: " + first);
        TrainingSession s = session("goal=trainLoss<" + target);
        s.runEpochs(first);
        assertTrue(s.goal().met());
        s.set(Map.of("percTrainData", 50, "showTestData", true));
        s.set(Map.of("regularizationRate", 0)); // no-op live changes: kept
        s.set(Map.of("learningRate", 3));
        s.runEpochs(2);
        assertTrue(s.goal().met(), "a live change of training keeps it");
        assertEquals((long) first, s.goal().metAtEpoch());

        s.reset();
        assertFalse(s.goal().met(), "reset clears");
        assertEquals(losses[0], s.goal().best(), 0, "measured again from epoch 0");

        s.runEpochs(first + 1); // at learning rate 3 now
        s.set(Map.of("goal", "trainLoss<" + losses[20]));
        GoalView fresh = s.goal();
        assertFalse(fresh.met(), "a new goal starts over");
        assertEquals(fresh.now(), fresh.best(), 0, "its one measurement is now's");
        s.set(Map.of("goalEpochs", 10));
        assertEquals(first + 1 + 10L, s.goal().budgetEndsAt(), "a budget set live counts from its epoch");

        s.configure(Map.of("goal", "trainLoss<" + target));
        assertEquals(0, s.epoch());
        assertFalse(s.goal().met(), "config clears");
    }

    @Test
    void without_a_goal_there_is_none_and_no_check() {
        TrainingSession s = session("");
        s.runEpochs(3);
        assertNull(s.goal());
        assertNull(s.snapshot().goal());
    }
}
