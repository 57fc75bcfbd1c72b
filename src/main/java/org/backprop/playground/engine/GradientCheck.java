package org.backprop.playground.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares backprop's gradient with central differences (J(θ+ε) − J(θ−ε)) / 2ε for every
 * parameter, where J = mean loss + rate · Σ penalty(w). The per-layer figure is the tutorials'
 * ‖a − n‖ / (‖a‖ + ‖n‖); they call it correct below 1e-7, worth a look below 1e-5, wrong above.
 */
public final class GradientCheck {
    public static final double DEFAULT_EPSILON = 1e-5;

    /** One weight layer's result; maxElementError is max |a−n| / max(|a|+|n|, 1e-12). */
    public record LayerResult(int layer, double relativeError, double maxElementError, String verdict) {}

    /** analytic and numeric are the full gradients, in the parameter layout. */
    public record Result(List<LayerResult> layers, double[] analytic, double[] numeric) {
        public double worstRelativeError() {
            return layers.stream().mapToDouble(LayerResult::relativeError).max().orElse(0);
        }
    }

    private GradientCheck() {}

    public static String verdict(double relativeError) {
        if (relativeError < 1e-7) return "correct";
        if (relativeError < 1e-5) return "check";
        return "wrong";
    }

    public static Result run(Network net, Samples data, Regularization reg, double rate, double eps) {
        if (data.count() == 0) throw new IllegalArgumentException("the gradient check needs at least one sample");
        Layout layout = net.layout;
        double[] analytic = gradient(net, data, reg, rate);
        double[] numeric = new double[layout.numParams()];
        Network probe = net.copy();
        for (int i = 0; i < numeric.length; i++) {
            double saved = probe.params[i];
            probe.params[i] = saved + eps;
            double plus = objective(probe, data, reg, rate);
            probe.params[i] = saved - eps;
            double minus = objective(probe, data, reg, rate);
            probe.params[i] = saved;
            numeric[i] = (plus - minus) / (2 * eps);
        }
        List<LayerResult> layers = new ArrayList<>();
        for (int l = 0; l < layout.layers(); l++) {
            int from = layout.weightOffset(l), to = layout.biasOffset(l) + layout.out(l);
            double diff = 0, na = 0, nn = 0, worst = 0;
            for (int i = from; i < to; i++) {
                double d = analytic[i] - numeric[i];
                diff += d * d;
                na += analytic[i] * analytic[i];
                nn += numeric[i] * numeric[i];
                worst = Math.max(worst, Math.abs(d) / Math.max(Math.abs(analytic[i]) + Math.abs(numeric[i]), 1e-12));
            }
            double rel = Math.sqrt(diff) / Math.max(Math.sqrt(na) + Math.sqrt(nn), 1e-12);
            layers.add(new LayerResult(l, rel, worst, verdict(rel)));
        }
        return new Result(layers, analytic, numeric);
    }

    /** dJ/dθ by backprop: the mean of the per-sample gradients plus the penalty's. */
    public static double[] gradient(Network net, Samples data, Regularization reg, double rate) {
        Layout layout = net.layout;
        double[] g = new double[layout.numParams()];
        Pass pass = new Pass(layout, data.count());
        pass.forward(net, data.inputs(), 0, data.count());
        pass.backward(net, data.targets(), 0, g);
        for (int i = 0; i < g.length; i++) g[i] /= data.count();
        reg.addGradient(net, g, rate);
        return g;
    }

    /** J(θ) = mean loss + rate · Σ over weights of the penalty. */
    public static double objective(Network net, Samples data, Regularization reg, double rate) {
        return Evaluation.meanLoss(net, data) + rate * reg.penalty(net);
    }
}
