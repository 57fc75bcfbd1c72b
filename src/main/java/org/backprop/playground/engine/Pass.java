package org.backprop.playground.engine;

/**
 * Scratch for one forward and backward pass over up to {@code capacity} samples. Per layer it
 * keeps the pre-activations z, activations a and deltas δ = dL/dz, packed feature-major: neuron
 * k's values for the batch at [k·S, k·S + S) of one array, S the batch rounded up to even (see
 * {@link Kernels}). Reused across batches so training allocates nothing; the caches are
 * also what the step-through view shows.
 */
public final class Pass {
    private final Layout layout;
    private int capacity;
    /** [layer] -> (neurons, S) packed */
    private final double[][] z, a, delta;
    /** The batch's inputs, (inputs, S) packed. */
    private double[] x;
    /** dL/da of the layer being entered from above, (neurons, S) packed. */
    private double[] upstream;

    private int batch, stride;
    /**
     * Evaluation's layout, one row of up to S values per input and per neuron: the inputs, one
     * layer's pre-activations, and two layers' activations in turn (a layer reads the one below and
     * writes the other), so the scratch is three layers wide however deep the network is.
     */
    private double[][] xRows, zRows;

    private double[][][] aRows;
    private int rowsCapacity;

    public Pass(Layout layout, int capacity) {
        this.layout = layout;
        int L = layout.layers();
        z = new double[L][];
        a = new double[L][];
        delta = new double[L][];
        ensure(Math.max(capacity, 1));
    }

    /** The network shape this scratch is laid out for. */
    public Layout layout() {
        return layout;
    }

    /** Room for B samples; all of it is allocated before any of it is kept, so a failed allocation (OutOfMemoryError) leaves the pass as it was. */
    private void ensure(int B) {
        if (B <= capacity) return;
        int S = Kernels.stride(B), L = layout.layers();
        double[][] nz = new double[L][], na = new double[L][], nd = new double[L][];
        for (int l = 0; l < L; l++) {
            // z and a padded to whole vectors: tanh's last vector runs over the padding (FastMath.padded)
            nz[l] = new double[FastMath.padded(layout.out(l) * S)];
            na[l] = new double[FastMath.padded(layout.out(l) * S)];
            nd[l] = new double[layout.out(l) * S];
        }
        double[] nx = new double[layout.inputs() * S], nu = new double[layout.maxWidth() * S];
        System.arraycopy(nz, 0, z, 0, L);
        System.arraycopy(na, 0, a, 0, L);
        System.arraycopy(nd, 0, delta, 0, L);
        x = nx;
        upstream = nu;
        capacity = B;
    }

    /** inputs (N,IN) row-major, rows [row, row+B) -> the network's outputs for those rows. */
    public void forward(Network net, double[] inputs, int row, int B) {
        int S = begin(B), IN0 = layout.inputs();
        for (int i = 0; i < IN0; i++) {
            int r = i * S;
            for (int b = 0; b < B; b++) x[r + b] = inputs[(row + b) * IN0 + i];
            if (B < S) x[r + B] = 0; // the one padding column (Kernels.stride)
        }
        layers(net, S);
    }

    /**
     * As {@link #forward}, from inputs already feature-major, (IN, N) as {@link Samples#inputsByFeature}
     * gives them: each input's B values are one copy, not B strided reads (training reuses one such copy).
     */
    public void forwardByFeature(Network net, double[] byFeature, int N, int row, int B) {
        int S = begin(B), IN0 = layout.inputs();
        for (int i = 0; i < IN0; i++) {
            System.arraycopy(byFeature, i * N + row, x, i * S, B);
            if (B < S) x[i * S + B] = 0; // the one padding column (Kernels.stride)
        }
        layers(net, S);
    }

    /**
     * Evaluation's forward pass, for long chunks whose columns may come from more than one set
     * (the train and test rows in one pass), in three steps: make room for B columns, load each
     * set's rows at its column ({@link #loadRows}), then run the layers over all B
     * ({@link #forwardRows}). The layers below the output go as one array per neuron, through
     * {@link Kernels#linearForwardRows}; the output layer then goes into its packed array as
     * always, for the loss, the outputs and softmax. A path of its own, so the JIT compiles and
     * profiles it apart from training's short batches. It leaves the hidden layers' {@link #z},
     * {@link #a} and {@link #delta} alone: those are for backward. Until the next training
     * forward, only {@link #output} and the loss sums read this pass.
     */
    public void beginRows(int B) {
        int S = Kernels.stride(B);
        ensureRows(S);
        // of the packed arrays only the output layer's are used here: the hidden ones stay at training's size
        int L = layout.layers() - 1, n = FastMath.padded(layout.out(L) * S);
        if (z[L].length < n || a[L].length < n) {
            double[] nz = new double[n],
                    na = new double[n]; // both, then keep both: a failed allocation changes nothing
            z[L] = nz;
            a[L] = na;
        }
        batch = B;
        stride = S;
    }

    /** Inputs (IN, N) feature-major, rows [row, row + count) -> columns [column, column + count) of the chunk begun. */
    public void loadRows(int column, double[] byFeature, int N, int row, int count) {
        for (int i = 0; i < layout.inputs(); i++) System.arraycopy(byFeature, i * N + row, xRows[i], column, count);
    }

    /** The layers over the chunk begun and loaded; inputMaxAbs bounds each input's |value| over it (null: unknown). */
    public void forwardRows(Network net, double[] inputMaxAbs) {
        int B = batch, S = stride, L = layout.layers() - 1;
        double[][] in = xRows;
        double[] p = net.params;
        double zMax = 0;
        for (int l = 0; l <= L; l++) {
            int IN = layout.in(l), OUT = layout.out(l), wOff = layout.weightOffset(l), bOff = layout.biasOffset(l);
            Kernels.linearForwardRows(zRows, in, p, wOff, bOff, B, IN, OUT);
            // each neuron's |z| bound lets tanh skip its saturation pass (the weights and the inputs' range give it)
            double sameBound = l == 0 ? Double.NaN : net.activation(l - 1).outputBound();
            double[] inputBound = l == 0 ? inputMaxAbs : null;
            if (l == L) {
                for (int o = 0; o < OUT; o++)
                    zMax = Math.max(zMax, Kernels.zBound(p, wOff, bOff, IN, o, inputBound, sameBound));
                break;
            }
            Activation f = net.activation(l);
            double[][] out = aRows[l & 1];
            for (int o = 0; o < OUT; o++) {
                f.forward(out[o], zRows[o], B, 1, Kernels.zBound(p, wOff, bOff, IN, o, inputBound, sameBound));
            }
            in = out;
        }
        for (int k = 0; k < layout.outputs(); k++) {
            System.arraycopy(zRows[k], 0, z[L], k * S, B);
            if (B < S) z[L][k * S + B] = 0; // the one padding column (Kernels.stride)
        }
        net.activation(L).forward(a[L], z[L], S, layout.outputs(), zMax);
    }

    /** The per-neuron rows of {@link #beginRows}, made on its first use and grown with the chunk. */
    private void ensureRows(int S) {
        if (S <= rowsCapacity) return;
        int width = layout.maxWidth(), n = FastMath.padded(S);
        // all of it first, then the capacity: a failed allocation leaves the pass as it was
        double[][] x = new double[layout.inputs()][S], z = new double[width][n];
        double[][][] a = {new double[width][n], new double[width][n]};
        xRows = x;
        zRows = z;
        aRows = a;
        rowsCapacity = S;
    }

    private int begin(int B) {
        ensure(B);
        batch = B;
        return stride = Kernels.stride(B);
    }

    private void layers(Network net, int S) {
        double[] in = x;
        for (int l = 0; l < layout.layers(); l++) {
            int IN = layout.in(l), OUT = layout.out(l);
            Kernels.linearForward(z[l], in, net.params, layout.weightOffset(l), layout.biasOffset(l), S, IN, OUT);
            net.activation(l).forward(a[l], z[l], S, OUT);
            in = a[l];
        }
    }

    /** Sum over the batch of the per-sample loss against targets (N,K) row-major from {@code row}. */
    public double lossSum(Network net, double[] targets, int row) {
        return addLosses(0, net, targets, row, 0, batch);
    }

    /** {@code sum} plus the losses of columns [column, column + count) of the batch, added in order; column c is target row row + c − column. */
    public double addLosses(double sum, Network net, double[] targets, int row, int column, int count) {
        int L = layout.layers() - 1;
        return net.loss.sum(sum, a[L], z[L], targets, row, column, count, stride, layout.outputs());
    }

    /** Backprop from targets (N,K) from {@code row}; adds dL/dθ summed over the batch into grads. */
    public void backward(Network net, double[] targets, int row, double[] grads) {
        int L = layout.layers() - 1, K = layout.outputs(), B = batch, S = stride;
        Loss loss = net.loss;
        if (loss.gradientIsDelta()) {
            loss.gradient(delta[L], a[L], z[L], targets, row, B, S, K);
        } else {
            loss.gradient(upstream, a[L], z[L], targets, row, B, S, K);
            net.activation(L).backward(delta[L], upstream, z[L], a[L], S, K);
        }
        for (int l = L; l >= 0; l--) {
            int IN = layout.in(l), OUT = layout.out(l), wOff = layout.weightOffset(l);
            double[] in = l == 0 ? x : a[l - 1];
            Kernels.weightGradient(grads, delta[l], in, wOff, layout.biasOffset(l), B, S, IN, OUT);
            if (l == 0) break;
            // tanh′ = 1 − a² comes from the inputs' own values: it rides along the input gradient
            boolean tanh = net.activation(l - 1) == Activation.TANH;
            Kernels.inputGradient(
                    tanh ? delta[l - 1] : upstream, delta[l], net.params, tanh ? a[l - 1] : null, wOff, S, IN, OUT);
            if (!tanh) net.activation(l - 1).backward(delta[l - 1], upstream, z[l - 1], a[l - 1], S, IN);
        }
    }

    public int batch() {
        return batch;
    }

    /** Output k of sample b of the last forward pass. */
    public double output(int b, int k) {
        return a[layout.layers() - 1][k * stride + b];
    }

    /** Layer l's pre-activations as (B,OUT) row-major, a copy. */
    public double[] z(int layer) {
        return rows(z[layer], layout.out(layer));
    }
    /** Layer l's activations as (B,OUT) row-major, a copy. */
    public double[] a(int layer) {
        return rows(a[layer], layout.out(layer));
    }
    /** Layer l's δ = dL/dz as (B,OUT) row-major, a copy; valid after {@link #backward}. */
    public double[] delta(int layer) {
        return rows(delta[layer], layout.out(layer));
    }

    private double[] rows(double[] packed, int OUT) {
        int B = batch, S = stride;
        double[] out = new double[B * OUT];
        for (int o = 0; o < OUT; o++) for (int b = 0; b < B; b++) out[b * OUT + o] = packed[o * S + b];
        return out;
    }
}
