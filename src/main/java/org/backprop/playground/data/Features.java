package org.backprop.playground.data;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

/**
 * The enabled input features, always in TF's order whatever order they were named in (as TF's
 * constructInput walks INPUTS), and the map from a 2-D point to the network's input vector.
 */
public final class Features {
    private final List<InputFeature> enabled;

    private Features(EnumSet<InputFeature> enabled) {
        this.enabled = List.copyOf(enabled);
    }

    /** The features named {@code names} (URL keys); duplicates collapse, unknown names are rejected. */
    public static Features of(Collection<String> names) {
        EnumSet<InputFeature> set = EnumSet.noneOf(InputFeature.class);
        for (String name : names) set.add(InputFeature.fromName(name));
        return new Features(set);
    }

    public static Features of(String... names) {
        return of(List.of(names));
    }

    /** TF Playground's default: x and y only. */
    public static Features defaults() {
        return new Features(EnumSet.of(InputFeature.X, InputFeature.Y));
    }

    public List<InputFeature> enabled() {
        return enabled;
    }

    /** The enabled URL keys in TF's order. */
    public List<String> names() {
        return enabled.stream().map(InputFeature::urlName).toList();
    }

    /** Network inputs: one per enabled feature. */
    public int size() {
        return enabled.size();
    }

    /** The input vector for the point (x, y). */
    public double[] vector(double x, double y) {
        double[] out = new double[enabled.size()];
        vectorInto(out, 0, x, y);
        return out;
    }

    /** Writes the input vector for (x, y) into {@code out} at {@code offset}, for a batch matrix. */
    public void vectorInto(double[] out, int offset, double x, double y) {
        for (int i = 0; i < enabled.size(); i++)
            out[offset + i] = enabled.get(i).apply(x, y);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Features f && enabled.equals(f.enabled);
    }

    @Override
    public int hashCode() {
        return enabled.hashCode();
    }

    @Override
    public String toString() {
        return "Features" + names();
    }
}
