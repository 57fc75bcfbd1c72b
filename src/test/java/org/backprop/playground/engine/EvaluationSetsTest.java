package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Several sets evaluated together ({@link Evaluation#scores}, train and test in shared chunks)
 * against each set's rows taken one at a time through training's path: the same loss to the
 * last bit and the same count right, for sets that fill a chunk, span chunks, share one, or are
 * empty.
 */
@Tag("unit")
class EvaluationSetsTest {
    private record Kind(Activation hidden, Activation output, Loss loss, int outputs) {}

    private static final Kind[] KINDS = {
        new Kind(Activation.TANH, Activation.TANH, Loss.SQUARE, 1),
        new Kind(Activation.RELU, Activation.SIGMOID, Loss.BCE, 1),
        new Kind(Activation.TANH, Activation.SOFTMAX, Loss.CE, 3),
        new Kind(Activation.LEAKY_RELU, Activation.LINEAR, Loss.MSE, 2),
    };

    private static final int[][] SIZES = {
        {250, 250}, // W1's train and test: one chunk
        {300, 700, 5}, // the second set spans two chunks, begun by the first
        {Evaluation.CHUNK, 0, 1}, // a full chunk, an empty set, a set of one
        {0},
        {1},
        {Evaluation.CHUNK + 1},
    };

    @Test
    void each_sets_score_is_its_rows_losses_added_in_order_whatever_it_is_evaluated_with() {
        SeedRandom rng = new SeedRandom("sets");
        for (Kind kind : KINDS) {
            Network net = Network.create(
                    new int[] {3, 5, 4, kind.outputs()}, kind.hidden(), kind.output(), kind.loss(), Init.XAVIER, rng);
            for (int[] sizes : SIZES) {
                Samples[] sets = new Samples[sizes.length];
                for (int s = 0; s < sizes.length; s++) sets[s] = randomSet(sizes[s], 3, kind, rng);
                Evaluation.Score[] together = Evaluation.scores(net, new Pass(net.layout, 8), true, sets);
                double[] losses = Evaluation.meanLosses(net, new Pass(net.layout, 8), sets);
                for (int s = 0; s < sets.length; s++) {
                    String where = kind + " sets " + java.util.Arrays.toString(sizes) + " set " + s;
                    Evaluation.Score expected = rowByRow(net, sets[s]);
                    assertEquals(expected.loss(), together[s].loss(), 0.0, where + " loss");
                    assertEquals(expected.accuracy(), together[s].accuracy(), 0.0, where + " accuracy");
                    assertEquals(expected.loss(), losses[s], 0.0, where + " meanLosses");
                    assertEquals(expected.loss(), Evaluation.meanLoss(net, sets[s]), 0.0, where + " alone");
                }
            }
        }
    }

    /** The loss of each row through training's packed path, one row per pass, summed in row order; right as score counts it. */
    private static Evaluation.Score rowByRow(Network net, Samples set) {
        int n = set.count(), K = set.targetWidth();
        if (n == 0) return new Evaluation.Score(0, 0);
        Pass pass = new Pass(net.layout, 1);
        double[] t = set.targets();
        double threshold = net.activation(net.layout.layers() - 1) == Activation.SIGMOID ? 0.5 : 0;
        double sum = 0;
        int right = 0;
        for (int r = 0; r < n; r++) {
            pass.forward(net, set.inputs(), r, 1);
            sum += pass.lossSum(net, t, r);
            int predicted = 0, actual = 0;
            for (int k = 1; k < K; k++) {
                if (pass.output(0, k) > pass.output(0, predicted)) predicted = k;
                if (t[r * K + k] > t[r * K + actual]) actual = k;
            }
            boolean ok = K == 1 ? (pass.output(0, 0) >= threshold) == (t[r] >= threshold) : predicted == actual;
            if (ok) right++;
        }
        return new Evaluation.Score(sum / n, (double) right / n);
    }

    private static Samples randomSet(int n, int width, Kind kind, SeedRandom rng) {
        int K = kind.outputs();
        double[] x = new double[n * width], t = new double[n * K];
        for (int i = 0; i < x.length; i++) x[i] = rng.uniform(-4, 4);
        for (int r = 0; r < n; r++) {
            if (kind.loss() == Loss.CE) t[r * K + (int) (rng.uniform(0, 1) * K)] = 1;
            else
                for (int k = 0; k < K; k++)
                    t[r * K + k] = kind.loss() == Loss.BCE ? (rng.uniform(0, 1) < 0.5 ? 0 : 1) : rng.uniform(-1, 1);
        }
        return new Samples(x, t, n, width, K);
    }
}
