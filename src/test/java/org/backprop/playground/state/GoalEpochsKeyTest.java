package org.backprop.playground.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** goalEpochs: read, written, clamped, and never without a goal. */
@Tag("unit")
class GoalEpochsKeyTest {
    private final StateCodec codec = new StateCodec(PlaygroundLimits.defaults());

    @Test
    void a_budget_is_read_written_and_clamped() {
        Parsed p = codec.parse("goal=testLoss%3C0.1&goalEpochs=500");
        assertEquals(500, p.state().goalEpochs());
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
        assertTrue(codec.write(p.state()).endsWith("goal=testLoss%3C0.1&goalEpochs=500"), codec.write(p.state()));
        assertEquals(500, codec.toMap(p.state()).get("goalEpochs"));
        assertNull(codec.toMap(PlaygroundState.defaults()).get("goalEpochs"), "none is null");
        assertFalse(codec.write(PlaygroundState.defaults()).contains("goalEpochs"));

        Parsed big = codec.parse("goal=testLoss%3C0.1&goalEpochs=99999999999");
        assertEquals(PlaygroundState.MAX_GOAL_EPOCHS, big.state().goalEpochs());
        assertEquals("goalEpochs", big.warnings().get(0).key());
        assertEquals(0, codec.parse("goal=testLoss%3C0.1&goalEpochs=").state().goalEpochs(), "blank is none");
        assertEquals(
                0, codec.parse("goal=testLoss%3C0.1&goalEpochs=1.5").state().goalEpochs(), "not whole: the default");
    }

    @Test
    void a_budget_without_a_goal_is_dropped_with_a_warning_or_refused() {
        Parsed p = codec.parse("goalEpochs=500");
        assertEquals(0, p.state().goalEpochs());
        assertEquals("goalEpochs", p.warnings().get(0).key());
        assertEquals("state.changedTo", p.warnings().get(0).detail().id());

        Update u = codec.apply(PlaygroundState.defaults(), Map.of("goalEpochs", 500));
        assertFalse(u.accepted());
        assertEquals(FieldError.CONFLICT, u.errors().get(0).code());
        assertEquals("state.goalEpochsNoGoal", u.errors().get(0).detail().id());
    }

    @Test
    void a_set_that_clears_the_goal_clears_its_budget_and_says_so() {
        PlaygroundState s = codec.parse("goal=testLoss%3C0.1&goalEpochs=500").state();
        Update u = codec.apply(s, Map.of("goal", ""));
        assertTrue(u.accepted(), u.errors().toString());
        assertEquals(0, u.state().goalEpochs());
        assertEquals(java.util.List.of("goal", "goalEpochs"), u.changed());
        Update other = codec.apply(s, Map.of("goal", "testLoss<0.2"));
        assertEquals(500, other.state().goalEpochs(), "a new goal keeps the budget");
    }
}
