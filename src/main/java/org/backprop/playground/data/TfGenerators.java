package org.backprop.playground.data;

import java.util.ArrayList;
import java.util.List;
import org.backprop.playground.engine.SeedRandom;

/**
 * TensorFlow Playground's six generators, ported line for line from its {@code src/dataset.ts}
 * so that the same seed gives the very same points. Every expression keeps TF's operand order,
 * and sin/cos/log go through {@link StrictMath} (fdlibm, as V8 does): {@code Math.sin} may
 * differ in the last bit and then a label near a boundary flips.
 *
 * <p>{@code noise} is a fraction (URL noise / 100). Loops run {@code i < numSamples / 2} in
 * double, as in JS, so an odd count gives one extra point per half, exactly as TF does.
 */
final class TfGenerators {
    private TfGenerators() {}

    static List<Point> classifyTwoGaussData(SeedRandom random, int numSamples, double noise) {
        List<Point> points = new ArrayList<>(numSamples + 1);
        double variance = d3Linear(noise, 0, .5, 0.5, 4);
        genGauss(points, random, numSamples, variance, 2, 2, 1);
        genGauss(points, random, numSamples, variance, -2, -2, -1);
        return points;
    }

    private static void genGauss(
            List<Point> points,
            SeedRandom random,
            int numSamples,
            double variance,
            double cx,
            double cy,
            double label) {
        for (int i = 0; i < numSamples / 2.0; i++) {
            double x = random.normal(cx, variance);
            double y = random.normal(cy, variance);
            points.add(Point.of(x, y, label));
        }
    }

    static List<Point> regressPlane(SeedRandom random, int numSamples, double noise) {
        double radius = 6;
        List<Point> points = new ArrayList<>(numSamples);
        for (int i = 0; i < numSamples; i++) {
            double x = random.uniform(-radius, radius);
            double y = random.uniform(-radius, radius);
            double noiseX = random.uniform(-radius, radius) * noise;
            double noiseY = random.uniform(-radius, radius) * noise;
            // getLabel(x, y) = labelScale(x + y), labelScale: [-10, 10] -> [-1, 1]
            double label = d3Linear((x + noiseX) + (y + noiseY), -10, 10, -1, 1);
            points.add(Point.of(x, y, label));
        }
        return points;
    }

    /** Six Gaussians of alternating sign (cx, cy, sign), as in TF. */
    private static final double[][] GAUSSIANS = {
        {-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1},
        {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}
    };

    static List<Point> regressGaussian(SeedRandom random, int numSamples, double noise) {
        List<Point> points = new ArrayList<>(numSamples);
        double radius = 6;
        for (int i = 0; i < numSamples; i++) {
            double x = random.uniform(-radius, radius);
            double y = random.uniform(-radius, radius);
            double noiseX = random.uniform(-radius, radius) * noise;
            double noiseY = random.uniform(-radius, radius) * noise;
            double label = gaussianLabel(x + noiseX, y + noiseY);
            points.add(Point.of(x, y, label));
        }
        return points;
    }

    /** The Gaussian bump largest in absolute value wins; labelScale: [0, 2] -> [1, 0], clamped. */
    private static double gaussianLabel(double x, double y) {
        double label = 0;
        for (double[] g : GAUSSIANS) {
            double t = Math.max(0, Math.min(1, (dist(x, y, g[0], g[1]) - 0) / (2 - 0)));
            double newLabel = g[2] * (1 * (1 - t) + 0 * t);
            if (Math.abs(newLabel) > Math.abs(label)) {
                label = newLabel;
            }
        }
        return label;
    }

    static List<Point> classifySpiralData(SeedRandom random, int numSamples, double noise) {
        List<Point> points = new ArrayList<>(numSamples + 1);
        double n = numSamples / 2.0;
        genSpiral(points, random, n, noise, 0, 1);
        genSpiral(points, random, n, noise, Math.PI, -1);
        return points;
    }

    private static void genSpiral(
            List<Point> points, SeedRandom random, double n, double noise, double deltaT, double label) {
        for (int i = 0; i < n; i++) {
            double r = i / n * 5;
            double t = 1.75 * i / n * 2 * Math.PI + deltaT;
            double x = r * StrictMath.sin(t) + random.uniform(-1, 1) * noise;
            double y = r * StrictMath.cos(t) + random.uniform(-1, 1) * noise;
            points.add(Point.of(x, y, label));
        }
    }

    static List<Point> classifyCircleData(SeedRandom random, int numSamples, double noise) {
        List<Point> points = new ArrayList<>(numSamples + 1);
        double radius = 5;
        // Positive points inside the circle, then negative points in the ring outside it.
        genRing(points, random, numSamples, noise, radius, 0, radius * 0.5);
        genRing(points, random, numSamples, noise, radius, radius * 0.7, radius);
        return points;
    }

    private static void genRing(
            List<Point> points,
            SeedRandom random,
            int numSamples,
            double noise,
            double radius,
            double rMin,
            double rMax) {
        for (int i = 0; i < numSamples / 2.0; i++) {
            double r = random.uniform(rMin, rMax);
            double angle = random.uniform(0, 2 * Math.PI);
            double x = r * StrictMath.sin(angle);
            double y = r * StrictMath.cos(angle);
            double noiseX = random.uniform(-radius, radius) * noise;
            double noiseY = random.uniform(-radius, radius) * noise;
            // The label comes from the noisy position, the point keeps the clean one.
            double label = dist(x + noiseX, y + noiseY, 0, 0) < (radius * 0.5) ? 1 : -1;
            points.add(Point.of(x, y, label));
        }
    }

    static List<Point> classifyXORData(SeedRandom random, int numSamples, double noise) {
        List<Point> points = new ArrayList<>(numSamples);
        for (int i = 0; i < numSamples; i++) {
            double x = random.uniform(-5, 5);
            double padding = 0.3;
            x += x > 0 ? padding : -padding; // keep points off the axes
            double y = random.uniform(-5, 5);
            y += y > 0 ? padding : -padding;
            double noiseX = random.uniform(-5, 5) * noise;
            double noiseY = random.uniform(-5, 5) * noise;
            double label = (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1;
            points.add(Point.of(x, y, label));
        }
        return points;
    }

    /** d3 v3's {@code scale.linear().domain([d0, d1]).range([r0, r1])}, unclamped, in d3's arithmetic. */
    static double d3Linear(double v, double d0, double d1, double r0, double r1) {
        double t = (v - d0) / (d1 - d0);
        return r0 * (1 - t) + r1 * t;
    }

    private static double dist(double ax, double ay, double bx, double by) {
        double dx = ax - bx;
        double dy = ay - by;
        return StrictMath.sqrt(dx * dx + dy * dy);
    }
}
