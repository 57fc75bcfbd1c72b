package org.backprop.playground.data;

import java.util.ArrayList;
import java.util.List;
import org.backprop.playground.engine.SeedRandom;

/**
 * The tutorials' own data sets (shared/seeds 000-003), built as their NumPy code builds them.
 * They draw from our {@link SeedRandom}, not NumPy's Mersenne Twister, so the shapes and
 * distributions are the tutorials' but the individual numbers are not: NumPy's
 * {@code np.random.seed(42)} stream cannot be reproduced here. Their noise is part of their
 * definition, so the request's noise does not apply to them.
 */
final class SeedGenerators {
    private SeedGenerators() {}

    /**
     * 000: two blobs of sd 0.5, {@code randn(2, 50) * 0.5 - 1} labelled -1 and
     * {@code randn(2, 50) * 0.5 + 1} labelled +1 (the tutorial's 0/1, in TF's ±1). Drawn in
     * NumPy's order: a class's 50 x's, then its 50 y's.
     */
    static List<Point> seedBlobs(SeedRandom random, int numSamples) {
        List<Point> points = new ArrayList<>(numSamples);
        int negatives = numSamples / 2;
        addBlob(points, random, negatives, -1, -1);
        addBlob(points, random, numSamples - negatives, 1, 1);
        return points;
    }

    private static void addBlob(List<Point> points, SeedRandom random, int count, double centre, double label) {
        double[] xs = new double[count];
        double[] ys = new double[count];
        for (int i = 0; i < count; i++) xs[i] = random.normal(0, 1) * 0.5 + centre;
        for (int i = 0; i < count; i++) ys[i] = random.normal(0, 1) * 0.5 + centre;
        for (int i = 0; i < count; i++) points.add(Point.of(xs[i], ys[i], label));
    }

    /** 001/003: the XOR truth table, in the tutorial's row order, with TF's ±1 labels. */
    static List<Point> seedXor() {
        return List.of(Point.of(0, 0, -1), Point.of(0, 1, 1), Point.of(1, 0, 1), Point.of(1, 1, -1));
    }

    /** 001's "0" (a ring, read row by row on a 4x4 grid). */
    private static final double[] DIGIT_ZERO = {
        0.1, 0.8, 0.8, 0.1,
        0.8, 0.1, 0.1, 0.8,
        0.8, 0.1, 0.1, 0.8,
        0.1, 0.8, 0.8, 0.1
    };

    /** 001's "1" (a vertical bar down the middle two columns). */
    private static final double[] DIGIT_ONE = {
        0.1, 0.8, 0.8, 0.1,
        0.1, 0.8, 0.8, 0.1,
        0.1, 0.8, 0.8, 0.1,
        0.1, 0.8, 0.8, 0.1
    };

    /** The clean 4x4 pattern (16 values, row-major) for digit {@code label} (0 or 1). */
    static double[] digitPattern(int label) {
        return (label == 0 ? DIGIT_ZERO : DIGIT_ONE).clone();
    }

    /**
     * 001's generate_simple_digit_data: per sample a label from {@code randint(0, 2)}, its
     * pattern plus {@code randn(16) * 0.1}, clipped to [0, 1]. 16 inputs, labels 0/1.
     */
    static List<Point> seedDigits(SeedRandom random, int numSamples) {
        List<Point> points = new ArrayList<>(numSamples);
        for (int n = 0; n < numSamples; n++) {
            int label = random.nextInt(2);
            double[] pixels = digitPattern(label);
            for (int i = 0; i < pixels.length; i++) {
                double noise = random.normal(0, 1) * 0.1;
                pixels[i] = Math.min(1, Math.max(0, pixels[i] + noise));
            }
            points.add(new Point(pixels, label));
        }
        return points;
    }

    /**
     * 002: {@code X = rand(100, 3)} then {@code Y = rand(100, 1)}. The tutorial's target is not a
     * function of X: it is its own uniform [0, 1) draw, so the best a network can do is predict
     * the mean (its MSE plateaus near 1/12). X is drawn first, row by row, then all of Y.
     */
    static List<Point> seedRegression(SeedRandom random, int numSamples) {
        double[][] xs = new double[numSamples][3];
        for (double[] row : xs) {
            for (int j = 0; j < row.length; j++) row[j] = random.nextDouble();
        }
        List<Point> points = new ArrayList<>(numSamples);
        for (double[] row : xs) points.add(new Point(row, random.nextDouble()));
        return points;
    }

    /** 003's single sigmoid neuron: the one sample x = 2, target 1. */
    static List<Point> seedNeuron() {
        return List.of(new Point(new double[] {2}, 1));
    }

    /** 004's one-neuron and 2-2-1 updates: the one sample X = [0.5, 0.8], y = 1. */
    static List<Point> seedUpdate() {
        return List.of(Point.of(0.5, 0.8, 1));
    }

    /** 004's "guess 42": no input at all, the target 42; the one parameter is the output's bias. */
    static List<Point> seedGuess() {
        return List.of(new Point(new double[0], 42));
    }
}
