package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Central differences agree with backprop for every allowed activation × loss pair, with L1/L2. */
@Tag("unit")
class GradientCheckTest {
    private static final Activation[] HIDDEN = {
        Activation.LINEAR, Activation.TANH, Activation.SIGMOID, Activation.RELU, Activation.LEAKY_RELU
    };

    /** (output activation, loss, outputs) triples the engine accepts. */
    private static final Object[][] OUTPUT_PAIRS = {
        {Activation.LINEAR, Loss.SQUARE, 1},
        {Activation.TANH, Loss.SQUARE, 1},
        {Activation.SIGMOID, Loss.SQUARE, 1},
        {Activation.RELU, Loss.SQUARE, 1},
        {Activation.LEAKY_RELU, Loss.SQUARE, 1},
        {Activation.LINEAR, Loss.MSE, 2},
        {Activation.TANH, Loss.MSE, 2},
        {Activation.SIGMOID, Loss.MSE, 2},
        {Activation.RELU, Loss.MSE, 2},
        {Activation.LEAKY_RELU, Loss.MSE, 2},
        {Activation.SIGMOID, Loss.BCE, 1},
        {Activation.SIGMOID, Loss.BCE, 2},
        {Activation.SOFTMAX, Loss.CE, 3},
    };

    @TestFactory
    List<DynamicTest> every_allowed_pair_passes_the_gradient_check() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Activation hidden : HIDDEN) {
            for (Object[] pair : OUTPUT_PAIRS) {
                for (Regularization reg : Regularization.values()) {
                    Activation output = (Activation) pair[0];
                    Loss loss = (Loss) pair[1];
                    int outputs = (int) pair[2];
                    String name = hidden.key + " → " + output.key + " + " + loss.key + ", " + reg.key;
                    tests.add(DynamicTest.dynamicTest(name, () -> check(hidden, output, loss, outputs, reg)));
                }
            }
        }
        return tests;
    }

    private static void check(Activation hidden, Activation output, Loss loss, int outputs, Regularization reg) {
        SeedRandom rng = new SeedRandom("gradcheck " + hidden + output + loss + reg);
        Network net = Network.create(new int[] {3, 4, 3, outputs}, hidden, output, loss, Init.XAVIER, rng);
        // nonzero biases so that ReLU/leaky z values sit away from the kink at 0 almost surely
        for (int l = 0; l < net.layout.layers(); l++) {
            for (int o = 0; o < net.layout.out(l); o++) net.setBias(l, o, rng.uniform(-0.5, 0.5));
        }
        Samples data = data(rng, 5, 3, outputs, loss);
        GradientCheck.Result result =
                GradientCheck.run(net, data, reg, reg == Regularization.NONE ? 0 : 0.01, GradientCheck.DEFAULT_EPSILON);
        assertEquals(3, result.layers().size());
        for (GradientCheck.LayerResult layer : result.layers()) {
            assertTrue(layer.relativeError() < 1e-6, "layer " + layer.layer() + ": " + layer.relativeError());
        }
        assertTrue(norm(result.analytic()) > 1e-6, "the check must compare a gradient that is not all zero");
    }

    /** Random inputs; targets in each loss's own range (one-hot for ce, 0/1 for bce). */
    private static Samples data(SeedRandom rng, int n, int in, int k, Loss loss) {
        double[][] x = new double[n][in], t = new double[n][k];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < in; i++) x[r][i] = rng.uniform(-2, 2);
            if (loss == Loss.CE) t[r][rng.nextInt(k)] = 1;
            else for (int j = 0; j < k; j++) t[r][j] = loss == Loss.BCE ? rng.nextInt(2) : rng.uniform(-1, 1);
        }
        return Samples.of(x, t);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    /** Layers of 5–9 neurons and 11 or 40 samples: the kernels' 4 × 4 blocks, their edges, and wide batches. */
    @Test
    void blocked_kernels_pass_the_gradient_check_with_their_edges() {
        for (int samples : new int[] {11, 40}) {
            SeedRandom rng = new SeedRandom("blocks" + samples);
            Network net = Network.create(
                    new int[] {5, 9, 8, 6, 3}, Activation.TANH, Activation.SOFTMAX, Loss.CE, Init.XAVIER, rng);
            GradientCheck.Result result =
                    GradientCheck.run(net, data(rng, samples, 5, 3, Loss.CE), Regularization.L2, 0.01, 1e-5);
            for (GradientCheck.LayerResult layer : result.layers()) {
                assertTrue(
                        layer.relativeError() < 1e-6,
                        samples + " samples, layer " + layer.layer() + ": " + layer.relativeError());
            }
        }
    }

    @Test
    void a_wrong_gradient_is_reported_wrong() {
        Network net = WorkedExamplesTest.seed000();
        GradientCheck.Result ok =
                GradientCheck.run(net, WorkedExamplesTest.SEED_000_SAMPLE, Regularization.NONE, 0, 1e-5);
        assertEquals("correct", ok.layers().get(1).verdict());
        // the same network checked against a different loss's gradient: numeric and analytic disagree
        double[] analytic = GradientCheck.gradient(net, WorkedExamplesTest.SEED_000_SAMPLE, Regularization.L2, 1.0);
        double[] numeric = ok.numeric();
        double d = 0, a = 0, n = 0;
        for (int i = 0; i < numeric.length; i++) {
            d += Math.pow(analytic[i] - numeric[i], 2);
            a += analytic[i] * analytic[i];
            n += numeric[i] * numeric[i];
        }
        assertEquals("wrong", GradientCheck.verdict(Math.sqrt(d) / (Math.sqrt(a) + Math.sqrt(n))));
        assertEquals("check", GradientCheck.verdict(1e-6));
    }
}
