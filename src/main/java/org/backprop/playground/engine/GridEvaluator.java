package org.backprop.playground.engine;

/**
 * Every neuron's value at grid points, for drawing: the output heatmap and each neuron's
 * thumbnail. One array per input and per neuron, indexed by point, so each weight's sweep reads
 * and writes arrays at the same index, which is what lets the JIT (17) vectorize it (a sweep over
 * one packed array at two offsets stays scalar: docs/performance.md); float
 * and {@link DisplayMath} because the result is quantized for display anyway. A large grid goes
 * through in tiles of {@link #points()} (see {@link #evaluate(Network, float[], int, int, int)}),
 * so what is kept is one tile of every neuron, not the whole grid of every neuron.
 */
public final class GridEvaluator {
    private final int points;
    /** [layer][neuron] -> P values; the inputs' rows are [input] -> P values. */
    private float[][][] values;

    private float[][] inputRows;
    /** Every row this evaluator has allocated, {@link #points()} floats each; inputs and neurons are views of them. */
    private float[][] pool = new float[0][];

    private Layout layout;

    /** @param points how many grid points each call evaluates at most (e.g. 100 × 100, or a tile of it) */
    public GridEvaluator(int points) {
        this.points = points;
    }

    public int points() {
        return points;
    }

    /**
     * inputs (IN, P) feature-major, P = {@link #points()} -> per weight layer l and neuron o, its
     * P activations; the arrays are owned by this evaluator and overwritten by the next call.
     * Softmax outputs are normalized per point.
     */
    public float[][][] evaluate(Network net, float[] inputs) {
        return evaluate(net, inputs, points, 0, points);
    }

    /**
     * A tile: points [start, start + count) of inputs (IN, P) feature-major, count at most
     * {@link #points()} -> per layer and neuron, those points' activations at [0, count) of arrays
     * owned by this evaluator (overwritten by the next call). Each point's arithmetic is the same
     * whatever tile it is in, so a grid evaluated tile by tile matches one evaluated whole, bit for bit.
     */
    public float[][][] evaluate(Network net, float[] inputs, int P, int start, int count) {
        if (count < 0 || count > points || start < 0 || start + count > P) {
            throw new IllegalArgumentException(
                    "a tile of " + count + " points from " + start + " of " + P + " (at most " + points + ")");
        }
        Layout lay = net.layout;
        if (!lay.equals(layout)) arrange(lay);
        for (int i = 0; i < lay.inputs(); i++) System.arraycopy(inputs, i * P + start, inputRows[i], 0, count);
        float[][] in = inputRows;
        for (int l = 0; l < lay.layers(); l++) {
            int IN = lay.in(l), wOff = lay.weightOffset(l), bOff = lay.biasOffset(l);
            for (int o = 0; o < lay.out(l); o++) {
                float[] out = values[l][o];
                java.util.Arrays.fill(out, 0, count, (float) net.params[bOff + o]);
                for (int i = 0; i < IN; i++) {
                    float w = (float) net.params[wOff + o * IN + i];
                    float[] x = in[i];
                    for (int p = 0; p < count; p++) out[p] += w * x[p];
                }
                activate(net.activation(l), out, count);
            }
            if (net.activation(l) == Activation.SOFTMAX) softmaxColumns(values[l], count);
            in = values[l];
        }
        return values;
    }

    /**
     * Points each input and neuron of {@code lay} at a row of the pool, growing it only by the rows
     * it lacks: an evaluator shared by sessions of other shapes (one per thread) allocates once.
     */
    private void arrange(Layout lay) {
        int needed = lay.inputs();
        for (int l = 0; l < lay.layers(); l++) needed += lay.out(l);
        float[][] grown = pool;
        if (grown.length < needed) {
            grown = java.util.Arrays.copyOf(pool, needed);
            for (int r = pool.length; r < needed; r++) grown[r] = new float[points];
        }
        float[][] rows = new float[lay.inputs()][];
        float[][][] v = new float[lay.layers()][][];
        int r = 0;
        for (int i = 0; i < rows.length; i++) rows[i] = grown[r++];
        for (int l = 0; l < lay.layers(); l++) {
            v[l] = new float[lay.out(l)][];
            for (int o = 0; o < lay.out(l); o++) v[l][o] = grown[r++];
        }
        // set together once all is allocated: a failed allocation leaves the evaluator as it was
        pool = grown;
        inputRows = rows;
        values = v;
        layout = lay;
    }

    private static void activate(Activation f, float[] v, int n) {
        switch (f) {
            case LINEAR, SOFTMAX -> {}
            case TANH -> {
                for (int p = 0; p < n; p++) v[p] = DisplayMath.tanh(v[p]);
            }
            case SIGMOID -> {
                for (int p = 0; p < n; p++) v[p] = DisplayMath.sigmoid(v[p]);
            }
            case RELU -> {
                for (int p = 0; p < n; p++) v[p] = Math.max(0f, v[p]);
            }
            case LEAKY_RELU -> {
                for (int p = 0; p < n; p++) v[p] = Math.max(v[p], (float) Activation.LEAKY_SLOPE * v[p]);
            }
        }
    }

    private static void softmaxColumns(float[][] v, int P) {
        int K = v.length;
        for (int p = 0; p < P; p++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < K; k++) max = Math.max(max, v[k][p]);
            float sum = 0;
            for (int k = 0; k < K; k++) {
                float e = (float) Math.exp(v[k][p] - max);
                v[k][p] = e;
                sum += e;
            }
            for (int k = 0; k < K; k++) v[k][p] /= sum;
        }
    }
}
