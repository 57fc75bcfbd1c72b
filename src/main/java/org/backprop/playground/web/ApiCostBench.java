package org.backprop.playground.web;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.GradientCheck;
import org.backprop.playground.engine.Hyperparameters;
import org.backprop.playground.engine.Init;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Optimizer;
import org.backprop.playground.engine.Regularization;
import org.backprop.playground.engine.Samples;
import org.backprop.playground.engine.SeedRandom;

/**
 * {@code java -jar backprop-playground.jar bench api-cost [--target S] [--csv]}: runs a spread of
 * {@code /api/train} and gradient-check requests through the very code the handlers run, each
 * sized to about S seconds (default 0.5) by {@link ApiCost}'s prediction, and prints its CPU time
 * (this thread's, from {@link ThreadMXBean}: other load on the machine does not count) against
 * the prediction. Then it fits {@link ApiCost}'s coefficients to what it measured (non-negative
 * least squares on relative error, raised until no case runs longer than predicted) and prints
 * them, for ApiCost's constants; {@code --csv} also prints each case's terms and time.
 */
public final class ApiCostBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ApiCostBench() {}

    /** One request of the spread: a network, its data, how it trains (or a gradient check of {@code samples}). */
    record Case(
            String name,
            int[] sizes,
            Activation hidden,
            Activation output,
            Loss loss,
            int rows,
            int testRows,
            int batchSize,
            Optimizer.Kind optimizer,
            Regularization penalty,
            boolean gradcheck) {

        ApiCost.Terms terms(int epochs) {
            Network net = network();
            if (gradcheck) return ApiCost.gradcheck(net, rows, penalty != Regularization.NONE);
            return TrainApi.cost(net, rows, testRows, hyper(), epochs);
        }

        Hyperparameters hyper() {
            return new Hyperparameters(0.01, batchSize, optimizer, penalty, penalty == Regularization.NONE ? 0 : 1e-4)
                    .forTrainingSet(rows);
        }

        Network network() {
            return Network.create(sizes, hidden, output, loss, Init.XAVIER, new SeedRandom(name));
        }

        /** Runs it (epochs times for training) and returns this thread's CPU nanoseconds. */
        long run(int epochs) {
            Network net = network();
            SeedRandom rng = new SeedRandom(name + "/data");
            Samples train = samples(net, rows, rng), test = testRows == 0 ? null : samples(net, testRows, rng);
            long start = THREADS.getCurrentThreadCpuTime();
            if (gradcheck) {
                GradientCheck.run(
                        net, train, penalty, penalty == Regularization.NONE ? 0 : 1e-4, GradientCheck.DEFAULT_EPSILON);
            } else {
                TrainApi.train(net, train, test, hyper(), epochs, null);
            }
            return THREADS.getCurrentThreadCpuTime() - start;
        }

        /** Inputs in [−1, 1]; targets a loss accepts: one-hot for softmax, 0/1 for sigmoid, any number else. */
        private Samples samples(Network net, int n, SeedRandom rng) {
            int in = net.layout.inputs(), k = net.layout.outputs();
            double[][] x = new double[n][in], t = new double[n][k];
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < in; i++) x[r][i] = rng.uniform(-1, 1);
                if (output == Activation.SOFTMAX) t[r][rng.nextInt(k)] = 1;
                else
                    for (int j = 0; j < k; j++)
                        t[r][j] = output == Activation.SIGMOID ? rng.nextInt(2) : rng.uniform(-1, 1);
            }
            return Samples.of(x, t);
        }
    }

    private static Case train(
            String name,
            int[] sizes,
            Activation hidden,
            Activation output,
            Loss loss,
            int rows,
            int testRows,
            int batch,
            Optimizer.Kind optimizer,
            Regularization penalty) {
        return new Case(name, sizes, hidden, output, loss, rows, testRows, batch, optimizer, penalty, false);
    }

    private static Case gradcheck(
            String name, int[] sizes, Activation hidden, Activation output, Loss loss, int samples) {
        return new Case(
                name, sizes, hidden, output, loss, samples, 0, 1, Optimizer.Kind.SGD, Regularization.NONE, true);
    }

    /** The spread: each term of ApiCost dominates at least one case; the 75.9 s request is the first. */
    static List<Case> spread() {
        Activation T = Activation.TANH,
                R = Activation.RELU,
                S = Activation.SIGMOID,
                X = Activation.SOFTMAX,
                L = Activation.LINEAR;
        Optimizer.Kind sgd = Optimizer.Kind.SGD,
                mom = Optimizer.Kind.MOMENTUM,
                adam = Optimizer.Kind.ADAM,
                rms = Optimizer.Kind.RMSPROP;
        Regularization none = Regularization.NONE;
        List<Case> c = new ArrayList<>();
        c.add(train("softmax256-b1-adam", new int[] {0, 256}, T, X, Loss.CE, 2000, 0, 1, adam, none));
        c.add(train("softmax256-b1-sgd", new int[] {0, 256}, T, X, Loss.CE, 2000, 0, 1, sgd, none));
        c.add(train("softmax256-b1-rmsprop", new int[] {0, 256}, T, X, Loss.CE, 2000, 0, 1, rms, none));
        c.add(train("softmax256-b1-momentum", new int[] {0, 256}, T, X, Loss.CE, 2000, 0, 1, mom, none));
        c.add(train("softmax256-full", new int[] {0, 256}, T, X, Loss.CE, 2000, 0, 2000, sgd, none));
        c.add(train("2-8-8-1-tanh-b10", new int[] {2, 8, 8, 1}, T, S, Loss.BCE, 500, 500, 10, sgd, none));
        c.add(train("2-8-8-1-relu-b1-mom", new int[] {2, 8, 8, 1}, R, S, Loss.BCE, 500, 0, 1, mom, none));
        c.add(train("64-256-256-10-b32-adam", new int[] {64, 256, 256, 10}, R, X, Loss.CE, 200, 0, 32, adam, none));
        c.add(train("64-256-256-10-b1-adam", new int[] {64, 256, 256, 10}, R, X, Loss.CE, 50, 0, 1, adam, none));
        c.add(train(
                "784-128-10-sigmoid-l2", new int[] {784, 128, 10}, S, X, Loss.CE, 100, 0, 10, sgd, Regularization.L2));
        c.add(train("2-1-rows-full", new int[] {2, 1}, T, L, Loss.MSE, 10000, 0, 10000, sgd, none));
        c.add(train("2-1-b1", new int[] {2, 1}, T, L, Loss.MSE, 2000, 0, 1, sgd, none));
        c.add(train("7-8x6-2-b1-tanh", new int[] {7, 8, 8, 8, 8, 8, 8, 2}, T, X, Loss.CE, 500, 0, 1, sgd, none));
        c.add(train("10-32-1-big-test", new int[] {10, 32, 1}, T, S, Loss.BCE, 100, 20000, 100, sgd, none));
        c.add(train(
                "32-128-128-1-b1-l1", new int[] {32, 128, 128, 1}, T, L, Loss.MSE, 100, 0, 1, rms, Regularization.L1));
        c.add(train(
                "256-256-256-256-b64-sigmoid",
                new int[] {256, 256, 256, 256},
                S,
                S,
                Loss.BCE,
                256,
                256,
                64,
                adam,
                none));
        c.add(train("8-64-sigmoid-outputs", new int[] {8, 64}, T, S, Loss.BCE, 1000, 0, 10, sgd, none));
        c.add(train("16-32-32-linear-outputs", new int[] {16, 32, 32}, R, L, Loss.MSE, 1000, 0, 10, sgd, none));
        c.add(gradcheck("gc-2-8-8-1", new int[] {2, 8, 8, 1}, T, S, Loss.BCE, 50));
        c.add(gradcheck("gc-16-64-64-4", new int[] {16, 64, 64, 4}, R, X, Loss.CE, 20));
        c.add(gradcheck("gc-softmax256", new int[] {0, 256}, T, X, Loss.CE, 390));
        c.add(gradcheck("gc-64-256-10", new int[] {64, 256, 10}, T, X, Loss.CE, 5));
        return c;
    }

    public static void run(String[] args, PrintStream out) {
        double target = 0.5;
        boolean csv = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--target") && i + 1 < args.length) target = Double.parseDouble(args[++i]);
            else if (args[i].equals("--csv")) csv = true;
            else
                throw new IllegalArgumentException(
                        "bench api-cost takes --target S (seconds per case) and --csv, not " + args[i]);
        }
        if (!(target > 0 && target <= 10)) throw new IllegalArgumentException("--target must be in (0, 10] seconds");
        List<Case> cases = spread();
        out.printf(
                Locale.ROOT,
                "api-cost bench: Java %s, %d cores, each case sized to %.2f s predicted; CPU time of this thread%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                target);
        // warm-up: every case once, small, so the JIT has compiled the kernels before anything is timed
        for (Case c : cases) c.run(epochsFor(c, target / 10));
        out.printf(Locale.ROOT, "%-30s %7s %12s %12s %8s%n", "case", "epochs", "predicted s", "measured s", "ratio");
        List<double[]> rows = new ArrayList<>();
        List<Double> measured = new ArrayList<>();
        for (Case c : cases) {
            int epochs = epochsFor(c, target);
            ApiCost.Terms terms = c.terms(epochs);
            long ns = c.run(epochs);
            rows.add(terms.counts());
            measured.add((double) ns);
            out.printf(
                    Locale.ROOT,
                    "%-30s %7d %12.3f %12.3f %8.2f%n",
                    c.name(),
                    epochs,
                    terms.units() / 1e9,
                    ns / 1e9,
                    ns / terms.units());
        }
        if (csv) {
            // the terms and the measured nanoseconds, one case a line, to fit elsewhere
            StringBuilder header = new StringBuilder("case");
            for (ApiCost.Term t : ApiCost.Term.values()) header.append(',').append(t);
            out.println(header.append(",measuredNs"));
            for (int r = 0; r < rows.size(); r++) {
                StringBuilder line = new StringBuilder(cases.get(r).name());
                for (double v : rows.get(r)) line.append(',').append(v);
                out.println(line.append(',').append(measured.get(r).longValue()));
            }
        }
        double[] fit = fit(rows, measured);
        out.println("fitted coefficients (ns per term; no case above its prediction):");
        for (ApiCost.Term t : ApiCost.Term.values()) out.printf(Locale.ROOT, "  %-16s %10.3f%n", t, fit[t.ordinal()]);
        out.printf(Locale.ROOT, "%-30s %12s %12s %8s%n", "with the fit:", "predicted s", "measured s", "ratio");
        for (int r = 0; r < rows.size(); r++) {
            double p = dot(rows.get(r), fit);
            out.printf(
                    Locale.ROOT,
                    "%-30s %12.3f %12.3f %8.2f%n",
                    cases.get(r).name(),
                    p / 1e9,
                    measured.get(r) / 1e9,
                    measured.get(r) / p);
        }
    }

    /** Epochs that ApiCost predicts at {@code seconds} (1 for a gradient check, which has none). */
    static int epochsFor(Case c, double seconds) {
        if (c.gradcheck()) return 1;
        double perEpoch = c.terms(1).units();
        return (int) Math.max(1, Math.min(Limits.MAX_EPOCHS, Math.round(seconds * 1e9 / perEpoch)));
    }

    /**
     * Non-negative least squares on relative error (each case's row divided by its measured time),
     * by cyclic coordinate descent; then scaled up so that no case measured more than predicted.
     */
    static double[] fit(List<double[]> rows, List<Double> measured) {
        int n = rows.size(), k = rows.get(0).length;
        double[][] a = new double[n][k];
        for (int r = 0; r < n; r++) for (int j = 0; j < k; j++) a[r][j] = rows.get(r)[j] / measured.get(r);
        double[] x = ApiCost.COEFFICIENTS.clone(), residual = new double[n];
        for (int r = 0; r < n; r++) residual[r] = dot(a[r], x) - 1;
        for (int sweep = 0; sweep < 20_000; sweep++) {
            for (int j = 0; j < k; j++) {
                double g = 0, h = 0;
                for (int r = 0; r < n; r++) {
                    g += a[r][j] * residual[r];
                    h += a[r][j] * a[r][j];
                }
                if (h == 0) continue;
                double next = Math.max(0, x[j] - g / h), d = next - x[j];
                if (d == 0) continue;
                x[j] = next;
                for (int r = 0; r < n; r++) residual[r] += a[r][j] * d;
            }
        }
        double worst = 0;
        for (int r = 0; r < n; r++) worst = Math.max(worst, 1 / (residual[r] + 1));
        for (int j = 0; j < k; j++) x[j] *= worst;
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
