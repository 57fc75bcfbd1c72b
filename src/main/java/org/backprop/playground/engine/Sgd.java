package org.backprop.playground.engine;

/** Plain SGD in TF Playground's arithmetic: w ← w − (lr / n) · Σg. */
public final class Sgd implements Optimizer {
    @Override
    public void step(double[] params, double[] gradSum, int count, double learningRate, boolean[] frozen) {
        double scale = learningRate / count;
        for (int i = 0; i < params.length; i++) {
            if (frozen != null && frozen[i]) continue;
            params[i] = params[i] - scale * gradSum[i];
        }
    }

    @Override public void remap(int[] keep, int numParams) {}
    @Override public Kind kind() { return Kind.SGD; }
}
