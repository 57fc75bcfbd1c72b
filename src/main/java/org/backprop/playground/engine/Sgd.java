package org.backprop.playground.engine;

/** Plain SGD in TF Playground's arithmetic: w ← w − (lr / n) · Σg. */
public final class Sgd implements Optimizer {
    @Override
    public void step(double[] params, double[] gradSum, int count, double learningRate, boolean[] frozen) {
        double scale = learningRate / count;
        if (frozen == null) {
            // the common case, in a loop without a branch so the JIT vectorizes it
            for (int i = 0; i < params.length; i++) params[i] = params[i] - scale * gradSum[i];
            return;
        }
        for (int i = 0; i < params.length; i++) {
            if (!frozen[i]) params[i] = params[i] - scale * gradSum[i];
        }
    }

    @Override
    public Kind kind() {
        return Kind.SGD;
    }
}
