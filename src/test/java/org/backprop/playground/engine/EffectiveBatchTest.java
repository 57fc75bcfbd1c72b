package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The batch in effect is min(batchSize, training points): a batch larger than the set still updates. */
@Tag("unit")
class EffectiveBatchTest {
    private static final Samples XOR =
            Samples.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{-1}, {1}, {1}, {-1}});

    private static Network net() {
        return Network.create(
                new int[] {2, 3, 1}, Activation.TANH, Activation.TANH, Loss.SQUARE, Init.TF, new SeedRandom("7"));
    }

    @Test
    void the_batch_in_effect_is_capped_by_the_points_and_never_zero() {
        assertEquals(4, Hyperparameters.effectiveBatchSize(10, 4));
        assertEquals(4, Hyperparameters.effectiveBatchSize(4, 4));
        assertEquals(3, Hyperparameters.effectiveBatchSize(3, 4));
        assertEquals(
                10, Hyperparameters.effectiveBatchSize(10, 0), "no points: nothing to cap, and never a batch of 0");
        Hyperparameters tf = Hyperparameters.defaults();
        assertSame(tf, tf.forTrainingSet(250), "unchanged where batchSize <= points: the same object, the same bits");
        assertEquals(4, tf.forTrainingSet(4).batchSize());
    }

    /** TF's own rule never updates on 4 points at batch 10; capped, each epoch is one update of all 4, as batch 4 is. */
    @Test
    void a_batch_larger_than_the_set_trains_as_one_batch_of_all_of_it() {
        Network raw = net(), capped = net(), four = net();
        double[] start = raw.params.clone();
        Hyperparameters ten = Hyperparameters.defaults().withLearningRate(0.3);
        Trainer tfRule = new Trainer(raw, ten);
        Trainer rule = new Trainer(capped, ten.forTrainingSet(XOR.count()));
        Trainer batchFour = new Trainer(four, ten.withBatchSize(4));
        for (int e = 0; e < 20; e++) {
            tfRule.trainEpoch(XOR);
            rule.trainEpoch(XOR);
            batchFour.trainEpoch(XOR);
        }
        assertArrayEquals(start, raw.params, 0, "TF's rule alone: (i + 1) % 10 never comes on 4 points");
        assertFalse(Arrays.equals(start, capped.params), "the capped batch updates");
        assertArrayEquals(four.params, capped.params, 0);
    }

    @Test
    void an_empty_training_set_trains_nothing_and_does_not_fail() {
        Network n = net();
        double[] start = n.params.clone();
        Samples none = new Samples(new double[0], new double[0], 0, 2, 1);
        Trainer t = new Trainer(n, Hyperparameters.defaults().forTrainingSet(none.count()));
        t.trainEpoch(none);
        assertEquals(1, t.epoch());
        assertArrayEquals(start, n.params, 0);
    }
}
