package org.backprop.playground.engine;

/**
 * Scratch for one forward and backward pass over up to {@code capacity} samples: per layer the
 * pre-activations z, activations a and deltas δ = dL/dz, each (B, OUT) row-major. Reused across
 * batches so training allocates nothing; the caches are also what the step-through view shows.
 */
public final class Pass {
    private final Layout layout;
    private int capacity;
    final double[][] z;
    final double[][] a;
    final double[][] delta;
    /** dL/da of the layer below, before its activation's derivative is applied. */
    private double[] dUpstream;
    private double[] input;
    private int inputOffset;
    private int batch;

    public Pass(Layout layout, int capacity) {
        this.layout = layout;
        int L = layout.layers();
        z = new double[L][];
        a = new double[L][];
        delta = new double[L][];
        ensure(Math.max(capacity, 1));
    }

    private void ensure(int B) {
        if (B <= capacity) return;
        capacity = B;
        for (int l = 0; l < layout.layers(); l++) {
            z[l] = new double[B * layout.out(l)];
            a[l] = new double[B * layout.out(l)];
            delta[l] = new double[B * layout.out(l)];
        }
        dUpstream = new double[B * layout.maxWidth()];
    }

    /** inputs (B,IN) from row {@code row} -> the output rows, kept in {@link #output()}. */
    public void forward(Network net, double[] inputs, int row, int B) {
        ensure(B);
        int IN0 = layout.inputs();
        input = inputs;
        inputOffset = row * IN0;
        batch = B;
        double[] inp = inputs;
        int inOff = inputOffset;
        for (int l = 0; l < layout.layers(); l++) {
            int IN = layout.in(l), OUT = layout.out(l);
            Kernels.linearForward(z[l], inp, inOff, net.params, layout.weightOffset(l), layout.biasOffset(l), B, IN, OUT);
            net.activation(l).forward(a[l], z[l], B, OUT);
            inp = a[l];
            inOff = 0;
        }
    }

    /** Sum over the batch of the per-sample loss against targets (B,K) from row {@code row}. */
    public double lossSum(Network net, double[] targets, int row) {
        int K = layout.outputs(), L = layout.layers() - 1;
        double sum = 0;
        for (int b = 0; b < batch; b++) sum += net.loss.value(a[L], z[L], b * K, targets, (row + b) * K, K);
        return sum;
    }

    /** Backprop from targets (B,K) at row {@code row}; adds dL/dθ summed over the batch into grads. */
    public void backward(Network net, double[] targets, int row, double[] grads) {
        int L = layout.layers() - 1, K = layout.outputs(), B = batch;
        Loss loss = net.loss;
        if (loss.gradientIsDelta()) {
            loss.gradient(delta[L], a[L], targets, row * K, B, K);
        } else {
            loss.gradient(dUpstream, a[L], targets, row * K, B, K);
            net.activation(L).backward(delta[L], dUpstream, z[L], a[L], B, K);
        }
        for (int l = L; l >= 0; l--) {
            int IN = layout.in(l), OUT = layout.out(l);
            double[] inp = l == 0 ? input : a[l - 1];
            int inOff = l == 0 ? inputOffset : 0;
            Kernels.linearBackward(l == 0 ? null : dUpstream, grads, delta[l], inp, inOff, net.params,
                    layout.weightOffset(l), layout.biasOffset(l), B, IN, OUT);
            if (l > 0) net.activation(l - 1).backward(delta[l - 1], dUpstream, z[l - 1], a[l - 1], B, IN);
        }
    }

    public int batch() { return batch; }
    /** The last forward pass's output rows (B,K). */
    public double[] output() { return a[layout.layers() - 1]; }
    /** Layer l's pre-activations, activations and deltas (B,OUT), valid for {@link #batch()} rows. */
    public double[] z(int layer) { return z[layer]; }
    public double[] a(int layer) { return a[layer]; }
    public double[] delta(int layer) { return delta[layer]; }
}
