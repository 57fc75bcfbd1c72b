package org.backprop.playground.engine;

/**
 * Training rows as the engine reads them: inputs (N, IN) and targets (N, K), row-major, so a
 * batch is one contiguous slice; and, made once on first use, the inputs feature-major, which the
 * kernels copy a whole batch of per input. The arrays are shared, never copied: nobody writes them.
 */
public final class Samples {
    private final double[] inputs, targets;
    private final int count, inputWidth, targetWidth;
    /** (IN, N), built by the first {@link #inputsByFeature} call. */
    private volatile double[] byFeature;
    /** Per input, the largest |value| over the rows (NaN if one is NaN); by the first {@link #maxAbsByFeature} call. */
    private volatile double[] maxAbs;

    public Samples(double[] inputs, double[] targets, int count, int inputWidth, int targetWidth) {
        if (inputs.length != count * inputWidth || targets.length != count * targetWidth) {
            throw new IllegalArgumentException("samples: " + count + " rows of " + inputWidth + " inputs and "
                    + targetWidth + " targets do not match arrays of " + inputs.length + " and " + targets.length);
        }
        this.inputs = inputs;
        this.targets = targets;
        this.count = count;
        this.inputWidth = inputWidth;
        this.targetWidth = targetWidth;
    }

    public double[] inputs() {
        return inputs;
    }

    public double[] targets() {
        return targets;
    }

    public int count() {
        return count;
    }

    public int inputWidth() {
        return inputWidth;
    }

    public int targetWidth() {
        return targetWidth;
    }

    /** From rows: inputs[n] and targets[n] of equal widths. */
    public static Samples of(double[][] inputs, double[][] targets) {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException(inputs.length + " input rows but " + targets.length + " target rows");
        }
        int n = inputs.length;
        int in = n == 0 ? 0 : inputs[0].length, k = n == 0 ? 0 : targets[0].length;
        double[] x = new double[n * in], t = new double[n * k];
        for (int r = 0; r < n; r++) {
            if (inputs[r].length != in)
                throw new IllegalArgumentException(
                        "input row " + r + " has " + inputs[r].length + " values, expected " + in);
            if (targets[r].length != k)
                throw new IllegalArgumentException(
                        "target row " + r + " has " + targets[r].length + " values, expected " + k);
            System.arraycopy(inputs[r], 0, x, r * in, in);
            System.arraycopy(targets[r], 0, t, r * k, k);
        }
        return new Samples(x, t, n, in, k);
    }

    /** The same rows in the given order. */
    public Samples permuted(int[] order) {
        double[] x = new double[inputs.length], t = new double[targets.length];
        for (int r = 0; r < order.length; r++) {
            System.arraycopy(inputs, order[r] * inputWidth, x, r * inputWidth, inputWidth);
            System.arraycopy(targets, order[r] * targetWidth, t, r * targetWidth, targetWidth);
        }
        return new Samples(x, t, count, inputWidth, targetWidth);
    }

    /** The inputs feature-major, (IN, N): input i of every row at [i·N, i·N + N). Shared: read it only. */
    public double[] inputsByFeature() {
        double[] t = byFeature;
        if (t == null) {
            t = new double[inputs.length];
            for (int r = 0; r < count; r++) {
                for (int i = 0; i < inputWidth; i++) t[i * count + r] = inputs[r * inputWidth + i];
            }
            byFeature = t;
        }
        return t;
    }

    /** Per input, the largest |value| over the rows: what bounds a first layer's z. Shared: read it only. */
    public double[] maxAbsByFeature() {
        double[] m = maxAbs;
        if (m == null) {
            m = new double[inputWidth];
            for (int r = 0; r < count; r++) {
                for (int i = 0; i < inputWidth; i++) m[i] = Math.max(m[i], Math.abs(inputs[r * inputWidth + i]));
            }
            maxAbs = m;
        }
        return m;
    }

    public double[] inputRow(int r) {
        return java.util.Arrays.copyOfRange(inputs, r * inputWidth, (r + 1) * inputWidth);
    }
}
