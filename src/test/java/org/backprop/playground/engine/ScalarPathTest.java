package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A JVM started without {@code --add-modules jdk.incubator.vector} (a plain {@code java -jar})
 * runs the engine's scalar loops; it must train to the very bits the Vector API path gives here.
 */
@Tag("socket")
class ScalarPathTest {
    @Test
    void a_jvm_without_the_vector_api_trains_to_the_same_bits() throws Exception {
        assertTrue(FastMath.VECTORIZED, "this test JVM should have the Vector API (surefire's argLine)");
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), TrainingFigures.class.getName())
                .redirectErrorStream(true)
                .start();
        String scalar = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), scalar);
        assertTrue(scalar.startsWith("vectorized=false\n"), "the child JVM should run the scalar loops:\n" + scalar);
        List<String> here = TrainingFigures.figures();
        List<String> there = scalar.lines().skip(1).toList();
        assertEquals(here.size(), there.size(), scalar);
        assertFalse(here.isEmpty());
        for (int i = 0; i < here.size(); i++) assertEquals(here.get(i), there.get(i), "line " + i);
    }

    /** Trains a few networks (odd batch sizes, every hidden activation, three output kinds, layers narrow and wide) and prints each epoch's losses and the final weights as bits. */
    public static final class TrainingFigures {
        public static void main(String[] args) {
            System.out.println("vectorized=" + FastMath.VECTORIZED);
            figures().forEach(System.out::println);
        }

        static List<String> figures() {
            List<String> lines = new ArrayList<>();
            Object[][] nets = {
                {new int[] {2, 4, 2, 1}, Activation.TANH, Activation.TANH, Loss.SQUARE, 10},
                {new int[] {3, 9, 5, 1}, Activation.TANH, Activation.SIGMOID, Loss.BCE, 7},
                {new int[] {2, 6, 3}, Activation.RELU, Activation.SOFTMAX, Loss.CE, 13},
                {new int[] {4, 3, 3, 2}, Activation.LEAKY_RELU, Activation.TANH, Loss.MSE, 1},
                {new int[] {2, 8, 8, 8, 1}, Activation.TANH, Activation.TANH, Loss.SQUARE, 10
                }, // W2's layers: 8 columns in vectors, 2 in blocks
            };
            SeedRandom rng = new SeedRandom("scalar path");
            for (Object[] spec : nets) {
                int[] shape = (int[]) spec[0];
                Loss loss = (Loss) spec[3];
                Network net = Network.create(shape, (Activation) spec[1], (Activation) spec[2], loss, Init.TF, rng);
                Samples train = randomSet(123, shape[0], shape[shape.length - 1], loss, rng),
                        test = randomSet(77, shape[0], shape[shape.length - 1], loss, rng);
                Trainer trainer = new Trainer(
                        net,
                        Hyperparameters.defaults()
                                .withBatchSize((Integer) spec[4])
                                .withLearningRate(0.1));
                for (int e = 0; e < 15; e++) {
                    trainer.trainEpoch(train);
                    double[] l = trainer.meanLosses(train, test);
                    lines.add(Long.toHexString(Double.doubleToLongBits(l[0])) + " "
                            + Long.toHexString(Double.doubleToLongBits(l[1])));
                }
                StringBuilder weights = new StringBuilder();
                for (double p : net.params)
                    weights.append(Long.toHexString(Double.doubleToLongBits(p))).append(' ');
                lines.add(weights.toString().trim());
            }
            return lines;
        }

        private static Samples randomSet(int n, int width, int K, Loss loss, SeedRandom rng) {
            double[] x = new double[n * width], t = new double[n * K];
            for (int i = 0; i < x.length; i++) x[i] = rng.uniform(-6, 6);
            for (int r = 0; r < n; r++) {
                if (loss == Loss.CE) t[r * K + (int) (rng.uniform(0, 1) * K)] = 1;
                else
                    for (int k = 0; k < K; k++)
                        t[r * K + k] = loss == Loss.BCE ? (rng.uniform(0, 1) < 0.5 ? 0 : 1) : rng.uniform(-1, 1);
            }
            return new Samples(x, t, n, width, K);
        }
    }
}
