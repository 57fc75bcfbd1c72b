package org.backprop.playground.engine;

import java.util.Arrays;

/**
 * An MLP: a {@link Layout}, one activation per weight layer, a loss, and every parameter in one
 * flat array. This is the whole model; passes, optimizers and trainers only borrow it.
 */
public final class Network {
    public final Layout layout;
    private final Activation[] activations;
    public final Loss loss;
    /** Weights then biases of each layer, at {@link Layout#weightOffset} and {@link Layout#biasOffset}. */
    public final double[] params;

    public Network(Layout layout, Activation[] activations, Loss loss, double[] params) {
        if (activations.length != layout.layers()) {
            throw new IllegalArgumentException(
                    "expected " + layout.layers() + " activations, got " + activations.length);
        }
        if (params.length != layout.numParams()) {
            throw new IllegalArgumentException("expected " + layout.numParams() + " parameters, got " + params.length);
        }
        for (int l = 0; l < activations.length - 1; l++) {
            if (activations[l] == Activation.SOFTMAX) {
                throw new IllegalArgumentException("softmax is for the output layer only; layer " + l
                        + " is hidden: use relu, tanh, sigmoid, leakyRelu or linear there");
            }
        }
        loss.checkOutput(activations[activations.length - 1], layout.outputs());
        this.layout = layout;
        this.activations = activations.clone();
        this.loss = loss;
        this.params = params;
    }

    /** A network with every hidden layer on {@code hidden}, the last on {@code output}, initialized by {@code init}. */
    public static Network create(
            int[] sizes, Activation hidden, Activation output, Loss loss, Init init, SeedRandom rng) {
        Layout layout = new Layout(sizes);
        Activation[] acts = new Activation[layout.layers()];
        Arrays.fill(acts, hidden);
        acts[acts.length - 1] = output;
        double[] params = new double[layout.numParams()];
        Network net = new Network(layout, acts, loss, params);
        init.apply(net, rng);
        return net;
    }

    public Activation activation(int layer) {
        return activations[layer];
    }

    public Activation[] activations() {
        return activations.clone();
    }

    public double weight(int layer, int out, int in) {
        return params[layout.weightOffset(layer) + out * layout.in(layer) + in];
    }

    public void setWeight(int layer, int out, int in, double value) {
        params[layout.weightOffset(layer) + out * layout.in(layer) + in] = value;
    }

    public double bias(int layer, int out) {
        return params[layout.biasOffset(layer) + out];
    }

    public void setBias(int layer, int out, double value) {
        params[layout.biasOffset(layer) + out] = value;
    }

    /** Layer l's weights as rows (OUT) of IN values. */
    public double[][] weights(int layer) {
        int in = layout.in(layer), out = layout.out(layer), off = layout.weightOffset(layer);
        double[][] w = new double[out][];
        for (int o = 0; o < out; o++) w[o] = Arrays.copyOfRange(params, off + o * in, off + (o + 1) * in);
        return w;
    }

    public double[] biases(int layer) {
        int off = layout.biasOffset(layer);
        return Arrays.copyOfRange(params, off, off + layout.out(layer));
    }

    public Network copy() {
        return new Network(layout, activations, loss, params.clone());
    }

    /** True when every parameter is a finite number (a diverged run is not). */
    public boolean isFinite() {
        for (double p : params) if (!Double.isFinite(p)) return false;
        return true;
    }
}
