package org.backprop.playground.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.EngineInfo;
import org.backprop.playground.engine.GridEvaluator;
import org.backprop.playground.engine.Hyperparameters;
import org.backprop.playground.engine.Init;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.SeedRandom;
import org.backprop.playground.engine.Trainer;

/**
 * `java -jar backprop-playground.jar bench [--seconds S] [--rounds R] [--only W1|W2|W3] [--same-jvm]`: epochs
 * per second for the workloads of shared/oracle/README.md, beside TF Playground's figures there
 * and the targets (see {@link Workload}). An epoch is what TF Playground's oneStep does, which is
 * what its figures measured (its nn.ts run here in Node gives 4,653 / 205 epochs/s that way, and
 * 9,751 / 439 for the training pass alone): a training pass over the rows, then the train and test
 * loss; W3 adds the output and every neuron on a 100 × 100 grid. The last column is the training
 * pass alone, for reference. Each figure is the median of R rounds of S seconds after one warm-up
 * round; rounds are timed by the wall clock, so a busy machine shows lower figures.
 *
 * <p>Each workload runs in a JVM of its own, as JMH forks one per benchmark: the JIT compiles the
 * shared kernels for the shapes it meets first, and W2 measured after W1 in the same JVM ran about
 * a fifth slower than alone. {@code --same-jvm} runs them all here, one after another.
 */
public final class Benchmark {
    private static final int GRID = 100;

    private Benchmark() {}

    public static void run(String[] args) {
        run(args, System.out);
    }

    /** As {@link #run(String[])}, printing to {@code out}; bad arguments throw IllegalArgumentException. */
    public static void run(String[] args, java.io.PrintStream out) {
        if (args.length > 0 && args[0].equals("memory")) {
            MemoryBench.run(Arrays.copyOfRange(args, 1, args.length), out);
            return;
        }
        double seconds = 1.0;
        int rounds = 5;
        String only = null;
        boolean sameJvm = false, header = true;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--same-jvm" -> sameJvm = true;
                case "--no-header" -> header = false; // a forked JVM's output: its row alone
                case "--seconds", "--rounds", "--only" -> {
                    if (++i >= args.length) throw new IllegalArgumentException(option + " needs a value");
                    switch (option) {
                        case "--seconds" -> seconds = Double.parseDouble(args[i]);
                        case "--rounds" -> rounds = Integer.parseInt(args[i]);
                        default -> only = args[i];
                    }
                }
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + option + "; use --seconds S --rounds R --only W1|W2|W3 --same-jvm");
            }
        }
        if (!(seconds > 0) || rounds < 1) throw new IllegalArgumentException("--seconds must be > 0 and --rounds >= 1");
        if (only != null && !only.matches("(?i)W[123]"))
            throw new IllegalArgumentException("--only takes W1, W2 or W3, not " + only);
        if (header) {
            out.printf(
                    "Backprop Playground engine benchmark: Java %s, %d cores, %d rounds of %.1f s, median shown, %s%n",
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(),
                    rounds,
                    seconds,
                    sameJvm
                            ? "all workloads in this JVM; " + EngineInfo.describe()
                            : "each workload in a JVM of its own, started as the server is: " + ServerJvm.text());
            out.printf(
                    "%-4s %-18s %-9s %12s %14s %8s %10s %6s %18s%n",
                    "",
                    "shape",
                    "train/test",
                    "epochs/s",
                    "TF Playground",
                    "ratio",
                    "target",
                    "",
                    "training pass only");
        }
        for (Workload w : Workload.all()) {
            if (only != null && !w.name().equalsIgnoreCase(only)) continue;
            if (sameJvm) row(w, seconds, rounds, out);
            else out.print(forked(w, seconds, rounds));
        }
    }

    private static void row(Workload w, double seconds, int rounds, java.io.PrintStream out) {
        // the training pass alone first: the JIT compiles the kernels for training batches, not the loss's chunks
        double trainingOnly = median(w, false, seconds, rounds, out);
        // the verdict is taken on the figure as printed: 399.6 shows as 400, and 400 meets a target of 400
        long epochs = Math.round(median(w, true, seconds, rounds, out));
        if (!EngineInfo.vectorized()) out.println("(" + w.name() + ": " + EngineInfo.describe() + ")");
        double target = w.targetEpochsPerSecond();
        out.printf(
                "%-4s %-18s %4d/%-4d %12d %14.1f %7.1fx %10.0f %6s %18.0f%n",
                w.name(),
                w.shapeText(),
                w.train().count(),
                w.test().count(),
                epochs,
                w.tfPlaygroundEpochsPerSecond(),
                epochs / w.tfPlaygroundEpochsPerSecond(),
                target,
                epochs >= target ? "met" : "BELOW",
                trainingOnly);
    }

    /** One workload's row from a fresh JVM: this java, this class path, this command with --only. */
    private static String forked(Workload w, double seconds, int rounds) {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // started as the README starts the server, so the engine runs its Vector API path
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(ServerJvm.OPTIONS);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "org.backprop.playground.Main",
                "bench",
                "--same-jvm",
                "--no-header",
                "--only",
                w.name(),
                "--seconds",
                Double.toString(seconds),
                "--rounds",
                Integer.toString(rounds)));
        try {
            Process child =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = child.waitFor();
            if (code != 0) throw new IllegalStateException(w.name() + "'s JVM exited with " + code + ":\n" + text);
            // the JVM's own notice that it runs an incubator module is not part of the row
            return text.replaceAll("(?m)^WARNING: Using incubator modules: .*\\R", "");
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not start a JVM for " + w.name() + " (" + java + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + w.name() + " ran", e);
        }
    }

    private static double median(Workload w, boolean losses, double seconds, int rounds, java.io.PrintStream out) {
        Network net = Network.create(
                w.shape(), Activation.TANH, Activation.TANH, Loss.SQUARE, Init.TF, new SeedRandom("bench"));
        Trainer trainer = new Trainer(net, Hyperparameters.defaults());
        GridEvaluator grid = new GridEvaluator(GRID * GRID);
        float[] gridInputs = gridInputs();
        double[] sink = new double[1];
        Runnable epoch = () -> {
            trainer.trainEpoch(w.train());
            if (losses) {
                double[] trainAndTest = trainer.meanLosses(w.train(), w.test());
                sink[0] += trainAndTest[0] + trainAndTest[1];
            }
            if (w.grid()) sink[0] += grid.evaluate(net, gridInputs)[0][0][0];
        };
        measure(epoch, seconds); // warm-up: let the JIT compile the loops
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) rates[r] = measure(epoch, seconds);
        Arrays.sort(rates);
        if (Double.isNaN(sink[0])) out.println("(the network diverged; figures still stand)");
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
