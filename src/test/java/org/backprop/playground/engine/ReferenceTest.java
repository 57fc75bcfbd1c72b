package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fast engine ({@link Trainer}: packed passes, blocked kernels, its own tanh) against the plain
 * {@link Reference}: twenty epochs of training, every activation, loss, optimizer and penalty, with
 * batches that leave samples over (they carry into the next epoch's first update), from the same
 * initial weights. The losses and the final weights agree to 1e-12 (measured: 1e-15 or closer): the fast path sums a
 * batch's gradients before adding them and its tanh is within a few ulps of StrictMath's.
 */
@Tag("unit")
class ReferenceTest {
    private static final double TOLERANCE = 1e-12;
    private static final int EPOCHS = 20;

    private record Case(
            String name,
            int[] sizes,
            Activation hidden,
            Activation output,
            Loss loss,
            Optimizer.Kind optimizer,
            Regularization reg,
            double rate,
            int batch,
            double lr) {}

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        int[] small = {2, 4, 3, 1};
        for (Activation hidden : new Activation[] {
            Activation.TANH, Activation.RELU, Activation.SIGMOID, Activation.LINEAR, Activation.LEAKY_RELU
        }) {
            c.add(new Case(
                    hidden.key + " / tanh, square, sgd",
                    small,
                    hidden,
                    Activation.TANH,
                    Loss.SQUARE,
                    Optimizer.Kind.SGD,
                    Regularization.NONE,
                    0,
                    10,
                    0.03));
        }
        c.add(new Case(
                "relu / sigmoid, bce, sgd",
                small,
                Activation.RELU,
                Activation.SIGMOID,
                Loss.BCE,
                Optimizer.Kind.SGD,
                Regularization.NONE,
                0,
                7,
                0.1));
        c.add(new Case(
                "tanh / softmax, ce (3 classes), sgd",
                new int[] {2, 5, 3},
                Activation.TANH,
                Activation.SOFTMAX,
                Loss.CE,
                Optimizer.Kind.SGD,
                Regularization.NONE,
                0,
                8,
                0.1));
        c.add(new Case(
                "tanh / linear, mse (2 outputs), sgd",
                new int[] {3, 4, 2},
                Activation.TANH,
                Activation.LINEAR,
                Loss.MSE,
                Optimizer.Kind.SGD,
                Regularization.NONE,
                0,
                6,
                0.03));
        for (Optimizer.Kind o :
                new Optimizer.Kind[] {Optimizer.Kind.MOMENTUM, Optimizer.Kind.ADAM, Optimizer.Kind.RMSPROP}) {
            c.add(new Case(
                    "tanh / tanh, square, " + o.key,
                    small,
                    Activation.TANH,
                    Activation.TANH,
                    Loss.SQUARE,
                    o,
                    Regularization.NONE,
                    0,
                    10,
                    0.01));
        }
        c.add(new Case(
                "tanh, square, sgd, L1",
                small,
                Activation.TANH,
                Activation.TANH,
                Loss.SQUARE,
                Optimizer.Kind.SGD,
                Regularization.L1,
                0.01,
                10,
                0.1));
        c.add(new Case(
                "tanh, square, sgd, L2",
                small,
                Activation.TANH,
                Activation.TANH,
                Loss.SQUARE,
                Optimizer.Kind.SGD,
                Regularization.L2,
                0.03,
                10,
                0.1));
        c.add(new Case(
                "relu 8x3, square, adam, L2, batch 1",
                new int[] {2, 8, 8, 8, 1},
                Activation.RELU,
                Activation.TANH,
                Loss.SQUARE,
                Optimizer.Kind.ADAM,
                Regularization.L2,
                0.001,
                1,
                0.003));
        return c;
    }

    @Test
    void twenty_epochs_of_the_fast_engine_are_the_references_for_every_kind_of_layer_loss_optimizer_and_penalty() {
        for (Case c : cases()) {
            SeedRandom rng = new SeedRandom(c.name);
            int n = 53, IN = c.sizes[0], K = c.sizes[c.sizes.length - 1]; // 53 rows: every batch here leaves some over
            double[][] x = new double[n][IN], t = new double[n][K];
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < IN; i++) x[r][i] = rng.uniform(-3, 3);
                if (c.output == Activation.SOFTMAX) t[r][(int) Math.floor(rng.nextDouble() * K)] = 1;
                else
                    for (int k = 0; k < K; k++)
                        t[r][k] = c.loss == Loss.BCE
                                ? (x[r][0] * x[r][1] > 0 ? 1 : 0)
                                : 0.8 * Math.tanh(x[r][0] * x[r][IN - 1] - k);
            }
            Network fast = Network.create(c.sizes, c.hidden, c.output, c.loss, Init.XAVIER, rng), plain = fast.copy();
            Hyperparameters hyper = new Hyperparameters(c.lr, c.batch, c.optimizer, c.reg, c.rate);
            Trainer trainer = new Trainer(fast, hyper);
            Reference.Training reference = new Reference.Training(plain, hyper);
            Samples rows = Samples.of(x, t);
            double worst = 0;
            for (int e = 0; e < EPOCHS; e++) {
                trainer.trainEpoch(rows);
                reference.epoch(x, t);
                worst = Math.max(worst, relative(trainer.meanLoss(rows), reference.meanLoss(x, t)));
            }
            for (int i = 0; i < fast.params.length; i++)
                worst = Math.max(worst, relative(fast.params[i], plain.params[i]));
            System.out.printf(
                    "%-40s loss %.6f, largest difference from the reference %.1e%n",
                    c.name, reference.meanLoss(x, t), worst);
            assertTrue(worst <= TOLERANCE, c.name + ": the fast engine is " + worst + " from the reference");
        }
    }

    private static double relative(double a, double b) {
        return Math.abs(a - b) / Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
