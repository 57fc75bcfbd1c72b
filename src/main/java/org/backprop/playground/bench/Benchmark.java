package org.backprop.playground.bench;

import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.GridEvaluator;
import org.backprop.playground.engine.Hyperparameters;
import org.backprop.playground.engine.Init;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.SeedRandom;
import org.backprop.playground.engine.Trainer;

import java.util.Arrays;

/**
 * `java -jar backprop-playground.jar bench [--seconds S] [--rounds R] [--only W1]`: epochs per second for the
 * oracle's workloads, printed beside TF Playground's figures from shared/oracle/README.md.
 * One epoch is what the playground does per step, like TF Playground's oneStep: a training pass,
 * then the train and test loss (and for W3 the grid). "train only" leaves the losses out.
 */
public final class Benchmark {
    private static final int GRID = 100;

    private Benchmark() {}

    public static void run(String[] args) {
        double seconds = 1.0;
        int rounds = 5;
        String only = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--only" -> only = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --seconds S --rounds R --only W1|W2|W3");
            }
        }
        System.out.printf("Backprop Playground engine benchmark: Java %s, %d cores, %d rounds of %.1f s, median shown%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds, seconds);
        System.out.printf("%-4s %-18s %-9s %14s %14s %14s %8s%n",
                "", "shape", "train/test", "epochs/s", "train only", "TF Playground", "ratio");
        for (Workload w : Workload.all()) {
            if (only != null && !w.name().equalsIgnoreCase(only)) continue;
            double full = median(w, true, seconds, rounds);
            double trainOnly = w.grid() ? Double.NaN : median(w, false, seconds, rounds);
            System.out.printf("%-4s %-18s %4d/%-4d %14.0f %14s %14.1f %7.0fx%n", w.name(), w.shapeText(),
                    w.train().count(), w.test().count(), full,
                    Double.isNaN(trainOnly) ? "-" : String.format("%.0f", trainOnly),
                    w.tfPlaygroundEpochsPerSecond(), full / w.tfPlaygroundEpochsPerSecond());
        }
    }

    private static double median(Workload w, boolean full, double seconds, int rounds) {
        Network net = Network.create(w.shape(), Activation.TANH, Activation.TANH, Loss.SQUARE, Init.TF, new SeedRandom("bench"));
        Trainer trainer = new Trainer(net, Hyperparameters.defaults());
        GridEvaluator grid = new GridEvaluator(GRID * GRID);
        float[] gridInputs = gridInputs();
        double[] sink = new double[1];
        Runnable epoch = () -> {
            trainer.trainEpoch(w.train());
            if (full) sink[0] += trainer.meanLoss(w.train()) + trainer.meanLoss(w.test());
            if (w.grid()) sink[0] += grid.evaluate(net, gridInputs)[0][0];
        };
        measure(epoch, seconds); // warm-up: let the JIT compile the loops
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) rates[r] = measure(epoch, seconds);
        Arrays.sort(rates);
        if (Double.isNaN(sink[0])) System.out.println("(the network diverged; figures still stand)");
        return rates[rounds / 2];
    }

    private static double measure(Runnable epoch, double seconds) {
        long budget = (long) (seconds * 1e9), start = System.nanoTime(), count = 0;
        long now;
        do {
            epoch.run();
            count++;
            now = System.nanoTime();
        } while (now - start < budget);
        return count / ((now - start) / 1e9);
    }

    /** x, y over [−6, 6]² as TF Playground's heatmap samples it, feature-major (2, P). */
    static float[] gridInputs() {
        float[] in = new float[2 * GRID * GRID];
        for (int j = 0; j < GRID; j++) {
            for (int i = 0; i < GRID; i++) {
                int p = j * GRID + i;
                in[p] = (float) (-6 + 12.0 * i / (GRID - 1));
                in[GRID * GRID + p] = (float) (6 - 12.0 * j / (GRID - 1));
            }
        }
        return in;
    }
}
