package org.backprop.playground.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FastMath}'s tanh written with the Vector API ({@code jdk.incubator.vector}), the same
 * operations in the same order, so the same bits. It runs in whole vectors only: C2's own
 * vectorized loops start and end with scalar iterations, and a training batch's rows of 10 to 40
 * values spent most of their time in those (docs/performance.md). W1's three tanh rows per batch
 * took 35 ns this way against 88 ns.
 *
 * <p>The module is an incubator: a JVM has it only when started with
 * {@code --add-modules jdk.incubator.vector}. Only {@link FastMath} refers to this class, and only
 * when the module is there, so without the flag it is never loaded and the scalar loops run.
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
            DoubleVector q = s.add(FastMath.Q0).fma(s, DoubleVector.broadcast(SPECIES, FastMath.Q1))
                    .fma(s, DoubleVector.broadcast(SPECIES, FastMath.Q2));
            DoubleVector num = u.mul(s.fma(p, q)), den = q, next;
            next = num.add(num).mul(den); den = num.fma(num, den.mul(den)); num = next;
            next = num.add(num).mul(den); den = num.fma(num, den.mul(den)); num = next;
            next = num.add(num).mul(den); den = num.fma(num, den.mul(den)); num = next;
            // past the saturation point the fraction is garbage (Inf/Inf at the far end): ±1 there
            VectorMask<Double> high = zv.compare(VectorOperators.GE, FastMath.SATURATION);
            VectorMask<Double> low = zv.compare(VectorOperators.LE, -FastMath.SATURATION);
            num.div(den).blend(1.0, high).blend(-1.0, low).intoArray(a, i);
        }
        return Math.min(i, n);
    }
}
