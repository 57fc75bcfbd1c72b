package org.backprop.playground.state;

/** TF Playground's {@code problem} key: which of {@code dataset} and {@code regDataset} is trained. */
public enum Problem {
    CLASSIFICATION("classification"),
    REGRESSION("regression");

    public final String key;

    Problem(String key) {
        this.key = key;
    }

    public static Problem parse(String name) {
        for (Problem p : values()) if (p.key.equals(name)) return p;
        throw new IllegalArgumentException("unknown problem '" + name + "'; use classification or regression");
    }
}
