package org.backprop.playground.data;

/** The range [min, max] drawn on every input axis (TF Playground's xDomain is [-6, 6]). */
public record Domain(double min, double max) {
    public static final Domain PLAYGROUND = new Domain(-6, 6);

    public Domain {
        if (!(min < max)) {
            throw new IllegalArgumentException("domain: min must be below max, got [" + min + ", " + max + "]");
        }
    }
}
