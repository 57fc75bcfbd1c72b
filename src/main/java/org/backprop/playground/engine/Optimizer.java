package org.backprop.playground.engine;

/**
 * Applies one update from gradients summed over {@code count} examples (the mean is sum/count).
 * Each optimizer owns its state, laid out like the parameters; {@code frozen} (may be null) marks
 * parameters that must not move (links L1 has zeroed, as in TF Playground).
 */
public interface Optimizer {
    void step(double[] params, double[] gradSum, int count, double learningRate, boolean[] frozen);

    /** The state for a network of a new layout: {@code keep[i]} is the old index of new parameter i, or −1. */
    void remap(int[] keep, int numParams);

    Kind kind();

    enum Kind {
        SGD("sgd"), MOMENTUM("momentum"), ADAM("adam"), RMSPROP("rmsprop");

        public final String key;

        Kind(String key) {
            this.key = key;
        }

        public static Kind parse(String name) {
            for (Kind k : values()) if (k.key.equalsIgnoreCase(name)) return k;
            throw new IllegalArgumentException("unknown optimizer '" + name + "'; use one of sgd, momentum, adam, rmsprop");
        }

        public Optimizer create(int numParams) {
            return switch (this) {
                case SGD -> new Sgd();
                case MOMENTUM -> new Momentum(numParams, 0.9);
                case ADAM -> new Adam(numParams, 0.9, 0.999, 1e-8);
                case RMSPROP -> new RmsProp(numParams, 0.9, 1e-8);
            };
        }
    }

    /** Copies per-parameter state to a new layout; new parameters start from zero state. */
    static double[] remapState(double[] old, int[] keep, int numParams) {
        double[] fresh = new double[numParams];
        for (int i = 0; i < numParams; i++) if (keep[i] >= 0 && keep[i] < old.length) fresh[i] = old[keep[i]];
        return fresh;
    }
}
