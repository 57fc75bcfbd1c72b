package org.backprop.playground.state;

import org.backprop.playground.engine.Hyperparameters;

/**
 * What one session may ask for. The defaults are the playground's (6 hidden layers × 8 neurons,
 * as TF Playground); server flags may raise them, up to the ceilings below, which keep one
 * session's epoch within a few milliseconds.
 *
 * @param maxHiddenLayers hidden layers in {@code networkShape}
 * @param maxNeurons      neurons per hidden layer
 * @param maxBatchSize    {@code batchSize} (TF's slider stops at 30; the tutorials use 32)
 * @param maxStepEpochs   epochs one {@code step} command may ask for
 */
public record PlaygroundLimits(int maxHiddenLayers, int maxNeurons, int maxBatchSize, int maxStepEpochs) {
    public static final int CEILING_HIDDEN_LAYERS = 32;
    public static final int CEILING_NEURONS = 256;
    /** Neurons per hidden layer on a set without a 2-D map, unless maxNeurons is higher (the tutorials' 16-32-16-2). */
    public static final int MAPLESS_NEURONS = 32;

    public PlaygroundLimits {
        check("maxHiddenLayers", maxHiddenLayers, 0, CEILING_HIDDEN_LAYERS);
        check("maxNeurons", maxNeurons, 1, CEILING_NEURONS);
        check("maxBatchSize", maxBatchSize, 1, Hyperparameters.MAX_BATCH_SIZE);
        check("maxStepEpochs", maxStepEpochs, 1, 1_000_000);
    }

    public static PlaygroundLimits defaults() {
        return new PlaygroundLimits(6, 8, 1000, 10_000);
    }

    /** Neurons per hidden layer on a data set that is not 2-D (no map per neuron): max(maxNeurons, 32). */
    public int maxNeuronsWithoutMap() {
        return Math.max(maxNeurons, MAPLESS_NEURONS);
    }

    /** Neurons per hidden layer on this state's data set: maxNeurons on a 2-D set, else maxNeuronsWithoutMap. */
    public int maxNeuronsFor(PlaygroundState state) {
        return state.isTwoDimensional() ? maxNeurons : maxNeuronsWithoutMap();
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", got " + value);
        }
    }
}
