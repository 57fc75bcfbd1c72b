package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Evaluation's own forward path (one array per neuron, long chunks) against training's (packed,
 * register blocks): the same sums in the same order, so the same bits, for every input width
 * from 1 to 9 (blocks of 4 inputs, pairs, a single one), chunks short and long, every hidden
 * activation and every output the engine allows.
 */
@Tag("unit")
class EvaluationRowsTest {
    private static final int[] BATCHES = {1, 2, 5, 31, 32, 33, 64, 250, 256};

    private record Kind(Activation hidden, Activation output, Loss loss, int outputs) {}

    private static final Kind[] KINDS = {
        new Kind(Activation.TANH, Activation.TANH, Loss.SQUARE, 1),
        new Kind(Activation.RELU, Activation.LINEAR, Loss.MSE, 2),
        new Kind(Activation.LEAKY_RELU, Activation.SIGMOID, Loss.BCE, 1),
        new Kind(Activation.SIGMOID, Activation.SOFTMAX, Loss.CE, 3),
        new Kind(Activation.LINEAR, Activation.TANH, Loss.SQUARE, 2),
    };

    @Test
    void the_row_path_gives_the_training_paths_outputs_and_loss_bit_for_bit() {
        SeedRandom rng = new SeedRandom("rows");
        for (Kind kind : KINDS) {
            for (int width = 1; width <= 9; width++) {
                int[] sizes = {width, 10 - width, width, kind.outputs()};
                Network net = Network.create(sizes, kind.hidden(), kind.output(), kind.loss(), Init.XAVIER, rng);
                for (int B : BATCHES) {
                    int N = B + 3, row = 2; // a chunk from inside the set, as evaluation takes them
                    double[] byFeature = new double[width * N], t = new double[N * kind.outputs()];
                    for (int i = 0; i < byFeature.length; i++) byFeature[i] = rng.uniform(-3, 3);
                    for (int i = 0; i < t.length; i++)
                        t[i] = kind.loss() == Loss.CE || kind.loss() == Loss.BCE
                                ? (rng.uniform(0, 1) < 0.5 ? 0 : 1)
                                : rng.uniform(-1, 1);
                    Pass packed = new Pass(net.layout, B), rows = new Pass(net.layout, B);
                    packed.forwardByFeature(net, byFeature, N, row, B);
                    forwardRows(rows, net, byFeature, N, row, B, maxAbs(byFeature, width, N));
                    String where = kind + " sizes " + java.util.Arrays.toString(sizes) + " batch " + B;
                    for (int b = 0; b < B; b++) {
                        for (int k = 0; k < kind.outputs(); k++) {
                            assertEquals(
                                    packed.output(b, k),
                                    rows.output(b, k),
                                    0.0,
                                    where + " output " + k + " of sample " + b);
                        }
                    }
                    assertEquals(packed.lossSum(net, t, row), rows.lossSum(net, t, row), 0.0, where + " loss");
                }
            }
        }
    }

    @Test
    void saturated_neurons_come_out_as_plus_or_minus_one_whether_a_bound_is_known_or_not() {
        // weights this large put |z| far past tanh's saturation at 19.1: the bound is above it, the fix-up runs
        SeedRandom rng = new SeedRandom("saturated");
        for (int width = 1; width <= 5; width++) {
            Network net = Network.create(
                    new int[] {width, 6, 3, 1}, Activation.TANH, Activation.TANH, Loss.SQUARE, Init.XAVIER, rng);
            for (int i = 0; i < net.params.length; i++) net.params[i] *= 60;
            int N = 300, B = 256;
            double[] byFeature = new double[width * N], t = new double[N];
            for (int i = 0; i < byFeature.length; i++) byFeature[i] = rng.uniform(-5, 5);
            Pass packed = new Pass(net.layout, B),
                    bounded = new Pass(net.layout, B),
                    unbounded = new Pass(net.layout, B);
            packed.forwardByFeature(net, byFeature, N, 10, B);
            forwardRows(bounded, net, byFeature, N, 10, B, maxAbs(byFeature, width, N));
            forwardRows(unbounded, net, byFeature, N, 10, B, null);
            int saturated = 0;
            for (int b = 0; b < B; b++) {
                double expected = StrictMath.tanh(packed.z(net.layout.layers() - 1)[b]);
                assertEquals(expected, packed.output(b, 0), 2e-15, "the packed path at sample " + b);
                assertEquals(packed.output(b, 0), bounded.output(b, 0), 0.0, "with a bound, sample " + b);
                assertEquals(packed.output(b, 0), unbounded.output(b, 0), 0.0, "without one, sample " + b);
                if (Math.abs(packed.output(b, 0)) == 1.0) saturated++;
            }
            assertTrue(saturated > 0, "no output saturated: the test does not reach the fix-up");
            assertEquals(packed.lossSum(net, t, 10), bounded.lossSum(net, t, 10), 0.0);
        }
    }

    /** Evaluation's path over rows [row, row + B) of one set, as Evaluation.scores runs it for a chunk. */
    private static void forwardRows(
            Pass pass, Network net, double[] byFeature, int N, int row, int B, double[] maxAbs) {
        pass.beginRows(B);
        pass.loadRows(0, byFeature, N, row, B);
        pass.forwardRows(net, maxAbs);
    }

    private static double[] maxAbs(double[] byFeature, int width, int N) {
        double[] m = new double[width];
        for (int i = 0; i < width; i++)
            for (int r = 0; r < N; r++) m[i] = Math.max(m[i], Math.abs(byFeature[i * N + r]));
        return m;
    }

    @Test
    void a_short_training_pass_after_a_long_evaluation_still_trains_its_own_batch() {
        // the trainer's pass serves both: a 256-row evaluation grows it, a 10-row batch follows
        SeedRandom rng = new SeedRandom("grow");
        Network net =
                Network.create(new int[] {2, 4, 2, 1}, Activation.TANH, Activation.TANH, Loss.SQUARE, Init.TF, rng);
        int N = 300;
        double[] byFeature = new double[2 * N];
        for (int i = 0; i < byFeature.length; i++) byFeature[i] = rng.uniform(-6, 6);
        Pass shared = new Pass(net.layout, 10), fresh = new Pass(net.layout, 10);
        forwardRows(shared, net, byFeature, N, 0, 256, null);
        shared.forwardByFeature(net, byFeature, N, 40, 10);
        fresh.forwardByFeature(net, byFeature, N, 40, 10);
        for (int b = 0; b < 10; b++) assertEquals(fresh.output(b, 0), shared.output(b, 0), 0.0, "sample " + b);
    }
}
