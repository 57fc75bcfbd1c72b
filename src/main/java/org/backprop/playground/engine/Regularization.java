package org.backprop.playground.engine;

/** Weight penalties as TF Playground defines them; biases are never penalized. */
public enum Regularization {
    NONE("none"),
    /** |w|, d/dw = sign(w). */
    L1("L1"),
    /** ½ w², d/dw = w. */
    L2("L2");

    public final String key;

    Regularization(String key) {
        this.key = key;
    }

    public static Regularization parse(String name) {
        for (Regularization r : values()) if (r.key.equalsIgnoreCase(name)) return r;
        throw new IllegalArgumentException("unknown regularization '" + name + "'; use one of none, L1, L2");
    }

    public double penalty(double w) {
        return switch (this) {
            case NONE -> 0;
            case L1 -> Math.abs(w);
            case L2 -> 0.5 * w * w;
        };
    }

    /** Σ penalty(w) over every weight of the network (biases are never penalized). */
    public double penalty(Network net) {
        double sum = 0;
        Layout layout = net.layout;
        for (int l = 0; l < layout.layers(); l++) {
            for (int i = layout.weightOffset(l), end = i + layout.weightCount(l); i < end; i++)
                sum += penalty(net.params[i]);
        }
        return sum;
    }

    /** grads += rate · penalty'(w) over every weight of the network. */
    public void addGradient(Network net, double[] grads, double rate) {
        if (this == NONE || rate == 0) return;
        Layout layout = net.layout;
        for (int l = 0; l < layout.layers(); l++) {
            for (int i = layout.weightOffset(l), end = i + layout.weightCount(l); i < end; i++) {
                grads[i] += rate * derivative(net.params[i]);
            }
        }
    }

    public double derivative(double w) {
        return switch (this) {
            case NONE -> 0;
            case L1 -> w < 0 ? -1 : (w > 0 ? 1 : 0);
            case L2 -> w;
        };
    }
}
