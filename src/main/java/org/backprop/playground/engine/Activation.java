package org.backprop.playground.engine;

/**
 * A layer's nonlinearity. TF Playground's four (tanh, relu, sigmoid, linear) plus leaky ReLU, and
 * softmax for the output layer only. Derivatives are taken from the cached output where that is
 * exact (tanh' = 1 − a², σ' = a(1 − a)), as TF Playground does.
 */
public enum Activation {
    LINEAR("linear"),
    TANH("tanh"),
    SIGMOID("sigmoid"),
    RELU("relu"),
    /** ReLU with slope 0.01 below zero, so a neuron pushed negative still gets a gradient. */
    LEAKY_RELU("leakyRelu"),
    /** Output layer only, and only with cross-entropy loss: the pair has the simple δ = a − t. */
    SOFTMAX("softmax");

    static final double LEAKY_SLOPE = 0.01;

    public final String key;

    Activation(String key) {
        this.key = key;
    }

    /** Parses a name as the URL and model JSON write it ("leakyRelu" and "leaky_relu" both work). */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.key.equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name)) return a;
        }
        throw new IllegalArgumentException(
                "unknown activation '" + name + "'; use one of linear, tanh, sigmoid, relu, leakyRelu, softmax");
    }

    /**
     * z (N,S) -> a (N,S), packed rows of stride S (see {@link Kernels}). Softmax normalizes each
     * column over the N neurons; the others act elementwise, in one loop over the whole layer.
     */
    void forward(double[] a, double[] z, int S, int N) {
        forward(a, z, S, N, Double.POSITIVE_INFINITY);
    }

    /** As {@link #forward(double[], double[], int, int)}, where |z| ≤ maxAbsZ is known (∞ or NaN: nothing is known). */
    void forward(double[] a, double[] z, int S, int N, double maxAbsZ) {
        int n = N * S;
        switch (this) {
            case LINEAR -> System.arraycopy(z, 0, a, 0, n);
            case TANH -> FastMath.tanh(a, z, n, maxAbsZ);
            case SIGMOID -> {
                for (int i = 0; i < n; i++) a[i] = sigmoid(z[i]);
            }
            case RELU -> {
                for (int i = 0; i < n; i++) a[i] = Math.max(0, z[i]);
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) a[i] = z[i] > 0 ? z[i] : LEAKY_SLOPE * z[i];
            }
            case SOFTMAX -> softmax(a, z, S, N);
        }
    }

    /** da (N,S) -> dz (N,S): dz = da ⊙ f'(z), one loop over the layer. Not for softmax, whose δ comes from its loss. */
    void backward(double[] dz, double[] da, double[] z, double[] a, int S, int N) {
        int n = N * S;
        switch (this) {
            case LINEAR -> System.arraycopy(da, 0, dz, 0, n);
            case TANH -> {
                for (int i = 0; i < n; i++) dz[i] = da[i] * (1 - a[i] * a[i]);
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) dz[i] = da[i] * a[i] * (1 - a[i]);
            }
            // TF Playground: relu'(z) = z <= 0 ? 0 : 1 (the kink counts as flat)
            case RELU -> {
                for (int i = 0; i < n; i++) dz[i] = z[i] <= 0 ? 0 : da[i];
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) dz[i] = z[i] > 0 ? da[i] : LEAKY_SLOPE * da[i];
            }
            case SOFTMAX -> throw new IllegalStateException("softmax's δ is taken with cross-entropy");
        }
    }

    /** A bound on |f(z)| whatever z is: 1 for the squashing ones, ∞ for the rest. */
    double outputBound() {
        return switch (this) {
            case TANH, SIGMOID, SOFTMAX -> 1;
            case LINEAR, RELU, LEAKY_RELU -> Double.POSITIVE_INFINITY;
        };
    }

    /** f'(z) for one value, as the step-through view prints it. */
    public double derivative(double z, double a) {
        return switch (this) {
            case LINEAR -> 1;
            case TANH -> 1 - a * a;
            case SIGMOID -> a * (1 - a);
            case RELU -> z <= 0 ? 0 : 1;
            case LEAKY_RELU -> z > 0 ? 1 : LEAKY_SLOPE;
            case SOFTMAX -> throw new IllegalStateException("softmax has a Jacobian, not a derivative");
        };
    }

    static double sigmoid(double z) {
        return 1 / (1 + StrictMath.exp(-z));
    }

    private static void softmax(double[] a, double[] z, int S, int N) {
        for (int b = 0; b < S; b++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < N; k++) max = Math.max(max, z[k * S + b]);
            double sum = 0;
            for (int k = 0; k < N; k++) {
                double e = StrictMath.exp(z[k * S + b] - max);
                a[k * S + b] = e;
                sum += e;
            }
            for (int k = 0; k < N; k++) a[k * S + b] /= sum;
        }
    }
}
