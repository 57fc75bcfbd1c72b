package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Trainer's epoch gradient is the mean of the per-example gradients the epoch trained with. */
@Tag("unit")
class EpochGradientTest {
    private static final double TOL = 1e-12;
    private static final Samples XOR =
            Samples.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});

    private static Network net() {
        return Network.create(
                new int[] {2, 3, 1}, Activation.TANH, Activation.SIGMOID, Loss.BCE, Init.TF, new SeedRandom("0.5"));
    }

    private static Samples row(int r) {
        return Samples.of(new double[][] {XOR.inputRow(r)}, new double[][] {{XOR.targets()[r]}});
    }

    private static double[] g(Network n, int r) {
        return GradientCheck.gradient(n, row(r), Regularization.NONE, 0);
    }

    @Test
    void full_batch_epoch_gradient_is_the_batch_gradient() {
        Network n = net(), before = n.copy();
        Trainer t =
                new Trainer(n, Hyperparameters.defaults().withLearningRate(0.5).withBatchSize(4));
        t.trainEpoch(XOR);
        assertArrayEquals(GradientCheck.gradient(before, XOR, Regularization.NONE, 0), t.epochGradient(), TOL);
        // the mean δ of each neuron is its bias gradient
        double[] ratio = t.updateRatio();
        assertEquals(2, ratio.length);
        for (int l = 0; l < 2; l++) {
            int w = n.layout.weightOffset(l), end = n.layout.biasOffset(l) + n.layout.out(l);
            double dd = 0, ww = 0;
            for (int i = w; i < end; i++) {
                dd += (n.params[i] - before.params[i]) * (n.params[i] - before.params[i]);
                ww += before.params[i] * before.params[i];
            }
            assertEquals(Math.sqrt(dd / ww), ratio[l], 1e-12);
        }
    }

    @Test
    void batch_one_epoch_gradient_is_the_mean_of_each_examples_gradient_at_its_weights() {
        Network n = net(), manual = n.copy();
        double lr = 0.3;
        Trainer t =
                new Trainer(n, Hyperparameters.defaults().withLearningRate(lr).withBatchSize(1));
        t.trainEpoch(XOR);
        double[] mean = new double[n.params.length];
        for (int r = 0; r < 4; r++) {
            double[] gr = g(manual, r);
            for (int i = 0; i < mean.length; i++) {
                mean[i] += gr[i] / 4;
                manual.params[i] -= lr * gr[i];
            }
        }
        assertArrayEquals(mean, t.epochGradient(), TOL);
        assertArrayEquals(manual.params, n.params, TOL);
    }

    /** Batch 3 on 4 rows: the 4th row's gradient is this epoch's, though it joins the next epoch's first update. */
    @Test
    void leftover_examples_count_in_the_epoch_they_ran_in() {
        Network n = net(), w0 = n.copy();
        double lr = 0.4;
        Trainer t =
                new Trainer(n, Hyperparameters.defaults().withLearningRate(lr).withBatchSize(3));
        t.trainEpoch(XOR);
        Network w1 = w0.copy();
        double[] sum = new double[w0.params.length], mean1 = new double[sum.length];
        for (int r = 0; r < 3; r++) {
            double[] gr = g(w0, r);
            for (int i = 0; i < sum.length; i++) sum[i] += gr[i];
        }
        for (int i = 0; i < sum.length; i++) w1.params[i] -= lr / 3 * sum[i];
        double[] g3 = g(w1, 3);
        for (int i = 0; i < sum.length; i++) mean1[i] = (sum[i] + g3[i]) / 4;
        assertArrayEquals(mean1, t.epochGradient(), TOL);

        // TF's rule: an update after example i of the epoch when (i + 1) % 3 == 0, so rows 0-2 join the
        // leftover row 3 in one update of 4 examples; row 3 is left over again
        t.trainEpoch(XOR);
        double[] g0 = g(w1, 0), g1 = g(w1, 1), g2 = g(w1, 2);
        Network w2 = w1.copy();
        for (int i = 0; i < sum.length; i++) w2.params[i] -= lr / 4 * (g3[i] + g0[i] + g1[i] + g2[i]);
        double[] g3b = g(w2, 3), mean2 = new double[sum.length];
        for (int i = 0; i < sum.length; i++) mean2[i] = (g0[i] + g1[i] + g2[i] + g3b[i]) / 4;
        assertArrayEquals(mean2, t.epochGradient(), TOL);
        assertArrayEquals(w2.params, n.params, TOL);
        assertTrue(t.updateRatio()[0] > 0);
    }

    /** A saturated sigmoid + BCE output keeps δ = σ(z) − 1 precise, so the gradient check still agrees. */
    @Test
    void a_saturated_bce_output_passes_the_gradient_check() {
        Network n = Network.create(
                new int[] {1, 1}, Activation.LINEAR, Activation.SIGMOID, Loss.BCE, Init.ZERO, new SeedRandom("x"));
        n.setWeight(0, 0, 0, 20);
        n.setBias(0, 0, 15);
        Samples s = Samples.of(new double[][] {{1}, {0.8}}, new double[][] {{1}, {1}});
        GradientCheck.Result r = GradientCheck.run(n, s, Regularization.NONE, 0, GradientCheck.DEFAULT_EPSILON);
        assertEquals("correct", r.layers().get(0).verdict(), String.valueOf(r.worstRelativeError()));
    }
}
