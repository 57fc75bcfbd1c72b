package org.backprop.playground.engine;

/**
 * Applies one update from gradients summed over {@code count} examples (the mean is sum/count).
 * Each optimizer owns its state, laid out like the parameters; {@code frozen} (may be null) marks
 * parameters that must not move (links L1 has zeroed, as in TF Playground).
 */
public interface Optimizer {
    void step(double[] params, double[] gradSum, int count, double learningRate, boolean[] frozen);

    Kind kind();

    enum Kind {
        SGD("sgd"),
        MOMENTUM("momentum"),
        ADAM("adam"),
        RMSPROP("rmsprop");

        public final String key;

        Kind(String key) {
            this.key = key;
        }

        public static Kind parse(String name) {
            for (Kind k : values()) if (k.key.equalsIgnoreCase(name)) return k;
            throw new IllegalArgumentException(
                    "unknown optimizer '" + name + "'; use one of sgd, momentum, adam, rmsprop");
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
}
