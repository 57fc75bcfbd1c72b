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

    public double derivative(double w) {
        return switch (this) {
            case NONE -> 0;
            case L1 -> w < 0 ? -1 : (w > 0 ? 1 : 0);
            case L2 -> w;
        };
    }
}
