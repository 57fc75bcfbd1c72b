package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** FrameEncoder.short4's fast path writes what the exact BigDecimal rounding writes, for every kind of double. */
@Tag("slow")
class FrameEncoderShort4Test {
    private static String reference(double v) {
        if (!Double.isFinite(v)) return "null";
        if (v == 0) return "0";
        return BigDecimal.valueOf(v)
                .round(new MathContext(4))
                .stripTrailingZeros()
                .toString();
    }

    private static void check(double v) {
        StringBuilder h = new StringBuilder();
        FrameEncoder.short4(h, v);
        assertEquals(
                reference(v),
                h.toString(),
                () -> "for " + v + " (bits " + Long.toHexString(Double.doubleToRawLongBits(v)) + ")");
    }

    @Test
    void sameTextAsBigDecimalOverManyDoubles() {
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 300_000; i++) {
            check(Double.longBitsToDouble(r.nextLong())); // any bit pattern: every exponent, NaN, ∞
            double m = r.nextDouble() * 2 - 1;
            check(m * Math.pow(10, r.nextInt(-30, 30))); // gradients and ratios, every scale
            check((float) (m * Math.pow(10, r.nextInt(-12, 6)))); // floats widened, as some values are
        }
    }

    @Test
    void sameTextAtTiesAndPowersOfTen() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            // a 5-digit decimal ending in 5 is a tie to 4 digits; its neighbours straddle it
            double tie = Double.parseDouble((r.nextInt(10_000, 100_000) / 10 * 10 + 5) + "E" + r.nextInt(-25, 25));
            for (double v : new double[] {tie, Math.nextUp(tie), Math.nextDown(tie), -tie}) check(v);
            double p = Double.parseDouble("1E" + r.nextInt(-30, 30)) * (r.nextBoolean() ? 1 : 9.9995);
            for (double v : new double[] {p, Math.nextUp(p), Math.nextDown(p), -p, p * (1 + 1e-12), p * (1 - 1e-12)})
                check(v);
            check(r.nextInt(-100_000, 100_000) / Math.pow(10, r.nextInt(0, 12))); // short decimals
        }
        for (double v : new double[] {
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            Double.MIN_NORMAL,
            1,
            -1,
            0.1,
            1000,
            9999.5,
            0.00012345,
            1e-7,
            1.5e-7,
            123456789,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            -0.0
        }) check(v);
    }
}
