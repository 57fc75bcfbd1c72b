package org.backprop.playground.session;

import org.backprop.playground.state.PlaygroundState;

/**
 * A session as a class board reports it ({@link TrainingSession#boardView()}): cheap to take four
 * times a second; the output map is asked for apart ({@link TrainingSession#mapView()}), only when a
 * row is written.
 *
 * @param goal    the goal's progress, or null without a goal
 * @param reached the goal met, or null
 */
public record BoardView(long epoch, PlaygroundState state, GoalView goal, GoalReached reached) {}
