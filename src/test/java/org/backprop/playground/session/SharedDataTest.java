package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.backprop.playground.data.DataSplit;
import org.backprop.playground.engine.SeedRandom;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sessions of one data set share its points and rows, and each still trains exactly as one alone. */
@Tag("unit")
class SharedDataTest {
    private static final StateCodec CODEC = new StateCodec(PlaygroundLimits.defaults());

    private static PlaygroundState state(String query) {
        return CODEC.parse(query).state();
    }

    @Test
    void one_link_makes_its_points_and_rows_once_and_a_new_seed_its_own() {
        TrainingSession a = new TrainingSession(state("dataset=spiral&noise=10"));
        TrainingSession b = new TrainingSession(state("dataset=spiral&noise=10"));
        TrainingSession c = new TrainingSession(state("dataset=spiral&noise=10&seed=other"));
        assertSame(a.data(), b.data(), "one split for the class");
        assertNotSame(a.data(), c.data(), "another seed, other points");
        // the network's inputs change: new rows, the same points
        b.set(java.util.Map.of("xSquared", "true"));
        assertSame(a.data(), b.data());
    }

    @Test
    void a_session_on_shared_data_draws_tfs_initial_weights_and_trains_as_one_alone() {
        String query = "dataset=xor&networkShape=5,3&noise=20&seed=0.71";
        // alone: the points and then the weights drawn from one generator, as TF Playground does
        SeedRandom random = new SeedRandom(state(query).seed());
        DataSplit split = TrainingData.generate(state(query), random);
        double first = random.nextDouble();
        SharedData.Data shared = SharedData.data(state(query));
        assertEquals(split.train(), shared.split().train(), "the same points in the same order");
        assertEquals(first, shared.next().nextDouble(), 0, "the generator goes on where the points left it");
        assertEquals(first, SharedData.data(state(query)).next().nextDouble(), 0, "each taker gets its own copy of it");

        TrainingSession one = new TrainingSession(state(query)), two = new TrainingSession(state(query));
        one.runEpochs(30);
        two.runEpochs(10);
        two.runEpochs(20);
        assertArrayEquals(one.network().params, two.network().params, 0, "bit for bit");
    }
}
