package org.backprop.playground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.playground.engine.SeedRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The tutorials' sets (shared/seeds 000-003) against the definitions in their NumPy code. */
@Tag("unit")
class SeedSetsTest {

    @Test
    void digit_patterns_match_tutorial_001() {
        // 001 generate_simple_digit_data: "0" is a ring, "1" a vertical bar, 0.1 off / 0.8 on.
        assertArrayEquals(
                new double[] {
                    0.1, 0.8, 0.8, 0.1,
                    0.8, 0.1, 0.1, 0.8,
                    0.8, 0.1, 0.1, 0.8,
                    0.1, 0.8, 0.8, 0.1
                },
                SeedGenerators.digitPattern(0),
                0);
        assertArrayEquals(
                new double[] {
                    0.1, 0.8, 0.8, 0.1,
                    0.1, 0.8, 0.8, 0.1,
                    0.1, 0.8, 0.8, 0.1,
                    0.1, 0.8, 0.8, 0.1
                },
                SeedGenerators.digitPattern(1),
                0);
    }

    @Test
    void digits_are_pattern_plus_gaussian_noise_clipped_to_unit_range() {
        // Per sample: label = randint(0, 2); pixels = clip(pattern + randn(16) * 0.1, 0, 1).
        SeedRandom random = new SeedRandom("d");
        List<Point> points = SeedGenerators.seedDigits(new SeedRandom("d"), 200);
        for (Point p : points) {
            int label = random.nextInt(2);
            assertEquals(label, p.label(), 0);
            double[] pattern = SeedGenerators.digitPattern(label);
            for (int i = 0; i < 16; i++) {
                double expected = Math.min(1, Math.max(0, pattern[i] + random.normal(0, 1) * 0.1));
                assertEquals(expected, p.coord(i), 0);
            }
        }
    }

    @Test
    void digits_noise_has_sd_one_tenth() {
        // On the 0.8 pixels the clip at 1 is two sd away, so the spread is nearly the raw 0.1.
        DataSplit d = Datasets.generate(DatasetRequest.of("seed-digits", "d").withPercTrainData(80));
        assertEquals(800, d.train().size());
        assertEquals(200, d.test().size());
        double sum = 0, sumSq = 0;
        int n = 0, ones = 0;
        for (Point p : d.all()) {
            double[] pattern = SeedGenerators.digitPattern((int) p.label());
            ones += (int) p.label();
            for (int i = 0; i < 16; i++) {
                double v = p.coord(i);
                assertTrue(v >= 0 && v <= 1);
                if (pattern[i] == 0.8 && v < 1) {
                    sum += v - 0.8;
                    sumSq += (v - 0.8) * (v - 0.8);
                    n++;
                }
            }
        }
        double mean = sum / n;
        assertEquals(0, mean, 0.01);
        assertEquals(0.1, Math.sqrt(sumSq / n - mean * mean), 0.01);
        assertTrue(ones > 400 && ones < 600, "label 1 count " + ones);
    }

    @Test
    void regression_is_uniform_inputs_and_an_independent_uniform_target() {
        // 002: X = rand(100, 3) (row by row), then Y = rand(100, 1); Y is not a function of X.
        SeedRandom random = new SeedRandom("r");
        double[][] x = new double[100][3];
        for (double[] row : x) for (int j = 0; j < 3; j++) row[j] = random.nextDouble();
        List<Point> points = SeedGenerators.seedRegression(new SeedRandom("r"), 100);
        assertEquals(100, points.size());
        for (int i = 0; i < 100; i++) {
            assertArrayEquals(x[i], points.get(i).coords(), 0);
            assertEquals(random.nextDouble(), points.get(i).label(), 0);
        }
    }

    @Test
    void blobs_are_two_gaussians_at_minus_one_and_plus_one_with_sd_half() {
        // 000: randn(2, 50) * 0.5 - 1 labelled -1 (the tutorial's 0), randn(2, 50) * 0.5 + 1 labelled +1.
        SeedRandom random = new SeedRandom("b");
        List<Point> points = SeedGenerators.seedBlobs(new SeedRandom("b"), 100);
        double[] expected = new double[200];
        for (int i = 0; i < 200; i++) expected[i] = random.normal(0, 1) * 0.5 + (i < 100 ? -1 : 1);
        for (int i = 0; i < 100; i++) {
            int blob = i / 50, j = i % 50;
            assertEquals(expected[blob * 100 + j], points.get(i).x(), 0, "x of " + i);
            assertEquals(expected[blob * 100 + 50 + j], points.get(i).y(), 0, "y of " + i);
            assertEquals(blob == 0 ? -1 : 1, points.get(i).label(), 0);
        }
    }

    @Test
    void xor_is_the_truth_table() {
        List<Point> points =
                Datasets.generate(DatasetRequest.of("seed-xor", "any")).train();
        assertEquals(List.of(Point.of(0, 0, -1), Point.of(0, 1, 1), Point.of(1, 0, 1), Point.of(1, 1, -1)), points);
    }

    @Test
    void seed_sets_declare_their_shape() {
        assertEquals(16, Dataset.SEED_DIGITS.inputDim());
        assertEquals(ProblemKind.MULTICLASS, Dataset.SEED_DIGITS.problem());
        assertEquals(2, Dataset.SEED_DIGITS.defaultNumClasses());
        assertEquals(1000, Dataset.SEED_DIGITS.defaultSamples());
        assertEquals(3, Dataset.SEED_REGRESSION.inputDim());
        assertEquals(ProblemKind.REGRESSION, Dataset.SEED_REGRESSION.problem());
        assertEquals(100, Dataset.SEED_REGRESSION.defaultSamples());
        assertEquals(100, Dataset.SEED_BLOBS.defaultSamples());
        assertEquals(4, Dataset.SEED_XOR.defaultSamples());
        assertEquals(new Domain(0, 1), Dataset.SEED_DIGITS.domain());
    }
}
