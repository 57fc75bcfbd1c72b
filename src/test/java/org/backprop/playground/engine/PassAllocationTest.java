package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pass asked to grow past the heap throws OutOfMemoryError and is left as it was: the same pass
 * then trains and evaluates at its old size exactly as a fresh one (before, it kept the new
 * capacity without the arrays, and every later frame failed).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@Tag("unit")
class PassAllocationTest {
    /** 1-1-1: every array of a pass is one row of the batch, so a batch of {@link #tooBig()} is one array larger than the heap. */
    private static final int[] SIZES = {1, 1, 1};

    /** Samples no heap of this JVM holds in one array of doubles (and few enough that sizes stay ints). */
    private static int tooBig() {
        long need = Runtime.getRuntime().maxMemory() / Double.BYTES + (1 << 20);
        assumeTrue(need < 1 << 30, "the heap is too large to outgrow with one array");
        return (int) need;
    }

    @Test
    void a_failed_training_allocation_leaves_a_pass_that_still_trains() {
        Network net = Network.create(
                SIZES, Activation.TANH, Activation.TANH, Loss.SQUARE, Init.XAVIER, new SeedRandom("oom"));
        double[] x = {0.5, -1, 2, 0.25, -0.75, 1.5, -2, 1}, t = {1, -1, 1, 1, -1, 1, -1, 1};
        Pass pass = new Pass(net.layout, 1);
        int huge = tooBig();
        assertThrows(OutOfMemoryError.class, () -> pass.forward(net, x, 0, huge));
        pass.forward(net, x, 0, 8);
        double[] grads = new double[net.layout.numParams()];
        pass.backward(net, t, 0, grads);

        Pass fresh = new Pass(net.layout, 1);
        fresh.forward(net, x, 0, 8);
        double[] expected = new double[net.layout.numParams()];
        fresh.backward(net, t, 0, expected);
        assertArrayEquals(fresh.a(1), pass.a(1), "outputs");
        assertArrayEquals(expected, grads, "gradients");
    }

    @Test
    void a_failed_evaluation_allocation_leaves_a_pass_that_still_evaluates() {
        Network net = Network.create(
                SIZES, Activation.TANH, Activation.TANH, Loss.SQUARE, Init.XAVIER, new SeedRandom("oom"));
        Samples rows = Samples.of(
                new double[][] {{0.5}, {-1}, {2}, {0.25}, {-0.75}}, new double[][] {{1}, {-1}, {1}, {1}, {-1}});
        Pass pass = new Pass(net.layout, 1);
        int huge = tooBig();
        assertThrows(OutOfMemoryError.class, () -> pass.beginRows(huge));
        Evaluation.Score score = Evaluation.score(net, rows, pass, true);
        Evaluation.Score expected = Evaluation.score(net, rows, new Pass(net.layout, 1), true);
        assertEquals(expected, score);
    }
}
