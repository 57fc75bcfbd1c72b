package org.backprop.playground.state;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exercise's target, written in the URL as {@code testLoss<0.05} or {@code testAccuracy>=0.95}:
 * a metric, a comparison and a finite number. The session checks it (session.GoalProgress).
 */
public record Goal(Metric metric, Comparison comparison, double value) {
    public enum Metric {
        TRAIN_LOSS("trainLoss"),
        TEST_LOSS("testLoss"),
        TRAIN_ACCURACY("trainAccuracy"),
        TEST_ACCURACY("testAccuracy");

        public final String key;

        Metric(String key) {
            this.key = key;
        }

        public boolean isAccuracy() {
            return this == TRAIN_ACCURACY || this == TEST_ACCURACY;
        }

        /** Measured on the training points (else on the test points). */
        public boolean onTrainingSet() {
            return this == TRAIN_LOSS || this == TRAIN_ACCURACY;
        }
    }

    public enum Comparison {
        // two-character operators first, so "<=" is not read as "<" then "=0.05"
        AT_MOST("<="),
        AT_LEAST(">="),
        BELOW("<"),
        ABOVE(">");

        public final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }
    }

    private static final Pattern SYNTAX = Pattern.compile("([A-Za-z]+)\\s*(<=|>=|<|>)\\s*(\\S+)");

    public Goal {
        if (metric == null || comparison == null)
            throw new IllegalArgumentException("goal: metric and comparison are required");
        if (!Double.isFinite(value)) throw new IllegalArgumentException("goal: the target must be a finite number");
    }

    /** Parses {@code metric op number}; the message of the exception says what is wrong. */
    public static Goal parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new Msg.Failure(Msg.of("state.goalSyntax"));
        }
        Metric metric = null;
        for (Metric candidate : Metric.values()) if (candidate.key.equals(m.group(1))) metric = candidate;
        if (metric == null) {
            throw new Msg.Failure(Msg.of("state.goalMetric", "metric", m.group(1)));
        }
        Comparison comparison = null;
        for (Comparison candidate : Comparison.values())
            if (candidate.symbol.equals(m.group(2))) comparison = candidate;
        Reading<Double> value = ValueReaders.number(m.group(3));
        if (value.refused()) throw new Msg.Failure(Msg.of("state.goalTarget", "reason", value.msg()));
        return new Goal(metric, comparison, value.value());
    }

    /** Whether a measured value meets the goal. */
    public boolean isMet(double measured) {
        return switch (comparison) {
            case AT_MOST -> measured <= value;
            case AT_LEAST -> measured >= value;
            case BELOW -> measured < value;
            case ABOVE -> measured > value;
        };
    }

    /** The canonical URL text, e.g. {@code testLoss<0.05}. */
    @Override
    public String toString() {
        return metric.key + comparison.symbol + ValueReaders.plain(value);
    }
}
