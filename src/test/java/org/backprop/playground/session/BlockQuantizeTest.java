package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Block.quantize without its clamp gives the bytes the clamped version gave, for every kind of value. */
@Tag("unit")
class BlockQuantizeTest {
    /** The clamped quantization as it was, the reference. */
    private static byte[] clamped(float[] v, float min, float max) {
        byte[] data = new byte[v.length];
        float span = max - min;
        if (span > 0) {
            float scale = 255 / span;
            for (int i = 0; i < v.length; i++) {
                float q = (v[i] - min) * scale + 0.5f;
                data[i] = (byte) (int) Math.max(0, Math.min(255, q));
            }
        }
        return data;
    }

    private static final float[] SPECIAL = {
        Float.NaN,
        Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY,
        0f,
        -0f,
        Float.MIN_VALUE,
        -Float.MIN_VALUE,
        Float.MAX_VALUE,
        -Float.MAX_VALUE,
        1f,
        -1f,
        Float.MIN_NORMAL
    };

    @Test
    void sameBytesAsTheClampedQuantization() {
        SplittableRandom r = new SplittableRandom(13);
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + r.nextInt(40);
            float[] v = new float[n];
            int kind = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                v[i] = switch (r.nextInt(kind == 0 ? 3 : 10) == 0 ? 0 : kind) {
                    case 0 -> SPECIAL[r.nextInt(SPECIAL.length)];
                    case 1 -> (float) (r.nextDouble() * 2 - 1);
                    case 2 -> Float.intBitsToFloat(r.nextInt()); // any bit pattern: every exponent
                    default -> 1f + r.nextInt(3) * Math.ulp(1f); // a span of a few ulps
                };
            }
            Block b = Block.quantize("output", -1, -1, v, 0, n, 1);
            assertArrayEquals(clamped(v, b.min(), b.max()), b.data(), () -> java.util.Arrays.toString(v));
        }
    }

    @Test
    void infinitiesGoToTheEndsAndNaNToZero() {
        Block b = Block.quantize(
                "output",
                -1,
                -1,
                new float[] {0f, 1f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN},
                0,
                5,
                1);
        assertArrayEquals(new byte[] {0, (byte) 255, (byte) 255, 0, 0}, b.data());
        assertEquals(0f, b.min());
        assertEquals(1f, b.max());
    }
}
