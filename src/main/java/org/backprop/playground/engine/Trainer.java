package org.backprop.playground.engine;

import java.util.Arrays;

/**
 * Trains a network the way TF Playground does: every example's gradient is accumulated, and an
 * update is applied after example i when (i + 1) % batchSize == 0; examples left over at the end
 * of an epoch stay accumulated and join the next epoch's first update. Examples between two
 * updates share weights, so they go through the kernels as one batch — same sums, same order.
 */
public final class Trainer {
    private final Network net;
    private Hyperparameters hyper;
    private Optimizer optimizer;
    private final double[] grads;
    private final double[] regDerivative;
    /** Weights that L1 pushed across zero: TF Playground pins them at 0 for good. */
    private boolean[] frozen;
    private int accumulated;
    private final Pass pass;
    private long epoch;

    public Trainer(Network net, Hyperparameters hyper) {
        this.net = net;
        this.hyper = hyper;
        this.optimizer = hyper.optimizer().create(net.layout.numParams());
        this.grads = new double[net.layout.numParams()];
        this.regDerivative = new double[net.layout.numParams()];
        // grows on demand: a huge batchSize on a handful of rows must not allocate for the batch size
        this.pass = new Pass(net.layout, Math.min(hyper.batchSize(), 64));
    }

    public Network network() { return net; }
    public Hyperparameters hyperparameters() { return hyper; }
    public long epoch() { return epoch; }
    public Optimizer optimizer() { return optimizer; }

    /** Takes effect at the next update; a new optimizer kind starts with fresh state. */
    public void setHyperparameters(Hyperparameters next) {
        if (next.optimizer() != hyper.optimizer()) optimizer = next.optimizer().create(net.layout.numParams());
        hyper = next;
    }

    /** One pass over the rows in the given order, then the epoch count advances. */
    public void trainEpoch(Samples data) {
        int n = data.count(), batchSize = hyper.batchSize();
        int i = 0;
        while (i < n) {
            int B = Math.min(batchSize - i % batchSize, n - i);
            pass.forward(net, data.inputs(), i, B);
            pass.backward(net, data.targets(), i, grads);
            accumulated += B;
            i += B;
            if (i % batchSize == 0) update();
        }
        epoch++;
    }

    private void update() {
        Regularization reg = hyper.regularization();
        double lr = hyper.learningRate();
        boolean regularize = reg != Regularization.NONE && hyper.regularizationRate() != 0;
        // TF takes the penalty's derivative at the weight before this update's gradient step
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
        Arrays.fill(grads, 0);
        accumulated = 0;
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
        return Evaluation.meanLoss(net, data, pass);
    }
}
