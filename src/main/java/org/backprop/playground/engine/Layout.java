package org.backprop.playground.engine;

import java.util.Arrays;

/**
 * Where each layer's weights (OUT,IN row-major) and biases (OUT) live in the one flat parameter
 * array; grads and optimizer state use the same layout. sizes = [inputs, hidden..., outputs].
 */
public final class Layout {
    private final int[] sizes;
    private final int[] weightOffsets;
    private final int[] biasOffsets;
    private final int numParams;

    public Layout(int... sizes) {
        if (sizes.length < 2) throw new IllegalArgumentException("a network needs an input and an output size");
        for (int i = 0; i < sizes.length; i++) {
            // an input width of 0 is allowed: a bias-only layer is tutorial 004's "guess 42"
            if (sizes[i] < (i == 0 ? 0 : 1)) throw new IllegalArgumentException("layer " + i + " has size " + sizes[i]);
        }
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        weightOffsets = new int[layers];
        biasOffsets = new int[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            weightOffsets[l] = offset;
            offset += sizes[l] * sizes[l + 1];
            biasOffsets[l] = offset;
            offset += sizes[l + 1];
        }
        numParams = offset;
    }

    /** Number of weight layers (hidden layers + 1). */
    public int layers() {
        return sizes.length - 1;
    }

    public int inputs() {
        return sizes[0];
    }

    public int outputs() {
        return sizes[sizes.length - 1];
    }
    /** Fan-in of weight layer l. */
    public int in(int l) {
        return sizes[l];
    }
    /** Fan-out of weight layer l. */
    public int out(int l) {
        return sizes[l + 1];
    }

    public int weightOffset(int l) {
        return weightOffsets[l];
    }
    /** in(l) × out(l): layer l's weights are params[weightOffset(l) .. + weightCount(l)). */
    public int weightCount(int l) {
        return sizes[l] * sizes[l + 1];
    }

    public int biasOffset(int l) {
        return biasOffsets[l];
    }

    public int numParams() {
        return numParams;
    }

    public int[] sizes() {
        return sizes.clone();
    }
    /** The widest layer, inputs included: the size of scratch rows. */
    public int maxWidth() {
        return Arrays.stream(sizes).max().orElse(0);
    }

    /** True when index i of the parameter array is a bias (biases are not regularized, as in TF). */
    public boolean isBias(int index) {
        for (int l = 0; l < layers(); l++) {
            if (index >= biasOffsets[l] && index < biasOffsets[l] + out(l)) return true;
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layout other && Arrays.equals(sizes, other.sizes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
        return Arrays.toString(sizes);
    }
}
