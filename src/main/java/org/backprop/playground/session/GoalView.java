package org.backprop.playground.session;

import org.backprop.playground.state.Goal;

/**
 * A goal and its progress as the protocol sends them (null fields are JSON null); see {@link GoalProgress}.
 *
 * @param metAtSeconds  training seconds (see TrainingClock) from the clearing of the progress to the
 *                      measurement that met the goal, else null
 * @param best          the value nearest the goal measured so far, or null before any
 * @param now           the latest measured value, or null before any
 * @param budget        goalEpochs, or null without a budget
 * @param budgetEndsAt  the last epoch that may meet the goal, or null without a budget
 */
public record GoalView(
        Goal goal,
        boolean met,
        Long metAtEpoch,
        Double metAtSeconds,
        Double best,
        Double now,
        Integer budget,
        Long budgetEndsAt,
        boolean budgetSpent) {

    /** The progress of a session that has not measured yet: what a freshly loaded page shows. */
    public static GoalView fresh(Goal goal, int budget) {
        return new GoalProgress(goal, budget, 0, 0).view();
    }
}
