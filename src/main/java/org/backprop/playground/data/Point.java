package org.backprop.playground.data;

import java.util.Arrays;

/**
 * One example: its input coordinates and its label (TF Playground's {@code Example2D}, any
 * dimension). Labels are ±1 for binary sets, 0..K-1 for multi-class sets and a real number
 * for regression. Immutable: the coordinates are copied in and out.
 */
public final class Point {
    private final double[] coords;
    private final double label;

    public Point(double[] coords, double label) {
        this.coords = coords.clone();
        this.label = label;
    }

    /** A 2-D point, as TF Playground's generators make them. */
    public static Point of(double x, double y, double label) {
        return new Point(new double[] {x, y}, label);
    }

    /** A copy of the coordinates. */
    public double[] coords() {
        return coords.clone();
    }

    /** Coordinate {@code i} without copying (for hot loops). */
    public double coord(int i) {
        return coords[i];
    }

    public int dim() {
        return coords.length;
    }

    public double x() {
        return coords[0];
    }

    public double y() {
        return coords[1];
    }

    public double label() {
        return label;
    }

    // Value semantics so that "same seed, same data" is one assertEquals.
    @Override
    public boolean equals(Object o) {
        return o instanceof Point p && Arrays.equals(coords, p.coords) && Double.compare(label, p.label) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(coords) + Double.hashCode(label);
    }

    @Override
    public String toString() {
        return "Point" + Arrays.toString(coords) + " -> " + label;
    }
}
