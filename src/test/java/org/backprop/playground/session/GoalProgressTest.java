package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.playground.state.Goal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Goal memory and budget, measurement by measurement. */
@Tag("unit")
class GoalProgressTest {
    @Test
    void met_stays_met_after_a_later_rise() {
        GoalProgress p = new GoalProgress(Goal.parse("testLoss<0.1"), 0, 0, 0);
        assertNull(p.view().best(), "nothing measured yet");
        p.record(1, 0.5, 0.2);
        assertFalse(p.view().met());
        assertEquals(0.2, p.view().best());
        p.record(2, 1.0, 0.09);
        p.record(3, 1.5, 0.3); // the loss rises again (a hand-edited weight, a new learning rate)
        GoalView v = p.view();
        assertTrue(v.met());
        assertEquals(2L, v.metAtEpoch());
        assertEquals(1.0, v.metAtSeconds());
        assertEquals(0.09, v.best());
        assertEquals(0.3, v.now());
        assertFalse(p.open(), "no more checks needed");
    }

    @Test
    void a_budget_that_runs_out_is_spent_once_and_nothing_after_meets_the_goal() {
        GoalProgress p = new GoalProgress(Goal.parse("trainLoss<0.1"), 3, 0, 0);
        assertFalse(p.record(1, 0, 0.5));
        assertFalse(p.record(2, 0, 0.4));
        assertTrue(p.record(3, 0, 0.3), "the check at the last epoch of the budget spends it");
        assertFalse(p.record(4, 0, 0.05), "spent once");
        GoalView v = p.view();
        assertFalse(v.met(), "0.05 came after the budget");
        assertTrue(v.budgetSpent());
        assertEquals(3, v.budget());
        assertEquals(3L, v.budgetEndsAt());
        assertEquals(0.05, v.best(), "best still follows what was measured");
    }

    @Test
    void the_goal_met_at_the_last_epoch_of_the_budget_counts() {
        // counted from epoch 10, where the goal was set live: epochs 11..13 are in the budget
        GoalProgress p = new GoalProgress(Goal.parse("trainLoss<0.1"), 3, 10, 4.0);
        assertFalse(p.record(12, 5.0, 0.2));
        assertFalse(p.record(13, 6.5, 0.05));
        GoalView v = p.view();
        assertTrue(v.met());
        assertFalse(v.budgetSpent());
        assertEquals(13L, v.metAtEpoch());
        assertEquals(2.5, v.metAtSeconds(), "seconds since the progress began");
        assertEquals(13L, v.budgetEndsAt());
    }

    @Test
    void best_follows_the_goals_own_direction() {
        // a goal the "wrong" way round: accuracy below 60%, loss above 0.3
        GoalProgress accuracy = new GoalProgress(Goal.parse("trainAccuracy<0.6"), 0, 0, 0);
        accuracy.record(1, 0, 0.8);
        accuracy.record(2, 0, 0.7);
        accuracy.record(3, 0, 0.9);
        assertEquals(0.7, accuracy.view().best(), "the lowest is nearest an accuracy below 60%");
        assertFalse(accuracy.view().met());
        accuracy.record(4, 0, 0.5);
        assertEquals(4L, accuracy.view().metAtEpoch());

        GoalProgress loss = new GoalProgress(Goal.parse("testLoss>=0.3"), 0, 0, 0);
        loss.record(1, 0, 0.2);
        loss.record(2, 0, 0.25);
        loss.record(3, 0, 0.1);
        assertEquals(0.25, loss.view().best(), "the highest is nearest a loss of at least 0.3");
        loss.record(4, 0, 0.3);
        assertTrue(loss.view().met(), ">= meets at the target itself");
    }

    @Test
    void an_unmeasurable_value_changes_nothing() {
        GoalProgress p = new GoalProgress(Goal.parse("testAccuracy>0.5"), 0, 0, 0);
        p.record(1, 0, Double.NaN);
        assertNull(p.view().now());
        assertNull(p.view().best());
    }
}
