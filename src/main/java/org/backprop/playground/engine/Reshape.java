package org.backprop.playground.engine;

import java.util.function.DoubleSupplier;

/**
 * Maps a network onto new layer sizes while keeping what it has learned: the weight of every link
 * whose two ends both survive, and the bias of every neuron that survives. Neurons are matched by
 * position, as the playground's +/− buttons add and remove them at the end: hidden neuron k of
 * hidden layer h stays itself while both exist, the output layer stays the output layer (its
 * first units kept), and inputs are matched through {@code inputSource}. Everything new is drawn
 * from the suppliers in layout order, so a seeded supplier gives the same network every time.
 */
public final class Reshape {
    private Reshape() {}

    /**
     * The reshaped network, in fresh arrays (the old one is untouched).
     *
     * @param inputSource for each new input, the index of the same input in the old network, or −1
     * @param newWeight   draws the weight of each new link
     * @param newBias     draws the bias of each new neuron
     */
    public static Network apply(
            Network old,
            int[] sizes,
            int[] inputSource,
            Activation[] activations,
            Loss loss,
            DoubleSupplier newWeight,
            DoubleSupplier newBias) {
        Layout from = old.layout, to = new Layout(sizes);
        if (inputSource.length != to.inputs()) {
            throw new IllegalArgumentException(
                    "inputSource has " + inputSource.length + " entries for " + to.inputs() + " inputs");
        }
        int[] oldSizes = from.sizes();
        double[] params = new double[to.numParams()];
        for (int l = 0; l < to.layers(); l++) {
            int IN = to.in(l), OUT = to.out(l);
            int oldIn = oldPosition(l, to, from), oldOut = oldPosition(l + 1, to, from);
            // a link survives only when its ends were adjacent layers before, too
            boolean linked = oldIn >= 0 && oldOut == oldIn + 1;
            for (int o = 0; o < OUT; o++) {
                int oo = oldOut < 0 ? -1 : oldNeuron(l + 1, o, oldOut, oldSizes, inputSource);
                for (int i = 0; i < IN; i++) {
                    int oi = oldIn < 0 ? -1 : oldNeuron(l, i, oldIn, oldSizes, inputSource);
                    int index = to.weightOffset(l) + o * IN + i;
                    int kept = linked && oo >= 0 && oi >= 0 ? from.weightOffset(oldIn) + oo * from.in(oldIn) + oi : -1;
                    params[index] = kept >= 0 ? old.params[kept] : newWeight.getAsDouble();
                }
            }
            for (int o = 0; o < OUT; o++) {
                int oo = oldOut < 0 ? -1 : oldNeuron(l + 1, o, oldOut, oldSizes, inputSource);
                int index = to.biasOffset(l) + o;
                params[index] = oo >= 0 ? old.params[from.biasOffset(oldOut - 1) + oo] : newBias.getAsDouble();
            }
        }
        return new Network(to, activations, loss, params);
    }

    /** Which position of the old sizes array position p of the new one is (0 inputs, last output), or −1. */
    private static int oldPosition(int p, Layout to, Layout from) {
        int newLast = to.layers(), oldLast = from.layers();
        if (p == 0) return 0;
        if (p == newLast) return oldLast;
        return p < oldLast ? p : -1;
    }

    /** Which neuron of old position op neuron k of new position p is, or −1 when it is new. */
    private static int oldNeuron(int p, int k, int op, int[] oldSizes, int[] inputSource) {
        if (p == 0) return inputSource[k];
        return k < oldSizes[op] ? k : -1;
    }
}
