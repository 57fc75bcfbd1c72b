package org.backprop.playground.session;

import org.backprop.playground.data.Domain;
import org.backprop.playground.data.Features;
import org.backprop.playground.engine.Network;

/**
 * A session as a class board reports it ({@link TrainingSession#boardView()}).
 *
 * @param goal     the goal's progress, or null without a goal
 * @param reached  the goal met, or null
 * @param network  a copy of the network now
 * @param features the inputs of a 2-D set, or null for a set without a map
 */
public record BoardView(long epoch, org.backprop.playground.state.PlaygroundState state, GoalView goal, GoalReached reached,
                        Network network, Features features, Domain domain) {}
