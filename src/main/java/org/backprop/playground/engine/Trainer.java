package org.backprop.playground.engine;

import java.util.Arrays;

/**
 * Trains a network the way TF Playground does: every example's gradient is accumulated, and an
 * update is applied after example i when (i + 1) % batchSize == 0; examples left over at the end
 * of an epoch stay accumulated and join the next epoch's first update. Examples between two
 * updates share weights, so they go through the kernels as one batch — same sums, same order.
 * Along the way it keeps what the backprop view draws: the epoch's mean gradient (summed from the
 * accumulator at each update, nothing per example) and the last update's update:parameter ratio.
 */
public final class Trainer {
    private final Network net;
    private Hyperparameters hyper;
    private Optimizer optimizer;
    private final double[] grads;
    /** The penalty's derivative per parameter; made at the first regularized update (most sessions never need it). */
    private double[] regDerivative;
    /** Weights that L1 pushed across zero: TF Playground pins them at 0 for good. */
    private boolean[] frozen;

    private int accumulated;
    private long epoch;
    /** Σ over this epoch's examples of dL/dθ so far (the data loss only), and how many examples. */
    private final double[] epochSum;

    private int epochCount;
    /** The last finished epoch's mean dL/dθ, in the parameter layout (zeros before the first epoch). */
    private final double[] epochMean;
    /** Part of {@code grads} already counted in an earlier epoch (leftover examples that join the next update). */
    private final double[] counted;

    private boolean leftoverCounted;
    /** Parameters before the last update, for the update:parameter ratio. */
    private final double[] before;
    /** Per weight layer ‖Δθ‖ / ‖θ‖ (W and b) of the last update of the last epoch that made one; NaN before. */
    private final double[] updateRatio;

    public Trainer(Network net, Hyperparameters hyper) {
        this.net = net;
        this.hyper = hyper;
        this.optimizer = hyper.optimizer().create(net.layout.numParams());
        this.grads = new double[net.layout.numParams()];
        int P = net.layout.numParams();
        this.epochSum = new double[P];
        this.epochMean = new double[P];
        this.before = new double[P];
        this.counted = new double[P];
        this.updateRatio = new double[net.layout.layers()];
        Arrays.fill(updateRatio, Double.NaN);
    }

    /**
     * The mean over the last finished epoch's examples of dL/dθ (data loss, no penalty), each
     * taken at the weights that example was trained with, in the parameter layout; a copy. The
     * bias entries are the mean δ = dL/dz of each neuron. Zeros before the first epoch.
     */
    public double[] epochGradient() {
        return epochMean.clone();
    }

    /** Per weight layer, ‖Δθ‖ / ‖θ‖ over its weights and biases for the last update (θ before it); NaN before any. */
    public double[] updateRatio() {
        return updateRatio.clone();
    }

    public Network network() {
        return net;
    }

    public Hyperparameters hyperparameters() {
        return hyper;
    }

    public long epoch() {
        return epoch;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Takes effect at the next update; a new optimizer kind starts with fresh state. */
    public void setHyperparameters(Hyperparameters next) {
        if (next.optimizer() != hyper.optimizer()) optimizer = next.optimizer().create(net.layout.numParams());
        hyper = next;
    }

    /** One pass over the rows in the given order, then the epoch count advances. */
    public void trainEpoch(Samples data) {
        int n = data.count(), batchSize = hyper.batchSize();
        int i = 0;
        Arrays.fill(epochSum, 0);
        epochCount = 0;
        // the ratio is measured at the epoch's last update only: one O(params) copy per epoch, not per update
        int lastUpdate = n - n % batchSize;
        double[] byFeature = data.inputsByFeature();
        // the scratch is lent for the epoch (Passes); it grows to the batch on use, so a huge batchSize on a handful of
        // rows allocates for the rows
        Pass pass = Passes.borrow(net.layout);
        try {
            // i runs to the next update point, batchSize apart from the epoch's start (no division per batch)
            for (int next = batchSize; i < n; ) {
                int B = Math.min(next, n) - i;
                pass.forwardByFeature(net, byFeature, n, i, B);
                pass.backward(net, data.targets(), i, grads);
                accumulated += B;
                i += B;
                epochCount += B;
                if (i == next) {
                    update(i == lastUpdate);
                    next += batchSize;
                }
            }
        } finally {
            Passes.giveBack(pass);
        }
        if (accumulated > 0) countLeftover();
        if (epochCount > 0) for (int p = 0; p < epochSum.length; p++) epochMean[p] = epochSum[p] / epochCount;
        epoch++;
    }

    /** Leftover examples' gradients belong to this epoch's mean; the next update must not count them again. */
    private void countLeftover() {
        for (int p = 0; p < grads.length; p++) {
            epochSum[p] += leftoverCounted ? grads[p] - counted[p] : grads[p];
            counted[p] = grads[p];
        }
        leftoverCounted = true;
    }

    private void update(boolean measure) {
        if (leftoverCounted) {
            // the leftover part is in epochSum already: count only what came after it
            for (int p = 0; p < grads.length; p++) epochSum[p] -= counted[p];
            leftoverCounted = false;
        }
        if (measure) System.arraycopy(net.params, 0, before, 0, before.length);
        Regularization reg = hyper.regularization();
        double lr = hyper.learningRate();
        boolean regularize = reg != Regularization.NONE && hyper.regularizationRate() != 0;
        // TF takes the penalty's derivative at the weight before this update's gradient step
        if (regularize && regDerivative == null) regDerivative = new double[net.layout.numParams()];
        if (regularize) forEachWeight(i -> regDerivative[i] = reg.derivative(net.params[i]));
        optimizer.step(net.params, grads, accumulated, lr, frozen);
        if (regularize) {
            double shrink = lr * hyper.regularizationRate();
            double[] p = net.params;
            forEachWeight(i -> {
                if (frozen != null && frozen[i]) return;
                double next = p[i] - shrink * regDerivative[i];
                if (reg == Regularization.L1 && p[i] * next < 0) {
                    p[i] = 0;
                    if (frozen == null) frozen = new boolean[p.length];
                    frozen[i] = true;
                } else {
                    p[i] = next;
                }
            });
        }
        // the step is done with grads: add them to the epoch's sum and clear them in one pass
        for (int p = 0; p < grads.length; p++) {
            epochSum[p] += grads[p];
            grads[p] = 0;
        }
        accumulated = 0;
        if (measure) ratios();
    }

    private void ratios() {
        Layout layout = net.layout;
        double[] p = net.params;
        for (int l = 0; l < layout.layers(); l++) {
            int from = layout.weightOffset(l), to = layout.biasOffset(l) + layout.out(l);
            double dd = 0, ww = 0;
            for (int i = from; i < to; i++) {
                double d = p[i] - before[i];
                dd += d * d;
                ww += before[i] * before[i];
            }
            updateRatio[l] = ww == 0 ? (dd == 0 ? 0 : Double.NaN) : Math.sqrt(dd / ww);
        }
    }

    private void forEachWeight(java.util.function.IntConsumer action) {
        Layout layout = net.layout;
        for (int l = 0; l < layout.layers(); l++) {
            int from = layout.weightOffset(l), to = from + layout.weightCount(l);
            for (int i = from; i < to; i++) action.accept(i);
        }
    }

    /** Mean per-sample loss over the rows (no regularization term), as TF Playground reports it. */
    public double meanLoss(Samples data) {
        return Passes.lend(net.layout, pass -> Evaluation.meanLoss(net, data, pass));
    }

    /** {@link #meanLoss} of each set (train and test, say), the same figures, in fewer and fuller forward passes. */
    public double[] meanLosses(Samples... sets) {
        return Passes.lend(net.layout, pass -> Evaluation.meanLosses(net, pass, sets));
    }
}
