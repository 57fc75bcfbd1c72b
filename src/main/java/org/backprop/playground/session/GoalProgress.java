package org.backprop.playground.session;

import org.backprop.playground.state.Goal;

/**
 * How far a session has come toward its exercise's goal since the goal was last cleared (reset,
 * config, or a {@code set} of goal or goalEpochs). Every measurement of the goal's metric counts
 * the same: the check after each epoch trained, and the one in each frame. Once met it stays
 * recorded, with the epoch and training time of the first measurement that met it; a later rise
 * changes {@link #now()} only.
 *
 * <p>A budget of {@code B} epochs: the goal counts as met only at an epoch up to
 * {@code since + B}; a check at that last epoch that does not meet it spends the budget, and
 * nothing after meets it until the progress is cleared.
 *
 * <p>{@code best} is the value nearest the goal so far, in the goal's own direction: the lowest
 * for {@code <} and {@code <=} (a loss), the highest for {@code >} and {@code >=} (an accuracy).
 * Not thread-safe: the session's lock guards it.
 */
final class GoalProgress {
    private final Goal goal;
    private final int budget;
    private final long since;
    private final double sinceSeconds;
    private boolean met, spent;
    private long metAtEpoch = -1;
    private double metAtSeconds = Double.NaN, best = Double.NaN, now = Double.NaN;

    /**
     * A fresh progress toward {@code goal} (non-null), counting from epoch {@code since} and
     * training second {@code sinceSeconds}; budget 0 is none.
     */
    GoalProgress(Goal goal, int budget, long since, double sinceSeconds) {
        this.goal = goal;
        this.budget = budget;
        this.since = since;
        this.sinceSeconds = sinceSeconds;
    }

    /**
     * One measurement of the metric at {@code epoch}, {@code seconds} on the session's training clock. Returns true
     * when this measurement spent the budget (the session pauses then, once).
     */
    boolean record(long epoch, double seconds, double value) {
        if (Double.isNaN(value)) return false;
        now = value;
        if (Double.isNaN(best) || closer(value, best)) best = value;
        if (met || spent) return false;
        boolean inBudget = budget == 0 || epoch <= lastBudgetEpoch();
        if (inBudget && goal.isMet(value)) {
            met = true;
            metAtEpoch = epoch;
            metAtSeconds = seconds - sinceSeconds;
            return false;
        }
        if (budget > 0 && epoch >= lastBudgetEpoch()) {
            spent = true;
            return true;
        }
        return false;
    }

    boolean met() {
        return met;
    }

    /** Whether the check after each epoch still matters: not met, budget not spent. */
    boolean open() {
        return !met && !spent;
    }

    Goal goal() {
        return goal;
    }

    /** The last epoch that may meet the goal (since + budget); meaningless without a budget. */
    long lastBudgetEpoch() {
        return since + budget;
    }

    /** What a frame or a state message carries. */
    GoalView view() {
        return new GoalView(
                goal,
                met,
                met ? metAtEpoch : null,
                met ? metAtSeconds : null,
                Double.isNaN(best) ? null : best,
                Double.isNaN(now) ? null : now,
                budget == 0 ? null : budget,
                budget == 0 ? null : lastBudgetEpoch(),
                spent);
    }

    private boolean closer(double value, double than) {
        return switch (goal.comparison()) {
            case BELOW, AT_MOST -> value < than;
            case ABOVE, AT_LEAST -> value > than;
        };
    }
}
