package org.backprop.playground.engine;

/** Loss and accuracy over a data set, in batches through a reusable {@link Pass}. */
public final class Evaluation {
    /**
     * Columns per forward pass: long, so each layer is a few vectorized sweeps over 512 columns
     * ({@link Pass#forwardRows}), and its own path, so training's short-batch kernels keep a
     * profile of training batches (docs/performance.md). A chunk may hold rows of several sets:
     * W1's train and test rows, 250 each, go through as one chunk, half the calls of two.
     */
    public static final int CHUNK = 512;
    /**
     * A wider network goes in shorter chunks, so a pass's evaluation scratch (three layers' rows,
     * see {@link Pass#forwardRows}) stays at 8 × 512 values a row set: 128 columns at 32 wide.
     * Columns do not interact, so the chunk changes no bit of a score.
     */
    private static final int CHUNK_CELLS = 8 * CHUNK, MIN_CHUNK = 64;

    /** Columns per forward pass for {@code layout}: {@link #CHUNK}, fewer for layers wider than 8 (a multiple of 8). */
    public static int chunk(Layout layout) {
        return Math.max(MIN_CHUNK, Math.min(CHUNK, CHUNK_CELLS / Math.max(1, layout.maxWidth())) & ~7);
    }

    /** Mean loss and fraction right (NaN when accuracy was not asked for). */
    public record Score(double loss, double accuracy) {}

    private Evaluation() {}

    public static double meanLoss(Network net, Samples data) {
        return meanLoss(net, data, newPass(net));
    }

    /** As {@link #meanLoss(Network, Samples)}, reusing the caller's scratch pass. */
    public static double meanLoss(Network net, Samples data, Pass pass) {
        return score(net, data, pass, false).loss();
    }

    /** Each set's mean loss, as {@link #meanLoss(Network, Samples, Pass)} gives it, the sets evaluated together. */
    public static double[] meanLosses(Network net, Pass pass, Samples... sets) {
        Score[] scores = scores(net, pass, false, sets);
        double[] losses = new double[sets.length];
        for (int s = 0; s < sets.length; s++) losses[s] = scores[s].loss();
        return losses;
    }

    public static double accuracy(Network net, Samples data) {
        return score(net, data, newPass(net), true).accuracy();
    }

    /**
     * Mean per-sample loss (no regularization term, as TF Playground reports it) and, when asked,
     * the fraction classified right in the same forward pass: one output is right when its sign
     * (tanh, linear) or side of 0.5 (sigmoid) matches the target's; several outputs when the
     * arg-max matches.
     */
    public static Score score(Network net, Samples data, Pass pass, boolean accuracy) {
        return scores(net, pass, accuracy, data)[0];
    }

    /**
     * {@link #score} of each set, from forward passes over the sets' rows one after another,
     * {@link #chunk} columns at a time: a chunk may end one set and begin the next. Each set's
     * losses are added up over its own rows in order, one sum across chunks, so its score is the
     * same to the last bit whatever sets it is evaluated with.
     */
    public static Score[] scores(Network net, Pass pass, boolean accuracy, Samples... sets) {
        int K = net.layout.outputs(), total = 0, chunk = chunk(net.layout);
        for (Samples set : sets) total += set.count();
        double threshold = net.activation(net.layout.layers() - 1) == Activation.SIGMOID ? 0.5 : 0;
        double[] lossSums = new double[sets.length];
        int[] right = new int[sets.length];
        double[] bound = new double[net.layout.inputs()];
        // rows are numbered across the sets, one after another; a chunk is the rows [from, to) of that numbering
        for (int from = 0; from < total; from += chunk) {
            int to = Math.min(total, from + chunk);
            pass.beginRows(to - from);
            java.util.Arrays.fill(bound, 0);
            for (int s = 0, first = 0; s < sets.length; first += sets[s].count(), s++) {
                int lo = Math.max(from, first), hi = Math.min(to, first + sets[s].count());
                if (lo >= hi) continue;
                pass.loadRows(lo - from, sets[s].inputsByFeature(), sets[s].count(), lo - first, hi - lo);
                double[] maxAbs = sets[s].maxAbsByFeature();
                // Math.max keeps a NaN: no bound, so tanh does its saturation pass
                for (int i = 0; i < bound.length; i++) bound[i] = Math.max(bound[i], maxAbs[i]);
            }
            pass.forwardRows(net, bound);
            for (int s = 0, first = 0; s < sets.length; first += sets[s].count(), s++) {
                int lo = Math.max(from, first), hi = Math.min(to, first + sets[s].count());
                if (lo >= hi) continue;
                double[] t = sets[s].targets();
                lossSums[s] = pass.addLosses(lossSums[s], net, t, lo - first, lo - from, hi - lo);
                if (!accuracy) continue;
                for (int r = lo; r < hi; r++) {
                    int column = r - from, row = (r - first) * K;
                    if (K == 1) {
                        if ((pass.output(column, 0) >= threshold) == (t[row] >= threshold)) right[s]++;
                    } else if (argMaxOutput(pass, column, K) == argMax(t, row, K)) {
                        right[s]++;
                    }
                }
            }
        }
        Score[] scores = new Score[sets.length];
        for (int s = 0; s < sets.length; s++) {
            int n = sets[s].count();
            scores[s] = n == 0
                    ? new Score(0, accuracy ? 0 : Double.NaN)
                    : new Score(lossSums[s] / n, accuracy ? (double) right[s] / n : Double.NaN);
        }
        return scores;
    }

    /** A scratch pass for evaluating {@code data} in chunks: its evaluation rows grow with the chunk, its training arrays stay at one sample. */
    public static Pass newPass(Network net) {
        return new Pass(net.layout, 1);
    }

    private static int argMaxOutput(Pass pass, int b, int K) {
        int best = 0;
        for (int k = 1; k < K; k++) if (pass.output(b, k) > pass.output(b, best)) best = k;
        return best;
    }

    private static int argMax(double[] v, int off, int K) {
        int best = 0;
        for (int k = 1; k < K; k++) if (v[off + k] > v[off + best]) best = k;
        return best;
    }
}
