package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The tutorials' printed numbers (shared/seeds), reproduced by the engine. */
@Tag("unit")
class WorkedExamplesTest {
    private static final double TOL = 1e-9;

    /**
     * Tutorial 000: X=[1,2], Y=1, W1=[[0.5,0.3],[0.2,0.4]], b1=[0.1,0.2], W2=[0.6,0.7], b2=0.15.
     * Z1 = [0.5+0.6+0.1, 0.2+0.8+0.2] = [1.2, 1.2] = A1 (ReLU); Z2 = 0.72+0.84+0.15 = 1.71;
     * A2 = σ(1.71) = 0.8468362842; loss = −ln A2 = 0.166247892; δ2 = A2 − 1 = −0.1531637158;
     * dW2 = δ2·A1 = −0.1837964589 each; db1 = W2ᵀδ2 ⊙ 1 = [−0.0918982295, −0.1072146011].
     */
    static Network seed000() {
        Network net = Network.create(
                new int[] {2, 2, 1}, Activation.RELU, Activation.SIGMOID, Loss.BCE, Init.ZERO, new SeedRandom("x"));
        System.arraycopy(new double[] {0.5, 0.3, 0.2, 0.4, 0.1, 0.2, 0.6, 0.7, 0.15}, 0, net.params, 0, 9);
        return net;
    }

    static final Samples SEED_000_SAMPLE = Samples.of(new double[][] {{1, 2}}, new double[][] {{1}});

    @Test
    void forward_matches_seed_000() {
        Network net = seed000();
        Pass pass = new Pass(net.layout, 1);
        pass.forward(net, SEED_000_SAMPLE.inputs(), 0, 1);
        assertArrayEquals(new double[] {1.2, 1.2}, java.util.Arrays.copyOf(pass.z(0), 2), TOL);
        assertArrayEquals(new double[] {1.2, 1.2}, java.util.Arrays.copyOf(pass.a(0), 2), TOL);
        assertEquals(1.71, pass.z(1)[0], TOL);
        assertEquals(0.8468362842, pass.a(1)[0], TOL);
        assertEquals(0.166247892, pass.lossSum(net, SEED_000_SAMPLE.targets(), 0), TOL);
    }

    @Test
    void backward_matches_seed_000() {
        Network net = seed000();
        double[] g = GradientCheck.gradient(net, SEED_000_SAMPLE, Regularization.NONE, 0);
        Layout lay = net.layout;
        // dW1 = δ1 Xᵀ = [[-0.0918982295, -0.183796459], [-0.1072146011, -0.2144292022]]
        assertArrayEquals(
                new double[] {-0.0918982295, -0.1837964589, -0.1072146011, -0.2144292022},
                java.util.Arrays.copyOfRange(g, lay.weightOffset(0), lay.weightOffset(0) + 4),
                TOL);
        assertArrayEquals(
                new double[] {-0.0918982295, -0.1072146011},
                java.util.Arrays.copyOfRange(g, lay.biasOffset(0), lay.biasOffset(0) + 2),
                TOL);
        assertArrayEquals(
                new double[] {-0.1837964589, -0.1837964589},
                java.util.Arrays.copyOfRange(g, lay.weightOffset(1), lay.weightOffset(1) + 2),
                TOL);
        assertEquals(-0.1531637158, g[lay.biasOffset(1)], TOL);
    }

    @Test
    void update_matches_seed_000_at_lr_0_1() {
        Network net = seed000();
        Trainer trainer = new Trainer(
                net, Hyperparameters.defaults().withLearningRate(0.1).withBatchSize(1));
        trainer.trainEpoch(SEED_000_SAMPLE);
        // W2 − 0.1·dW2 = 0.6 + 0.01837964589, 0.7 + 0.01837964589; b2 = 0.15 + 0.01531637158
        assertArrayEquals(new double[] {0.61837964589, 0.71837964589}, net.weights(1)[0], TOL);
        assertEquals(0.16531637158, net.bias(1, 0), TOL);
        assertArrayEquals(new double[] {0.50918982295, 0.31837964589}, net.weights(0)[0], TOL);
        assertArrayEquals(new double[] {0.21072146011, 0.42144292022}, net.weights(0)[1], TOL);
        assertArrayEquals(new double[] {0.10918982295, 0.21072146011}, net.biases(0), TOL);
    }

    /**
     * Tutorial 004, one sigmoid neuron, no bias in the tutorial (ours starts at 0; only W is
     * compared): X=[0.5,0.8], y=1, W=[0.2,0.4], loss ½(y−r)², lr 0.1 → W=[0.20474415, 0.40759064].
     */
    @Test
    void one_neuron_update_matches_seed_004() {
        Network net = Network.create(
                new int[] {2, 1}, Activation.SIGMOID, Activation.SIGMOID, Loss.SQUARE, Init.ZERO, new SeedRandom("x"));
        net.setWeight(0, 0, 0, 0.2);
        net.setWeight(0, 0, 1, 0.4);
        net.setBias(0, 0, 0);
        new Trainer(net, Hyperparameters.defaults().withLearningRate(0.1).withBatchSize(1))
                .trainEpoch(Samples.of(new double[][] {{0.5, 0.8}}, new double[][] {{1}}));
        assertArrayEquals(new double[] {0.20474415, 0.40759064}, net.weights(0)[0], 1e-8);
    }

    /**
     * Tutorial 004, 2-2-1 ReLU (ReLU output too), square loss, lr 0.01, X=[0.5,0.8], y=1. The
     * tutorial's arrays are (in,out); ours (out,in), so its W1=[[0.2,0.4],[0.1,0.3]] is our
     * [[0.2,0.1],[0.4,0.3]]. z1=[0.28,0.64], z2=0.824, δ2=−0.176, δ1=[−0.088,−0.1056].
     */
    @Test
    void two_layer_relu_update_matches_seed_004() {
        Network net = Network.create(
                new int[] {2, 2, 1}, Activation.RELU, Activation.RELU, Loss.SQUARE, Init.ZERO, new SeedRandom("x"));
        System.arraycopy(new double[] {0.2, 0.1, 0.4, 0.3, 0.1, 0.2, 0.5, 0.6, 0.3}, 0, net.params, 0, 9);
        new Trainer(net, Hyperparameters.defaults().withLearningRate(0.01).withBatchSize(1))
                .trainEpoch(Samples.of(new double[][] {{0.5, 0.8}}, new double[][] {{1}}));
        // printed: W2=[[0.5004928],[0.6011264]], W1=[[0.20044,0.400528],[0.100704,0.3008448]] (in×out)
        assertArrayEquals(new double[] {0.5004928, 0.6011264}, net.weights(1)[0], TOL);
        assertArrayEquals(new double[] {0.20044, 0.100704}, net.weights(0)[0], TOL);
        assertArrayEquals(new double[] {0.400528, 0.3008448}, net.weights(0)[1], TOL);
    }

    /**
     * Tutorial 004's "guess 42": one parameter, loss ½(guess − 42)², lr 0.1. Here the parameter
     * is the bias of a layer with no inputs. Its printed run starts from the guess g0 for which
     * the first update gives 3.51776248838994, i.e. g0 = (3.51776248838994 − 4.2) / 0.9.
     */
    @Test
    void guess_42_converges_as_printed_in_seed_004() {
        Network net = Network.create(
                new int[] {0, 1}, Activation.LINEAR, Activation.LINEAR, Loss.SQUARE, Init.ZERO, new SeedRandom("x"));
        net.setBias(0, 0, (3.51776248838994 - 4.2) / 0.9);
        Samples one = Samples.of(new double[][] {{}}, new double[][] {{42}});
        Trainer trainer = new Trainer(
                net, Hyperparameters.defaults().withLearningRate(0.1).withBatchSize(1));
        assertEquals(914.1250641357832, trainer.meanLoss(one), 1e-9);
        trainer.trainEpoch(one);
        assertEquals(3.51776248838994, net.bias(0, 0), 1e-12);
        for (int epoch = 1; epoch <= 50; epoch++) trainer.trainEpoch(one);
        // printed after i = 50: guess 41.80167119839046
        assertEquals(41.80167119839046, net.bias(0, 0), 1e-9);
        for (int epoch = 51; epoch <= 100; epoch++) trainer.trainEpoch(one);
        assertEquals(41.998977857939366, net.bias(0, 0), 1e-9);
        for (int epoch = 101; epoch < 500; epoch++) trainer.trainEpoch(one);
        assertEquals(42, net.bias(0, 0), 1e-12);
    }
}
