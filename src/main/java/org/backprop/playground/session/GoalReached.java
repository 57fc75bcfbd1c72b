package org.backprop.playground.session;

import org.backprop.playground.state.PlaygroundState;

/**
 * The moment a session's goal was first met: its epoch, the training seconds since the goal's
 * progress was cleared (as {@link GoalView#metAtSeconds()}), the state then and the parameters
 * then (the engine's flat layout; a copy nobody writes).
 */
public record GoalReached(long epoch, double seconds, PlaygroundState state, double[] weights) {}
