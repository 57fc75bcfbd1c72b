package org.backprop.playground.engine;

/**
 * Every neuron's value at every point of a grid, for drawing: the output heatmap and each
 * neuron's thumbnail. Points are the inner dimension (IN, P) so each weight sweeps a contiguous
 * row and the JIT vectorizes it; float and {@link DisplayMath} because the result is quantized
 * for display anyway.
 */
public final class GridEvaluator {
    private final int points;
    private float[][] values;
    private Layout layout;

    /** @param points how many grid points each call evaluates (e.g. 100 × 100) */
    public GridEvaluator(int points) {
        this.points = points;
    }

    public int points() { return points; }

    /**
     * inputs (IN, P) feature-major -> per weight layer l, (OUT_l, P) activations, returned arrays
     * owned by this evaluator and overwritten by the next call. Softmax outputs are normalized
     * per point.
     */
    public float[][] evaluate(Network net, float[] inputs) {
        Layout lay = net.layout;
        if (!lay.equals(layout)) {
            layout = lay;
            values = new float[lay.layers()][];
            for (int l = 0; l < lay.layers(); l++) values[l] = new float[lay.out(l) * points];
        }
        float[] in = inputs;
        int P = points;
        for (int l = 0; l < lay.layers(); l++) {
            int IN = lay.in(l), OUT = lay.out(l), wOff = lay.weightOffset(l), bOff = lay.biasOffset(l);
            float[] out = values[l];
            for (int o = 0; o < OUT; o++) {
                int row = o * P;
                float bias = (float) net.params[bOff + o];
                for (int p = 0; p < P; p++) out[row + p] = bias;
                for (int i = 0; i < IN; i++) {
                    float w = (float) net.params[wOff + o * IN + i];
                    int src = i * P;
                    for (int p = 0; p < P; p++) out[row + p] += w * in[src + p];
                }
                activate(net.activation(l), out, row, P);
            }
            if (net.activation(l) == Activation.SOFTMAX) softmaxColumns(out, OUT, P);
            in = out;
        }
        return values;
    }

    private static void activate(Activation f, float[] v, int off, int n) {
        switch (f) {
            case LINEAR, SOFTMAX -> { }
            case TANH -> { for (int p = off; p < off + n; p++) v[p] = DisplayMath.tanh(v[p]); }
            case SIGMOID -> { for (int p = off; p < off + n; p++) v[p] = DisplayMath.sigmoid(v[p]); }
            case RELU -> { for (int p = off; p < off + n; p++) v[p] = Math.max(0f, v[p]); }
            case LEAKY_RELU -> {
                for (int p = off; p < off + n; p++) v[p] = Math.max(v[p], (float) Activation.LEAKY_SLOPE * v[p]);
            }
        }
    }

    private static void softmaxColumns(float[] v, int K, int P) {
        for (int p = 0; p < P; p++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < K; k++) max = Math.max(max, v[k * P + p]);
            float sum = 0;
            for (int k = 0; k < K; k++) {
                float e = (float) Math.exp(v[k * P + p] - max);
                v[k * P + p] = e;
                sum += e;
            }
            for (int k = 0; k < K; k++) v[k * P + p] /= sum;
        }
    }
}
