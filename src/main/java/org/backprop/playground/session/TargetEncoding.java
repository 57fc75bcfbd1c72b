package org.backprop.playground.session;

/**
 * How a point's label becomes the output the network is trained towards, one per output kind:
 * TF's ±1 for a tanh output, 0/1 for a sigmoid output with bce, one-hot for softmax with ce, and
 * the value itself for regression.
 */
enum TargetEncoding {
    /** Binary labels ±1 as they are (TF Playground's tanh output). */
    SIGN,
    /** Binary labels ±1 as 0/1 (sigmoid output, bce). */
    ZERO_ONE,
    /** Class k of K as the k-th unit vector (softmax output, ce). */
    ONE_HOT,
    /** Regression targets as they are (linear output). */
    VALUE;

    /** Writes the target row of {@code label} into {@code out} at {@code offset}; K outputs. */
    void encode(double label, double[] out, int offset, int K) {
        switch (this) {
            case SIGN, VALUE -> out[offset] = label;
            case ZERO_ONE -> out[offset] = label > 0 ? 1 : 0;
            case ONE_HOT -> {
                for (int k = 0; k < K; k++) out[offset + k] = 0;
                out[offset + (int) label] = 1;
            }
        }
    }
}
