package org.backprop.playground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.playground.engine.SeedRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The six TF sets with noise, pinned to numbers from TF Playground's dataset.ts run under node
 * with seedrandom 2.4.3 and d3 3.5.17 (seed "0.54321", noise 25, 50% train unless said).
 */
@Tag("unit")
class TfGeneratorsTest {

    private static DataSplit tf(String name, int noise) {
        return Datasets.generate(DatasetRequest.of(name, "0.54321").withNoise(noise));
    }

    private static void assertPoint(double x, double y, double label, Point p) {
        assertEquals(x, p.x(), 0, "x");
        assertEquals(y, p.y(), 0, "y");
        assertEquals(label, p.label(), 0, "label");
    }

    @Test
    void circle_with_noise_matches_tf() {
        DataSplit d = tf("circle", 25);
        assertPoint(-1.3943697160374098, -0.6361894684613414, 1, d.train().get(0));
        assertPoint(3.1591876910804766, 1.588845272959074, -1, d.test().get(249));
    }

    @Test
    void xor_with_noise_matches_tf() {
        DataSplit d = tf("xor", 25);
        assertPoint(1.4305842394125812, 2.1187465365625267, 1, d.train().get(0));
        // Labelled from the noisy position, drawn at the clean one: this one sits in the wrong quadrant.
        assertPoint(-5.058491593434431, -3.541642298771036, 1, d.test().get(249));
    }

    @Test
    void gauss_with_noise_matches_tf() {
        assertPoint(
                -0.5722495859538312,
                -5.468621212333448,
                -1,
                tf("gauss", 25).train().get(0));
        // noise 50 -> variance 4 (d3 scale [0, .5] -> [0.5, 4])
        assertPoint(
                -0.09633278127177491,
                -6.624828283111264,
                -1,
                tf("gauss", 50).train().get(0));
    }

    @Test
    void spiral_with_noise_matches_tf() {
        DataSplit d = tf("spiral", 25);
        assertPoint(-3.985124754417906, -2.7290908088790022, 1, d.train().get(0));
        assertPoint(2.01738527766574, -1.730532842131056, -1, d.test().get(0));
    }

    @Test
    void reg_plane_matches_tf() {
        DataSplit d = tf("reg-plane", 25);
        assertEquals(600, d.train().size());
        assertPoint(
                -2.6919730723051423,
                -1.489258869555492,
                -0.5740302800259582,
                d.train().get(0));
        assertPoint(
                4.018217206025863,
                5.310859619713963,
                0.9402960909340279,
                d.test().get(599));
    }

    @Test
    void reg_gauss_matches_tf() {
        DataSplit d = tf("reg-gauss", 25);
        assertPoint(
                -2.6919730723051423,
                -1.489258869555492,
                -0.4091527860039854,
                d.train().get(0));
        assertPoint(
                -0.06584647131275112,
                -3.849081927120339,
                0.17916735497512737,
                d.train().get(2));
        assertPoint(
                -3.0716454192528606,
                -1.8450132747047947,
                -0.5383896335029963,
                d.train().get(7));
    }

    @ParameterizedTest
    @CsvSource({
        "circle, 25, -21.300668020959996", "circle, 50, -121.30066802096012",
        "xor, 25, 9.800495162842237", "xor, 50, 3.8004951628422523",
        "gauss, 25, 35.87379736776026", "gauss, 50, 47.83172982368029",
        "spiral, 25, 1.6014129606939789", "spiral, 50, 3.202825921387968",
        "reg-plane, 25, -151.99385642894418", "reg-plane, 50, -159.49147863663964",
        "reg-gauss, 25, -156.60126154258475", "reg-gauss, 50, -153.4625517955965"
    })
    void every_point_matches_tf_checksum(String name, int noise, double expected) {
        // Running double sum of x, y, label over train then test, taken the same way over TF's output:
        // one moved bit anywhere almost surely moves it.
        double sum = 0;
        for (Point p : tf(name, noise).all()) {
            sum += p.x();
            sum += p.y();
            sum += p.label();
        }
        assertEquals(expected, sum, 0);
    }

    @Test
    void noise_flips_labels_as_tf_does() {
        // Points whose label disagrees with the clean rule, counted in TF's own output.
        assertEquals(0, circleFlips(tf("circle", 0)));
        assertEquals(37, circleFlips(tf("circle", 25)));
        assertEquals(123, circleFlips(tf("circle", 50)));
        assertEquals(0, xorFlips(tf("xor", 0)));
        assertEquals(36, xorFlips(tf("xor", 25)));
        assertEquals(85, xorFlips(tf("xor", 50)));
    }

    private static long circleFlips(DataSplit d) {
        return d.all().stream()
                .filter(p -> (Math.hypot(p.x(), p.y()) < 2.5 ? 1 : -1) != p.label())
                .count();
    }

    private static long xorFlips(DataSplit d) {
        return d.all().stream()
                .filter(p -> (p.x() * p.y() >= 0 ? 1 : -1) != p.label())
                .count();
    }

    @Test
    void noise_moves_spiral_points_but_not_circle_points() {
        // Spiral adds noise to the coordinates; circle only to the position its label is read at.
        assertNotEquals(tf("spiral", 0).train(), tf("spiral", 25).train());
        List<Point> clean = TfGenerators.classifyCircleData(new SeedRandom("s"), 500, 0);
        List<Point> noisy = TfGenerators.classifyCircleData(new SeedRandom("s"), 500, 0.25);
        assertEquals(clean.size(), noisy.size());
        for (int i = 0; i < clean.size(); i++) {
            assertEquals(clean.get(i).x(), noisy.get(i).x(), 0);
            assertEquals(clean.get(i).y(), noisy.get(i).y(), 0);
        }
    }

    @Test
    void odd_count_gives_one_extra_point_per_half_as_tf_does() {
        // JS loops `i < numSamples / 2`: 501 / 2 = 250.5 runs 251 times per class.
        assertEquals(
                502,
                Datasets.generate(DatasetRequest.of("circle", "0.5").withNumSamples(501))
                        .all()
                        .size());
        assertEquals(
                501,
                Datasets.generate(DatasetRequest.of("xor", "0.5").withNumSamples(501))
                        .all()
                        .size());
    }

    @Test
    void reg_labels_stay_in_tf_range() {
        // reg-plane: (x + y) in [-12, 12] plus up to ±3 noise per axis, scaled by 1/10.
        for (Point p : tf("reg-plane", 50).all()) assertTrue(p.label() >= -1.8 && p.label() <= 1.8, p::toString);
        for (Point p : tf("reg-gauss", 50).all()) assertTrue(p.label() >= -1 && p.label() <= 1, p::toString);
    }
}
