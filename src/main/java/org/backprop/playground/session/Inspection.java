package org.backprop.playground.session;

import java.util.ArrayList;
import java.util.List;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Layout;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Pass;

/**
 * One sample through the network, forward and backward, with the weights it has now: what the
 * step-through view shows. {@code after} is the same sample after one plain SGD step on it alone
 * (θ − lr · dL/dθ) at the session's learning rate, computed on a copy.
 *
 * @param epoch  the epochs the session had trained when these weights were taken
 * @param split  "train", "test", or null for a sample the client sent
 * @param index  the point's index in its split, or −1
 * @param input  the network's input vector (the enabled features of a 2-D point)
 * @param coords the raw point (its coordinates), or null for a sample the client sent
 * @param target the encoded target row (0/1, ±1, one-hot or the value)
 */
public record Inspection(
        long epoch,
        String split,
        int index,
        double[] input,
        double[] coords,
        double[] target,
        double loss,
        List<LayerValues> layers,
        String lossFormula,
        double learningRate,
        double afterLoss,
        Network after) {

    /**
     * Weight layer l: z, a, δ of its neurons, f′(z) ({@code dadz}, null for softmax, whose δ is taken
     * with cross-entropy), dL/dW (out × in) and dL/db, and its W and b.
     */
    public record LayerValues(
            String activation,
            double[] z,
            double[] a,
            double[] dadz,
            double[] delta,
            double[][] dW,
            double[] db,
            double[][] weights,
            double[] biases) {}

    static Inspection of(
            Network net,
            long epoch,
            String split,
            int index,
            double[] input,
            double[] coords,
            double[] target,
            double learningRate) {
        Layout layout = net.layout;
        Pass pass = new Pass(layout, 1);
        pass.forward(net, input, 0, 1);
        double loss = pass.lossSum(net, target, 0);
        double[] grads = new double[layout.numParams()];
        pass.backward(net, target, 0, grads);
        List<LayerValues> layers = new ArrayList<>();
        for (int l = 0; l < layout.layers(); l++) {
            int IN = layout.in(l), OUT = layout.out(l);
            double[][] dW = new double[OUT][IN];
            for (int o = 0; o < OUT; o++) System.arraycopy(grads, layout.weightOffset(l) + o * IN, dW[o], 0, IN);
            double[] db = new double[OUT];
            System.arraycopy(grads, layout.biasOffset(l), db, 0, OUT);
            layers.add(new LayerValues(
                    net.activation(l).key,
                    pass.z(l),
                    pass.a(l),
                    dadz(net.activation(l), pass.z(l), pass.a(l)),
                    pass.delta(l),
                    dW,
                    db,
                    net.weights(l),
                    net.biases(l)));
        }
        Network after = net.copy();
        for (int i = 0; i < grads.length; i++) after.params[i] -= learningRate * grads[i];
        pass.forward(after, input, 0, 1);
        double afterLoss = pass.lossSum(after, target, 0);
        return new Inspection(
                epoch, split, index, input, coords, target, loss, layers, net.loss.key, learningRate, afterLoss, after);
    }

    /** f′(z) per neuron, as the engine takes it (tanh′ = 1 − a²); null for softmax. */
    private static double[] dadz(Activation f, double[] z, double[] a) {
        if (f == Activation.SOFTMAX) return null;
        double[] d = new double[z.length];
        for (int j = 0; j < z.length; j++) d[j] = f.derivative(z[j], a[j]);
        return d;
    }
}
