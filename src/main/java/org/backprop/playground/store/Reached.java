package org.backprop.playground.store;

import java.util.List;

/**
 * A student's goal met: at which epoch and training second, the state it was met with (a query
 * string) and its weights then (the engine's flat layout), so the run can be opened again.
 */
public record Reached(long epoch, double seconds, String state, List<Double> weights) {
    public Reached {
        weights = List.copyOf(weights);
    }
}
