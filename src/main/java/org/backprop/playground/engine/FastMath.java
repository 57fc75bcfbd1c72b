package org.backprop.playground.engine;

/**
 * tanh in double, within a few ulps of {@link StrictMath#tanh} (a test holds it to 2e-15
 * relative), as branch-free arithmetic that vectorizes: StrictMath.tanh is a native call per
 * value, and tanh dominates a small network's epoch.
 *
 * <p>How: tanh(x) = n/d is evaluated at u = x/8 with Cephes' rational approximation, then doubled
 * three times with tanh(2u) = 2t/(1 + t²) kept as a fraction, (n, d) ← (2nd, n² + d²), so there is
 * a single division. The rational is fitted for |u| ≤ 0.625 (|x| ≤ 5); beyond, up to |u| = 2.4, it
 * is less exact, but there tanh(x) is within 1e-4 of ±1 and the doublings shrink t's error by
 * 1 − tanh²: the result stays within 7e-16 (checked against 40-digit tanh for |x| ≤ 19.1; two
 * doublings would give 2e-13). Beyond |x| = 19.1, tanh is ±1 in double; those few are fixed in a
 * second, predictable loop, because a clamp inside the first stops C2 from vectorizing it. A
 * caller that knows a bound on |z| below the saturation point (a layer's weights and its inputs'
 * range give one) skips that second loop.
 *
 * <p>In a JVM with the Vector API the same arithmetic runs in {@link VectorMath} instead, in whole
 * vectors, to the same bits; the loop here is then only for a tail the arrays do not pad.
 */
final class FastMath {
    private FastMath() {}

    static final double P0 = -9.64399179425052238628E-1, P1 = -9.92877231001918586564E1, P2 = -1.61468768441708447952E3;
    static final double Q0 = 1.12811678491632931402E2, Q1 = 2.23548839060100448583E3, Q2 = 4.84406305325125486048E3;
    /** From here on 1 − tanh(x) < 2⁻⁵⁴, so tanh(x) rounds to exactly 1. */
    static final double SATURATION = 19.1;

    /**
     * Whether this JVM has the Vector API ({@code --add-modules jdk.incubator.vector}, as the
     * README starts it): then {@link VectorMath} computes tanh, in whole vectors, to the same bits.
     */
    static final boolean VECTORIZED =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /**
     * n rounded up to a multiple of 8, the widest vector of doubles on x86 (AVX-512): arrays this
     * long let {@link VectorMath} finish a row in whole vectors. Wider vectors end in a scalar tail.
     */
    static int padded(int n) {
        return (n + 7) & ~7;
    }

    /** A bound on |z| below this (a margin under {@link #SATURATION} for the bound's own rounding) skips the fix-up. */
    static final double UNSATURATED = 19.0;

    /** z (n) -> a (n): a = tanh(z). NaN stays NaN. */
    static void tanh(double[] a, double[] z, int n) {
        tanh(a, z, n, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #tanh(double[], double[], int)}, where the caller knows |z| ≤ maxAbsZ (∞ or NaN: no
     * bound known). With the Vector API, past n up to {@link #padded}(n) a and z are scratch: the
     * last vector may read and write there.
     */
    static void tanh(double[] a, double[] z, int n, double maxAbsZ) {
        int from = VECTORIZED ? VectorMath.tanh(a, z, n) : 0; // whole vectors saturate as they go
        if (from == n) return;
        scalarTanh(a, z, from, n);
        if (!(maxAbsZ < UNSATURATED)) saturate(a, z, from, n);
    }

    /** Beyond |z| = 19.1 tanh is ±1 in double; the loop below leaves garbage there. */
    static void saturate(double[] a, double[] z, int from, int n) {
        for (int i = from; i < n; i++) {
            if (Math.abs(z[i]) >= SATURATION) a[i] = z[i] > 0 ? 1.0 : -1.0;
        }
    }

    /**
     * tanh over [from, n), without the fix-up past saturation. The doubling's 2·n·d is written
     * (n + n)·d: the same value to the bit, but an add where C2 kept a multiply by 2.0.
     */
    static void scalarTanh(double[] a, double[] z, int from, int n) {
        for (int i = from; i < n; i++) {
            double u = z[i] * 0.125;
            double s = u * u;
            double p = Math.fma(Math.fma(P0, s, P1), s, P2);
            double q = Math.fma(Math.fma(s + Q0, s, Q1), s, Q2);
            double num = u * Math.fma(s, p, q), den = q, next;
            next = (num + num) * den;
            den = Math.fma(num, num, den * den);
            num = next;
            next = (num + num) * den;
            den = Math.fma(num, num, den * den);
            num = next;
            next = (num + num) * den;
            den = Math.fma(num, num, den * den);
            num = next;
            a[i] = num / den;
        }
    }
}
