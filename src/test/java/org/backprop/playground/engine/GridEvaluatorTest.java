package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The display grid agrees with the training forward pass to display precision, neuron by neuron. */
@Tag("unit")
class GridEvaluatorTest {
    @Test
    void grid_values_match_the_double_forward_pass() {
        for (Activation hidden : new Activation[] {
            Activation.TANH, Activation.RELU, Activation.SIGMOID, Activation.LEAKY_RELU, Activation.LINEAR
        }) {
            Network net = Network.create(
                    new int[] {2, 5, 3, 3},
                    hidden,
                    Activation.SOFTMAX,
                    Loss.CE,
                    Init.XAVIER,
                    new SeedRandom("grid" + hidden));
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
                        assertEquals(
                                a[p * out + o],
                                values[l][o][p],
                                1e-4 * Math.max(1, Math.abs(a[p * out + o])),
                                hidden.key + " layer " + l + " neuron " + o + " point " + p);
                    }
                }
            }
        }
    }

    @Test
    void a_grid_in_tiles_matches_the_grid_whole_bit_for_bit() {
        Network net = Network.create(
                new int[] {3, 8, 8, 4},
                Activation.TANH,
                Activation.SOFTMAX,
                Loss.CE,
                Init.XAVIER,
                new SeedRandom("tiles"));
        int P = 1000, tile = 64; // tiles that do not divide the grid: the last is short
        float[] grid = new float[3 * P];
        for (int i = 0; i < grid.length; i++) grid[i] = (float) Math.sin(i * 0.37) * 6;
        float[][][] whole = new GridEvaluator(P).evaluate(net, grid);
        GridEvaluator tiles = new GridEvaluator(tile);
        float[][] joined = new float[4][P];
        for (int start = 0; start < P; start += tile) {
            int count = Math.min(tile, P - start);
            float[][] out = tiles.evaluate(net, grid, P, start, count)[2];
            for (int k = 0; k < 4; k++) System.arraycopy(out[k], 0, joined[k], start, count);
        }
        for (int k = 0; k < 4; k++) assertArrayEquals(whole[2][k], joined[k], "output " + k);
        assertThrows(
                IllegalArgumentException.class,
                () -> tiles.evaluate(net, grid, P, 0, tile + 1),
                "a tile larger than the evaluator");
        assertThrows(
                IllegalArgumentException.class, () -> tiles.evaluate(net, grid, P, P - 10, 20), "a tile past the grid");
    }
}
