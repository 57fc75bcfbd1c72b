package org.backprop.playground.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast path's whole-vector loops, with the Vector API ({@code jdk.incubator.vector}): tanh
 * ({@link FastMath}'s arithmetic, the same operations in the same order), the forward pass and
 * the input gradient (under {@link Kernels}' multiply-add rule), so the same bits as the scalar
 * loops. Whole vectors only: C2's own vectorized loops start and end with scalar iterations, and
 * a training batch's rows of 10 to 40 values spent most of their time in those
 * (docs/performance.md).
 *
 * <p>The module is an incubator: a JVM has it only when started with
 * {@code --add-modules jdk.incubator.vector}. {@link FastMath} and {@link Kernels} call this class
 * only when the module is there, so without the flag it is never loaded and the scalar loops run.
 */
final class VectorMath {
    private VectorMath() {}

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Doubles per vector: 8 with AVX-512, 4 with AVX2. */
    static final int LANES = SPECIES.length();

    /**
     * a = tanh(z) over [0, n), in whole vectors. Where both arrays reach past n, the last vector
     * runs over the padding up to the next multiple of {@link #LANES} and writes garbage there;
     * where they do not, it stops before. Returns where it stopped: n, or the first index of a
     * tail the caller must finish. Values past ±19.1 come out as exactly ±1, NaN stays NaN.
     */
    static int tanh(double[] a, double[] z, int n) {
        int end = Math.min(Math.min(a.length, z.length), (n + LANES - 1) / LANES * LANES);
        int i = 0;
        for (; i + LANES <= end; i += LANES) {
            DoubleVector zv = DoubleVector.fromArray(SPECIES, z, i);
            DoubleVector u = zv.mul(0.125);
            DoubleVector s = u.mul(u);
            DoubleVector p = s.fma(FastMath.P0, FastMath.P1).fma(s, DoubleVector.broadcast(SPECIES, FastMath.P2));
            DoubleVector q = s.add(FastMath.Q0)
                    .fma(s, DoubleVector.broadcast(SPECIES, FastMath.Q1))
                    .fma(s, DoubleVector.broadcast(SPECIES, FastMath.Q2));
            DoubleVector num = u.mul(s.fma(p, q)), den = q, next;
            next = num.add(num).mul(den);
            den = num.fma(num, den.mul(den));
            num = next;
            next = num.add(num).mul(den);
            den = num.fma(num, den.mul(den));
            num = next;
            next = num.add(num).mul(den);
            den = num.fma(num, den.mul(den));
            num = next;
            // past the saturation point the fraction is garbage (Inf/Inf at the far end): ±1 there
            VectorMask<Double> high = zv.compare(VectorOperators.GE, FastMath.SATURATION);
            VectorMask<Double> low = zv.compare(VectorOperators.LE, -FastMath.SATURATION);
            num.div(den).blend(1.0, high).blend(-1.0, low).intoArray(a, i);
        }
        return Math.min(i, n);
    }

    /**
     * The start of the vector after the one at b, in a row whose last vector starts at last: whole
     * vectors from 0, and then one that ends at the row's end, which may go over columns a vector
     * before it did. It gives them the same bits again (no input is an output), and no store
     * crosses into the next row. Past last: done.
     */
    private static int next(int b, int last) {
        return b == last ? Integer.MAX_VALUE : Math.min(b + LANES, last);
    }

    /**
     * {@link Kernels#linearForward}'s z = b + Σ w·x over a stride S of at least one vector, in
     * vectors ({@link #next}), four neurons at a time; each z starts from its bias and adds the
     * inputs in order with fma. Returns the columns done: S, or 0 when S is shorter than a vector.
     */
    static int linearForward(double[] y, double[] x, double[] p, int wOff, int bOff, int S, int IN, int OUT) {
        int V = S / LANES * LANES;
        if (V == 0) return 0;
        int last = S - LANES;
        int o = 0;
        for (; o + 3 < OUT; o += 4) {
            int w0 = wOff + o * IN, w1 = w0 + IN, w2 = w1 + IN, w3 = w2 + IN, y0 = o * S;
            for (int b = 0; b <= last; b = next(b, last)) {
                DoubleVector s0 = DoubleVector.broadcast(SPECIES, p[bOff + o]),
                        s1 = DoubleVector.broadcast(SPECIES, p[bOff + o + 1]);
                DoubleVector s2 = DoubleVector.broadcast(SPECIES, p[bOff + o + 2]),
                        s3 = DoubleVector.broadcast(SPECIES, p[bOff + o + 3]);
                for (int i = 0, xi = b; i < IN; i++, xi += S) {
                    DoubleVector xv = DoubleVector.fromArray(SPECIES, x, xi);
                    s0 = xv.fma(DoubleVector.broadcast(SPECIES, p[w0 + i]), s0);
                    s1 = xv.fma(DoubleVector.broadcast(SPECIES, p[w1 + i]), s1);
                    s2 = xv.fma(DoubleVector.broadcast(SPECIES, p[w2 + i]), s2);
                    s3 = xv.fma(DoubleVector.broadcast(SPECIES, p[w3 + i]), s3);
                }
                s0.intoArray(y, y0 + b);
                s1.intoArray(y, y0 + S + b);
                s2.intoArray(y, y0 + 2 * S + b);
                s3.intoArray(y, y0 + 3 * S + b);
            }
        }
        for (; o < OUT; o++) {
            int w0 = wOff + o * IN;
            for (int b = 0; b <= last; b = next(b, last)) {
                DoubleVector s0 = DoubleVector.broadcast(SPECIES, p[bOff + o]);
                for (int i = 0, xi = b; i < IN; i++, xi += S)
                    s0 = DoubleVector.fromArray(SPECIES, x, xi).fma(DoubleVector.broadcast(SPECIES, p[w0 + i]), s0);
                s0.intoArray(y, o * S + b);
            }
        }
        return S;
    }

    /**
     * {@link Kernels#inputGradient}'s dx = Wᵀ dy (times 1 − a² given tanhBelow), in vectors as
     * {@link #linearForward}, four inputs at a time. Returns the columns done, as it does.
     */
    static int inputGradient(
            double[] dx, double[] dy, double[] p, double[] tanhBelow, int wOff, int S, int IN, int OUT) {
        int V = S / LANES * LANES;
        if (V == 0) return 0;
        int last = S - LANES;
        int i = 0;
        for (; i + 3 < IN; i += 4) {
            int r0 = i * S;
            for (int b = 0; b <= last; b = next(b, last)) {
                DoubleVector s0 = DoubleVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
                for (int o = 0, w = wOff + i, d = b; o < OUT; o++, w += IN, d += S) {
                    DoubleVector c = DoubleVector.fromArray(SPECIES, dy, d);
                    s0 = c.fma(DoubleVector.broadcast(SPECIES, p[w]), s0);
                    s1 = c.fma(DoubleVector.broadcast(SPECIES, p[w + 1]), s1);
                    s2 = c.fma(DoubleVector.broadcast(SPECIES, p[w + 2]), s2);
                    s3 = c.fma(DoubleVector.broadcast(SPECIES, p[w + 3]), s3);
                }
                store(s0, dx, tanhBelow, r0 + b);
                store(s1, dx, tanhBelow, r0 + S + b);
                store(s2, dx, tanhBelow, r0 + 2 * S + b);
                store(s3, dx, tanhBelow, r0 + 3 * S + b);
            }
        }
        for (; i < IN; i++) {
            for (int b = 0; b <= last; b = next(b, last)) {
                DoubleVector s0 = DoubleVector.zero(SPECIES);
                for (int o = 0, w = wOff + i, d = b; o < OUT; o++, w += IN, d += S)
                    s0 = DoubleVector.fromArray(SPECIES, dy, d).fma(DoubleVector.broadcast(SPECIES, p[w]), s0);
                store(s0, dx, tanhBelow, i * S + b);
            }
        }
        return S;
    }

    /** dx[at..] = s, times 1 − a² where a = tanhBelow[at..] is given. */
    private static void store(DoubleVector s, double[] dx, double[] tanhBelow, int at) {
        if (tanhBelow != null) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, tanhBelow, at);
            s = s.mul(DoubleVector.broadcast(SPECIES, 1.0).sub(a.mul(a)));
        }
        s.intoArray(dx, at);
    }
}
