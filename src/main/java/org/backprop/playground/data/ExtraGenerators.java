package org.backprop.playground.data;

import java.util.ArrayList;
import java.util.List;
import org.backprop.playground.engine.SeedRandom;

/**
 * Our own 2-D sets beyond TF Playground's, drawn from the same seeded generator and in TF's
 * style (one class after another, then the shared shuffle), on the same [-6, 6] domain.
 * Counts are exact: {@code numSamples} is spread over the classes, the first ones getting the
 * remainder.
 */
final class ExtraGenerators {
    private ExtraGenerators() {}

    /** Half-moon radius after scaling: sklearn's unit moons times 3 span about x∈[-4.5, 4.5]. */
    private static final double MOON_SCALE = 3;

    /**
     * Two interleaving half moons (sklearn's make_moons), outer +1, inner -1, centred on the
     * origin and scaled by 3. Noise adds Gaussian jitter of sd {@code noise * 3}: at URL noise
     * 50 that is half a moon radius, enough for the moons to overlap.
     */
    static List<Point> classifyMoonsData(SeedRandom random, int numSamples, double noise) {
        List<Point> points = new ArrayList<>(numSamples);
        int outer = share(numSamples, 2, 0);
        double sd = noise * MOON_SCALE;
        for (int i = 0; i < numSamples; i++) {
            double angle = random.uniform(0, Math.PI);
            boolean isOuter = i < outer;
            // Unit moons: outer (cos, sin), inner (1 - cos, 0.5 - sin); centre (0.5, 0.25) moves to 0.
            double ux = isOuter ? StrictMath.cos(angle) : 1 - StrictMath.cos(angle);
            double uy = isOuter ? StrictMath.sin(angle) : 0.5 - StrictMath.sin(angle);
            double x = (ux - 0.5) * MOON_SCALE + random.normal(0, sd * sd);
            double y = (uy - 0.25) * MOON_SCALE + random.normal(0, sd * sd);
            points.add(Point.of(x, y, isOuter ? 1 : -1));
        }
        return points;
    }

    /**
     * K spiral arms labelled 0..K-1, each TF's spiral rotated by 2πk/K (for K = 2 the arms are
     * TF's spiral, labels 0/1 instead of +1/-1). Noise is TF's: uniform ±noise on each axis.
     */
    static List<Point> classifyMultiSpiralData(SeedRandom random, int numSamples, double noise, int numClasses) {
        List<Point> points = new ArrayList<>(numSamples);
        for (int k = 0; k < numClasses; k++) {
            double n = share(numSamples, numClasses, k);
            double deltaT = 2 * Math.PI * k / numClasses;
            for (int i = 0; i < n; i++) {
                double r = i / n * 5;
                double t = 1.75 * i / n * 2 * Math.PI + deltaT;
                double x = r * StrictMath.sin(t) + random.uniform(-1, 1) * noise;
                double y = r * StrictMath.cos(t) + random.uniform(-1, 1) * noise;
                points.add(Point.of(x, y, k));
            }
        }
        return points;
    }

    /** Blob centres sit on this circle; for K = 2 they fall near TF gauss's (±2, ±2). */
    private static final double BLOB_RING = 3.5;

    /**
     * K Gaussian blobs labelled 0..K-1, centres evenly on a circle of radius 3.5 starting at 45°
     * (K = 4 fills the four quadrants). Variance follows TF gauss's noise scale, 0.5 at noise 0
     * to 4 at noise 50, so the slider means the same thing on both sets.
     */
    static List<Point> classifyBlobsData(SeedRandom random, int numSamples, double noise, int numClasses) {
        List<Point> points = new ArrayList<>(numSamples);
        double variance = TfGenerators.d3Linear(noise, 0, .5, 0.5, 4);
        for (int k = 0; k < numClasses; k++) {
            double angle = Math.PI / 4 + 2 * Math.PI * k / numClasses;
            double cx = BLOB_RING * StrictMath.cos(angle);
            double cy = BLOB_RING * StrictMath.sin(angle);
            int count = share(numSamples, numClasses, k);
            for (int i = 0; i < count; i++) {
                double x = random.normal(cx, variance);
                double y = random.normal(cy, variance);
                points.add(Point.of(x, y, k));
            }
        }
        return points;
    }

    /** Class {@code k}'s share of {@code total} split over {@code parts}; earlier classes take the remainder. */
    static int share(int total, int parts, int k) {
        return total / parts + (k < total % parts ? 1 : 0);
    }
}
