package org.backprop.playground.data;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * TF Playground's INPUTS: the seven functions of a 2-D point the network may be fed, in TF's
 * order, named as its URL toggles are. sin goes through {@link StrictMath} to match V8.
 */
public enum InputFeature {
    X("x", "X_1") {
        @Override
        public double apply(double x, double y) {
            return x;
        }
    },
    Y("y", "X_2") {
        @Override
        public double apply(double x, double y) {
            return y;
        }
    },
    X_SQUARED("xSquared", "X_1^2") {
        @Override
        public double apply(double x, double y) {
            return x * x;
        }
    },
    Y_SQUARED("ySquared", "X_2^2") {
        @Override
        public double apply(double x, double y) {
            return y * y;
        }
    },
    X_TIMES_Y("xTimesY", "X_1X_2") {
        @Override
        public double apply(double x, double y) {
            return x * y;
        }
    },
    SIN_X("sinX", "sin(X_1)") {
        @Override
        public double apply(double x, double y) {
            return StrictMath.sin(x);
        }
    },
    SIN_Y("sinY", "sin(X_2)") {
        @Override
        public double apply(double x, double y) {
            return StrictMath.sin(y);
        }
    };

    private final String urlName;
    private final String label;

    InputFeature(String urlName, String label) {
        this.urlName = urlName;
        this.label = label;
    }

    /** This feature's value at (x, y). */
    public abstract double apply(double x, double y);

    /** The URL toggle key ({@code xSquared}). */
    public String urlName() {
        return urlName;
    }

    /** TF's node label, with {@code _} for a subscript and {@code ^} for a superscript. */
    public String label() {
        return label;
    }

    /** The feature whose URL key is {@code name}; an unknown name is rejected with the valid ones. */
    public static InputFeature fromName(String name) {
        for (InputFeature f : values()) {
            if (f.urlName.equals(name)) return f;
        }
        throw new IllegalArgumentException("feature: unknown name '" + name + "', expected one of " + names());
    }

    /** All URL keys in TF's order: x y xSquared ySquared xTimesY sinX sinY. */
    public static List<String> names() {
        return Arrays.stream(values()).map(InputFeature::urlName).collect(Collectors.toUnmodifiableList());
    }
}
