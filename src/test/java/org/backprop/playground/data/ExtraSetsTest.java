package org.backprop.playground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.playground.engine.SeedRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ExtraSetsTest {

    @Test
    void moons_lie_on_their_half_circles_without_noise() {
        // Undo the scale (3) and centring (0.5, 0.25): outer moon is the unit circle's top half,
        // the inner one the unit circle around (1, 0.5), bottom half.
        List<Point> points = ExtraGenerators.classifyMoonsData(new SeedRandom("m"), 500, 0);
        assertEquals(500, points.size());
        for (Point p : points) {
            double ux = p.x() / 3 + 0.5;
            double uy = p.y() / 3 + 0.25;
            if (p.label() == 1) {
                assertEquals(1, Math.hypot(ux, uy), 1e-12);
                assertTrue(uy >= 0);
            } else {
                assertEquals(-1, p.label());
                assertEquals(1, Math.hypot(ux - 1, uy - 0.5), 1e-12);
                assertTrue(uy <= 0.5);
            }
            assertTrue(Math.abs(p.x()) <= 4.5 + 1e-12 && Math.abs(p.y()) <= 2.25 + 1e-12, p::toString);
        }
        assertEquals(250, points.stream().filter(p -> p.label() == 1).count());
    }

    @Test
    void moons_noise_moves_points_off_the_moons() {
        DataSplit clean = Datasets.generate(DatasetRequest.of("moons", "m"));
        DataSplit noisy = Datasets.generate(DatasetRequest.of("moons", "m").withNoise(30));
        assertNotEquals(clean.all(), noisy.all());
        // sd = 0.3 * 3 = 0.9: the mean distance off the moon is about sd * sqrt(pi / 2) ~ 1.1.
        double off = noisy.all().stream()
                .mapToDouble(ExtraSetsTest::distanceOffMoon)
                .average()
                .orElseThrow();
        assertTrue(off > 0.5 && off < 1.5, "mean distance off the moons " + off);
    }

    private static double distanceOffMoon(Point p) {
        double ux = p.x() / 3 + 0.5;
        double uy = p.y() / 3 + 0.25;
        double r = p.label() == 1 ? Math.hypot(ux, uy) : Math.hypot(ux - 1, uy - 0.5);
        return Math.abs(r - 1) * 3;
    }

    @Test
    void two_arm_spiral_multi_is_tf_spiral_with_labels_zero_one() {
        DataSplit tf = Datasets.generate(DatasetRequest.of("spiral", "0.22222").withNoise(15));
        DataSplit multi = Datasets.generate(
                DatasetRequest.of("spiral-multi", "0.22222").withNoise(15).withNumClasses(2));
        assertEquals(tf.all().size(), multi.all().size());
        for (int i = 0; i < tf.all().size(); i++) {
            Point a = tf.all().get(i);
            Point b = multi.all().get(i);
            assertEquals(a.x(), b.x(), 0);
            assertEquals(a.y(), b.y(), 0);
            assertEquals(a.label() == 1 ? 0 : 1, b.label(), 0);
        }
    }

    @Test
    void spiral_multi_spreads_samples_over_arms() {
        List<Point> points = ExtraGenerators.classifyMultiSpiralData(new SeedRandom("s"), 500, 0, 3);
        assertEquals(500, points.size());
        assertEquals(167, points.stream().filter(p -> p.label() == 0).count());
        assertEquals(167, points.stream().filter(p -> p.label() == 1).count());
        assertEquals(166, points.stream().filter(p -> p.label() == 2).count());
    }

    @Test
    void blobs_gather_around_their_centres() {
        // K = 4: centres at radius 3.5, angles 45°, 135°, 225°, 315°; variance 0.5 at noise 0.
        List<Point> points = ExtraGenerators.classifyBlobsData(new SeedRandom("b"), 4000, 0, 4);
        double c = 3.5 * Math.sqrt(0.5);
        double[][] centres = {{c, c}, {-c, c}, {-c, -c}, {c, -c}};
        for (int k = 0; k < 4; k++) {
            final int label = k;
            List<Point> blob = points.stream().filter(p -> p.label() == label).toList();
            assertEquals(1000, blob.size());
            double mx = blob.stream().mapToDouble(Point::x).average().orElseThrow();
            double my = blob.stream().mapToDouble(Point::y).average().orElseThrow();
            double vx = blob.stream()
                    .mapToDouble(p -> (p.x() - centres[label][0]) * (p.x() - centres[label][0]))
                    .average()
                    .orElseThrow();
            assertEquals(centres[k][0], mx, 0.1);
            assertEquals(centres[k][1], my, 0.1);
            assertEquals(0.5, vx, 0.07);
        }
    }

    @Test
    void blobs_noise_widens_them_like_tf_gauss() {
        // noise 50 -> variance 4 (TF gauss's scale)
        List<Point> points = ExtraGenerators.classifyBlobsData(new SeedRandom("b"), 4000, 0.5, 2);
        double c = 3.5 * Math.sqrt(0.5);
        double vx = points.stream()
                .filter(p -> p.label() == 0)
                .mapToDouble(p -> (p.x() - c) * (p.x() - c))
                .average()
                .orElseThrow();
        assertEquals(4, vx, 0.4);
    }

    @Test
    void our_sets_are_pinned() {
        // Pinned from this implementation (no outside oracle for our own sets): fails if a number moves.
        assertEquals(Point.of(1.1281169637693373, -3.6276901081166453, 3), first(DatasetRequest.of("blobs", "0.5")));
        assertEquals(
                Point.of(-0.8701810691725723, -1.3754417837720232, -1),
                first(DatasetRequest.of("moons", "0.5").withNoise(10)));
        assertEquals(
                Point.of(0.15644147806457015, 0.1639192965081735, 0),
                first(DatasetRequest.of("spiral-multi", "0.5").withNoise(10)));
        assertEquals(
                Point.of(-1.145947304098004, -2.3956185899412685, -1), first(DatasetRequest.of("seed-blobs", "0.5")));
        assertEquals(
                new Point(
                        new double[] {
                            0.08008748116808348, 0.7064067014281913, 0.84972482043753, 0.02608537133716486,
                            0.05922735603756171, 0.9119237988817055, 0.9567976925729513, 0.016517057580717587,
                            0.05999749711970528, 0.8124873147544108, 0.9118210772526973, 0.09127328860766368,
                            0.1917557491384697, 0.9155015717196228, 0.8816962149661307, 0.13583623305980075
                        },
                        1),
                first(DatasetRequest.of("seed-digits", "0.5")));
        assertEquals(
                new Point(
                        new double[] {0.5023838014959652, 0.5384664658022681, 0.7739559352842272}, 0.11745131878702014),
                first(DatasetRequest.of("seed-regression", "0.5")));
    }

    private static Point first(DatasetRequest request) {
        return Datasets.generate(request).train().get(0);
    }
}
