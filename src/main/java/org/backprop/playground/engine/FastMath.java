package org.backprop.playground.engine;

/**
 * tanh for the training loop, in double and within a few ulps of {@link StrictMath#tanh} (a test
 * holds it to 2e-15 relative), but as branch-free arithmetic the JIT vectorizes: StrictMath.tanh
 * is a ~16 ns native call, this ~1 ns, and tanh dominates a small network's epoch.
 *
 * <p>How: tanh(x) = n/d is evaluated at u = x/8 with Cephes' rational approximation, then doubled
 * three times with tanh(2u) = 2t/(1 + t²) kept as a fraction, (n, d) ← (2nd, n² + d²), so there is
 * a single division. The rational is fitted for |u| ≤ 0.625 (|x| ≤ 5); beyond, up to |u| = 2.4, it
 * is less exact, but there tanh(x) is within 1e-4 of ±1 and the doublings shrink t's error by
 * 1 − tanh²: the result stays within 7e-16 (checked against 40-digit tanh for |x| ≤ 19.1; two
 * doublings would give 2e-13, five cost 8 more operations per value). Beyond |x| = 19.1, tanh is ±1
 * in double; those few are fixed in a second, predictable loop, because clamping inside the first
 * with Math.min/max stopped the JIT from vectorizing it (measured: 8 ns instead of 0.8 ns), and
 * carrying max |z| through it as a reduction cost a third of its time on long rows (0.8 against
 * 0.55 ns a value). A caller that knows a bound on |z| below the saturation point (a layer's
 * weights and its inputs' range give one) skips that second loop.
 *
 * <p>In a JVM with the Vector API the same arithmetic runs in {@link VectorMath} instead, in whole
 * vectors, to the same bits; the loops here are then only for a tail the arrays do not pad.
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

    /**
     * z (n) -> a (n): a = tanh(z), for a training batch's short rows. NaN stays NaN. Evaluation's
     * long rows go through {@link #tanhRows} instead: the JIT shapes a loop by the lengths it has
     * seen, and a loop that training's rows of 40 had compiled first ran evaluation's rows of 250
     * at half speed (5.3 against 3.0 µs for W1's two losses, measured by caller, not by length).
     */
    static void tanh(double[] a, double[] z, int n) {
        tanh(a, z, n, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #tanh(double[], double[], int)}, where the caller knows |z| ≤ maxAbsZ (∞ or NaN: no
     * bound known). With the Vector API, past n up to {@link #padded}(n) a and z are scratch: the
     * last vector may read and write there.
     */
    static void tanh(double[] a, double[] z, int n, double maxAbsZ) {
        if (VECTORIZED) {
            vectorTanh(a, z, n);
            return;
        }
        tanhNarrow(a, z, 0, n);
        if (!(maxAbsZ < UNSATURATED)) saturate(a, z, 0, n);
    }

    /** As {@link #tanh(double[], double[], int, double)}, for evaluation's long rows: loops of their own. */
    static void tanhRows(double[] a, double[] z, int n, double maxAbsZ) {
        if (VECTORIZED) {
            vectorTanh(a, z, n);
            return;
        }
        tanhWide(a, z, n);
        if (!(maxAbsZ < UNSATURATED)) saturate(a, z, 0, n);
    }

    /** Whole vectors (they saturate as they go, so no bound is needed), then the scalar loops for a tail the arrays left. */
    private static void vectorTanh(double[] a, double[] z, int n) {
        int done = VectorMath.tanh(a, z, n);
        if (done < n) {
            tanhNarrow(a, z, done, n);
            saturate(a, z, done, n);
        }
    }

    /** Beyond |z| = 19.1 tanh is ±1 in double; the loops below leave garbage there. */
    static void saturate(double[] a, double[] z, int from, int n) {
        for (int i = from; i < n; i++) {
            if (Math.abs(z[i]) >= SATURATION) a[i] = z[i] > 0 ? 1.0 : -1.0;
        }
    }

    /*
     * The two loops below are the same tanh arithmetic, written out in each rather than called: a
     * 166-byte helper was sometimes compiled as a call per value ("callee is too large" when the
     * JIT compiled the loop before the call site looked hot), which made the loop scalar and whole
     * runs 30% slower. Written out, the loop always vectorizes. The doubling's 2·n·d is written
     * (n + n)·d: the same value to the bit, but an add where C2 kept a multiply by 2.0, and on long
     * rows the multiplies are what the loop waits for (0.46 against 0.60 ns a value, 2,000 values).
     */
    static void tanhWide(double[] a, double[] z, int n) {
        for (int i = 0; i < n; i++) {
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

    /** tanh over [from, n), without the fix-up past saturation; the scalar loop training's rows use. */
    static void tanhNarrow(double[] a, double[] z, int from, int n) {
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
