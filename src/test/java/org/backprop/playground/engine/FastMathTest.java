package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FastMathTest {
    @Test
    void training_tanh_is_within_2e_15_of_strict_math_everywhere() {
        SeedRandom rng = new SeedRandom("tanh");
        int n = 200_000;
        double[] z = new double[n], a = new double[n];
        for (int i = 0; i < n; i++) {
            double scale = Math.pow(10, rng.uniform(-12, 2)); // 1e-12 … 100: tiny, ordinary, saturated
            z[i] = (rng.nextDouble() < 0.5 ? -1 : 1) * scale * rng.nextDouble();
        }
        double[] narrowA = new double[n];
        // one long row, and rows of 12 (a batch of 10 padded to 4s)
        FastMath.tanh(a, z, n, Double.POSITIVE_INFINITY);
        double[] rowZ = new double[12], rowA = new double[12];
        for (int from = 0; from + 12 <= n; from += 12) {
            System.arraycopy(z, from, rowZ, 0, 12);
            FastMath.tanh(rowA, rowZ, 12);
            System.arraycopy(rowA, 0, narrowA, from, 12);
        }
        double worst = 0;
        for (int i = 0; i < n - n % 12; i++) {
            double exact = StrictMath.tanh(z[i]);
            for (double got : new double[] {a[i], narrowA[i]}) {
                worst = Math.max(worst, exact == 0 ? Math.abs(got) : Math.abs(got - exact) / Math.abs(exact));
            }
        }
        assertTrue(worst < 2e-15, "worst relative error " + worst);
    }

    @Test
    void training_tanh_handles_the_edges() {
        double[] z = {0, -0.0, 20, 21, -21, 1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        double[] a = new double[z.length];
        FastMath.tanh(a, z, z.length);
        edgesHold(a);
        java.util.Arrays.fill(a, 0.5);
        FastMath.tanh(a, z, z.length, Double.NaN);
        edgesHold(a);
    }

    private static void edgesHold(double[] a) {
        assertEquals(0, a[0]);
        assertEquals(StrictMath.tanh(20), a[2]); // exactly 1.0
        assertEquals(1, a[3]);
        assertEquals(-1, a[4]);
        assertEquals(1, a[5]);
        assertEquals(1, a[6]);
        assertEquals(-1, a[7]);
        assertTrue(Double.isNaN(a[8]));
    }

    @Test
    void a_long_row_skips_the_fix_up_only_when_nothing_saturates() {
        double[] calm = new double[64], z = new double[64], a = new double[64];
        for (int i = 0; i < 64; i++) calm[i] = z[i] = (i - 32) * 0.5; // |z| <= 16
        FastMath.tanh(a, calm, 64, 16);
        for (int i = 0; i < 64; i++)
            assertEquals(StrictMath.tanh(calm[i]), a[i], 2e-15 * Math.abs(StrictMath.tanh(calm[i])));
        z[5] = 25;
        z[40] = -1e300;
        z[63] = Double.NaN;
        FastMath.tanh(a, z, 64, Double.POSITIVE_INFINITY);
        assertEquals(1, a[5]);
        assertEquals(-1, a[40]);
        assertTrue(Double.isNaN(a[63]));
        assertEquals(StrictMath.tanh(z[6]), a[6], 2e-15);
        z[63] = 0;
        z[5] = Double.NaN; // NaN first, then a saturated value: the fix-up still runs
        z[62] = 30;
        FastMath.tanh(a, z, 64, Double.NaN);
        assertTrue(Double.isNaN(a[5]));
        assertEquals(1, a[62]);
    }

    @Test
    void the_vector_path_gives_the_scalar_loops_bits() {
        assertTrue(
                FastMath.VECTORIZED,
                "this JVM lacks jdk.incubator.vector: the tests run with "
                        + "--add-modules jdk.incubator.vector (surefire's argLine), as the README's commands start java");
        SeedRandom rng = new SeedRandom("tanh bits");
        double[] edges = {
            0,
            -0.0,
            Double.MIN_VALUE,
            -1e-300,
            19.0999,
            19.1,
            -19.1,
            20,
            -93.9,
            1e300,
            -1e300,
            Double.MAX_VALUE,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NaN,
            0.625,
            5,
            -5
        };
        int n = FastMath.padded(100_000 + edges.length);
        double[] z = new double[n];
        for (int i = 0; i < n; i++)
            z[i] = (rng.nextDouble() < 0.5 ? -1 : 1) * Math.pow(10, rng.uniform(-12, 3)) * rng.nextDouble();
        System.arraycopy(edges, 0, z, 5, edges.length);
        double[] vector = new double[n], scalar = new double[n];
        assertEquals(n, VectorMath.tanh(vector, z, n));
        FastMath.scalarTanh(scalar, z, 0, n);
        FastMath.saturate(scalar, z, 0, n);
        for (int i = 0; i < n; i++)
            assertEquals(Double.doubleToLongBits(scalar[i]), Double.doubleToLongBits(vector[i]), "z = " + z[i]);
    }

    @Test
    void a_row_the_vectors_cannot_cover_ends_in_the_scalar_loop_and_padding_past_it_is_all_they_touch() {
        double[] values = {0.3, -2, 7, 25, -0.001, 19.5, -30, 1, 2, 3, 4, Double.NaN, -40};
        int n = values.length;
        // arrays exactly n long: whole vectors stop short, the scalar loop finishes the row
        double[] exact = values.clone(), a = new double[n];
        FastMath.tanh(a, exact, n);
        for (int i = 0; i < n; i++) expectTanh(values[i], a[i]);
        // arrays with room: the last vector runs into the padding, and not beyond FastMath.padded(n)
        double[] roomy = new double[FastMath.padded(n) + 8], out = new double[roomy.length];
        System.arraycopy(values, 0, roomy, 0, n);
        java.util.Arrays.fill(out, 42);
        FastMath.tanh(out, roomy, n);
        for (int i = 0; i < n; i++) expectTanh(values[i], out[i]);
        for (int i = FastMath.padded(n); i < out.length; i++)
            assertEquals(42, out[i], "index " + i + " is past the padding");
    }

    private static void expectTanh(double z, double got) {
        double exact = StrictMath.tanh(z);
        if (Double.isNaN(z)) assertTrue(Double.isNaN(got));
        else assertEquals(exact, got, 2e-15 * Math.abs(exact), "tanh(" + z + ")");
    }

    @Test
    void display_tanh_and_sigmoid_are_within_2e_6() {
        double worstTanh = 0, worstSigmoid = 0;
        for (double x = -30; x <= 30; x += 0.001) {
            worstTanh = Math.max(worstTanh, Math.abs(DisplayMath.tanh((float) x) - Math.tanh((float) x)));
            worstSigmoid =
                    Math.max(worstSigmoid, Math.abs(DisplayMath.sigmoid((float) x) - 1 / (1 + Math.exp(-(float) x))));
        }
        assertTrue(worstTanh < 2e-6, "tanh " + worstTanh);
        assertTrue(worstSigmoid < 2e-6, "sigmoid " + worstSigmoid);
    }
}
