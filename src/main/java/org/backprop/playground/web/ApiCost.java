package org.backprop.playground.web;

import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Evaluation;
import org.backprop.playground.engine.Layout;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Optimizer;

/**
 * What a heavy API request costs before it runs, in work units of about one nanosecond of one
 * core's CPU, counted the way the engine spends it, and the one limit every request is held to.
 *
 * <p>{@code /api/train}, per epoch: every training row goes forward and backward (three
 * multiply-adds per weight, an activation per hidden neuron, softmax or sigmoid per output, a
 * fixed cost per row); every update (rows ÷ batch per epoch: batch 1 updates after each row)
 * runs the optimizer over all parameters (Adam and RMSprop several operations each, a penalty
 * over every weight) and each batch pays its kernel calls per layer; then the loss is evaluated
 * over every train and test row. {@code /api/backprop} with {@code gradcheck}: two loss
 * evaluations over every sample per parameter.
 *
 * <p>The coefficients are fitted by measuring: {@code java -jar backprop-playground.jar bench
 * api-cost} (see {@link ApiCostBench}) times a spread of requests in thread CPU time, fits these
 * terms by non-negative least squares on relative error, and raises the fit until no request of
 * the spread runs longer than predicted; it prints predicted against measured. Refit there when
 * the engine changes.
 */
final class ApiCost {
    /** No request may be predicted above this: about 2 s of one core (docs/api.md). */
    static final long MAX_UNITS = 2_000_000_000L;

    /** Each term the model counts; a request's cost is Σ count × coefficient. */
    enum Term {
        /** Training, per row: per weight (forward, weight gradient, input gradient), hidden neuron, output, exp output, row. */
        TRAIN_WEIGHT,
        TRAIN_NEURON,
        TRAIN_OUTPUT,
        TRAIN_EXP_OUTPUT,
        TRAIN_ROW,
        /** Per batch: a fixed cost, and per weight layer (the kernels' calls). */
        BATCH,
        BATCH_LAYER,
        /** Per update, per parameter: the trainer's own passes over the gradient plus each optimizer's step. */
        UPDATE_SGD,
        UPDATE_MOMENTUM,
        UPDATE_ADAM,
        UPDATE_RMSPROP,
        /** Per update, per weight, when a penalty is on (its derivative, then the shrink). */
        UPDATE_PENALTY,
        /**
         * Loss evaluation, per row: per weight, hidden neuron, output, exp output, row; per evaluation
         * (a pass's set-up); per chunk of {@link Evaluation#CHUNK} rows, per weight (each neuron's |z| bound).
         */
        EVAL_WEIGHT,
        EVAL_NEURON,
        EVAL_OUTPUT,
        EVAL_EXP_OUTPUT,
        EVAL_ROW,
        EVAL_CALL,
        EVAL_CHUNK_WEIGHT,
        /** Per epoch: the epoch's own set-up (the rows copied feature-major, a shuffle). */
        EPOCH
    }

    /**
     * Nanoseconds per count of each {@link Term}, in its order: fitted by {@code bench api-cost}
     * (2-core VM, Java 17, 2026-12-03; 22 cases, each then measured at 0.70–1.00 of its prediction),
     * rounded up. "Exp outputs" are softmax and sigmoid outputs, whose exponentials and logarithms
     * cost several times a linear one's arithmetic. A 0 is a term the fit found no time in beside
     * the others (a linear output's arithmetic rides with its row); a refit may give it some.
     */
    static final double[] COEFFICIENTS = {
        0.56, 0.78, 0, 32, 6.9, 0, 57, 2.8, 2.6, 2.7, 20, 0, 0.21, 0, 0, 22, 0, 4_900, 4.1, 0,
    };

    private ApiCost() {}

    /** A request's count of each {@link Term}; the bench fits the coefficients to them. */
    record Terms(double[] counts) {
        double count(Term t) {
            return counts[t.ordinal()];
        }

        /** Predicted work units with the given coefficients. */
        double units(double[] coefficients) {
            double sum = 0;
            for (int i = 0; i < counts.length; i++) sum += counts[i] * coefficients[i];
            return sum;
        }

        double units() {
            return units(COEFFICIENTS);
        }

        /** Units of the terms from {@code from} to {@code to}, both included. */
        double units(Term from, Term to) {
            double sum = 0;
            for (int i = from.ordinal(); i <= to.ordinal(); i++) sum += counts[i] * COEFFICIENTS[i];
            return sum;
        }
    }

    /** /api/train: {@code batchSize} already capped at the rows (the trainer's rule), test rows 0 without a test set. */
    static Terms train(
            Network net,
            int trainRows,
            int testRows,
            int batchSize,
            Optimizer.Kind optimizer,
            boolean penalty,
            int epochs) {
        Shape s = new Shape(net);
        double[] c = new double[Term.values().length];
        double e = epochs, rows = e * trainRows, batches = e * Math.ceil((double) trainRows / batchSize);
        c[Term.TRAIN_WEIGHT.ordinal()] = rows * s.weights;
        c[Term.TRAIN_NEURON.ordinal()] = rows * s.hidden;
        c[Term.TRAIN_OUTPUT.ordinal()] = rows * s.outputs;
        c[Term.TRAIN_EXP_OUTPUT.ordinal()] = rows * s.expOutputs;
        c[Term.TRAIN_ROW.ordinal()] = rows;
        c[Term.BATCH.ordinal()] = batches;
        c[Term.BATCH_LAYER.ordinal()] = batches * s.layers;
        c[Term.UPDATE_SGD.ordinal() + optimizer.ordinal()] = batches * s.params;
        c[Term.UPDATE_PENALTY.ordinal()] = penalty ? batches * s.weights : 0;
        evaluations(c, s, e, trainRows + testRows);
        c[Term.EPOCH.ordinal()] = e;
        return new Terms(c);
    }

    /** /api/backprop's gradient check: two evaluations of every sample per parameter (the pass itself is small beside it). */
    static Terms gradcheck(Network net, int samples, boolean penalty) {
        Shape s = new Shape(net);
        double[] c = new double[Term.values().length];
        double evals = 2.0 * s.params;
        evaluations(c, s, evals, samples);
        // each evaluation adds the penalty over every weight
        c[Term.UPDATE_PENALTY.ordinal()] = penalty ? evals * s.weights : 0;
        return new Terms(c);
    }

    /** {@code calls} loss evaluations over {@code rowsEach} rows each. */
    private static void evaluations(double[] c, Shape s, double calls, int rowsEach) {
        double rows = calls * rowsEach;
        c[Term.EVAL_WEIGHT.ordinal()] = rows * s.weights;
        c[Term.EVAL_NEURON.ordinal()] = rows * s.hidden;
        c[Term.EVAL_OUTPUT.ordinal()] = rows * s.outputs;
        c[Term.EVAL_EXP_OUTPUT.ordinal()] = rows * s.expOutputs;
        c[Term.EVAL_ROW.ordinal()] = rows;
        c[Term.EVAL_CALL.ordinal()] = calls;
        c[Term.EVAL_CHUNK_WEIGHT.ordinal()] = calls * Math.ceil((double) rowsEach / Evaluation.CHUNK) * s.weights;
    }

    /**
     * Refuses a request predicted past {@link #MAX_UNITS}: the message gives the estimate, where it
     * goes (passes over the rows, optimizer updates, loss evaluations) and {@code reduce}, what to send less of.
     */
    static void check(Terms terms, String field, String what, String reduce) {
        double units = terms.units();
        if (units <= MAX_UNITS) return;
        double passes = terms.units(Term.TRAIN_WEIGHT, Term.TRAIN_ROW);
        double updates = terms.units(Term.BATCH, Term.UPDATE_PENALTY);
        double evals = units - passes - updates;
        String where = terms.count(Term.BATCH) == 0
                ? String.format(
                        java.util.Locale.ROOT,
                        "%.1f s in %.0f loss evaluations",
                        units / 1e9,
                        terms.count(Term.EVAL_CALL))
                : String.format(
                        java.util.Locale.ROOT,
                        "%.1f s in passes over the rows, %.1f s in %.0f optimizer updates,"
                                + " %.1f s in loss evaluations",
                        passes / 1e9,
                        updates / 1e9,
                        terms.count(Term.BATCH),
                        evals / 1e9);
        throw ApiException.tooLarge(
                field,
                String.format(
                        java.util.Locale.ROOT,
                        "%s would take about %.1f s of CPU (%.0f work units: %s), past the limit of %.0f s (%d units); %s",
                        what,
                        units / 1e9,
                        units,
                        where,
                        MAX_UNITS / 1e9,
                        MAX_UNITS,
                        reduce));
    }

    /** The counts of a network the terms are made of. */
    private static final class Shape {
        final double weights, hidden, outputs, expOutputs, layers, params;

        Shape(Network net) {
            Layout layout = net.layout;
            long w = 0, h = 0;
            for (int l = 0; l < layout.layers(); l++) {
                w += layout.weightCount(l);
                if (l < layout.layers() - 1) h += layout.out(l);
            }
            weights = w;
            hidden = h;
            outputs = layout.outputs();
            Activation out = net.activation(layout.layers() - 1);
            expOutputs = out == Activation.SOFTMAX || out == Activation.SIGMOID ? outputs : 0;
            layers = layout.layers();
            params = layout.numParams();
        }
    }
}
