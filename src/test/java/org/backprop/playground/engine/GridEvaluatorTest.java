package org.backprop.playground.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The display grid agrees with the training forward pass to display precision, neuron by neuron. */
class GridEvaluatorTest {
    @Test
    void grid_values_match_the_double_forward_pass() {
        for (Activation hidden : new Activation[] {Activation.TANH, Activation.RELU, Activation.SIGMOID, Activation.LEAKY_RELU, Activation.LINEAR}) {
            Network net = Network.create(new int[] {2, 5, 3, 3}, hidden, Activation.SOFTMAX, Loss.CE, Init.XAVIER, new SeedRandom("grid" + hidden));
            int P = 7 * 7;
            float[] grid = new float[2 * P];
            double[][] rows = new double[P][];
            for (int p = 0; p < P; p++) {
                double x = -6 + 2.0 * (p % 7), y = -6 + 2.0 * (p / 7);
                grid[p] = (float) x;
                grid[P + p] = (float) y;
                rows[p] = new double[] {x, y};
            }
            float[][][] values = new GridEvaluator(P).evaluate(net, grid);
            Pass pass = new Pass(net.layout, P);
            pass.forward(net, Samples.of(rows, new double[P][3]).inputs(), 0, P);
            for (int l = 0; l < net.layout.layers(); l++) {
                double[] a = pass.a(l);
                int out = net.layout.out(l);
                for (int p = 0; p < P; p++) {
                    for (int o = 0; o < out; o++) {
                        assertEquals(a[p * out + o], values[l][o][p], 1e-4 * Math.max(1, Math.abs(a[p * out + o])),
                                hidden.key + " layer " + l + " neuron " + o + " point " + p);
                    }
                }
            }
        }
    }
}
