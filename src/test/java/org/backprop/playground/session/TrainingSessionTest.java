package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.backprop.playground.data.DataSplit;
import org.backprop.playground.data.DatasetRequest;
import org.backprop.playground.data.Datasets;
import org.backprop.playground.data.Point;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Evaluation;
import org.backprop.playground.engine.Network;
import org.backprop.playground.state.FieldError;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.state.Update;
import org.backprop.playground.state.Warning;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class TrainingSessionTest {
    private static final StateCodec CODEC = new StateCodec(PlaygroundLimits.defaults());

    static PlaygroundState state(String url) {
        return CODEC.parse(url).state();
    }

    static TrainingSession session(String url) {
        return new TrainingSession(state(url));
    }

    @Test
    void a_tf_link_gets_tf_playgrounds_points_initial_weights_and_first_epoch() throws IOException {
        JsonNode oracle;
        try (InputStream in = getClass().getResourceAsStream("/oracle/tfp-W1.json")) {
            oracle = new ObjectMapper().readTree(in);
        }
        // W1: circle, seed 0.11111, 2-4-2-1 tanh, lr 0.03, batch 10: TF Playground's defaults with that seed
        TrainingSession s = session("#seed=0.11111");
        List<Point> train = s.data().train();
        for (int r = 0; r < train.size(); r++) {
            JsonNode row = oracle.get("train").get(r);
            assertEquals(row.get(0).asDouble(), train.get(r).x(), 0, "train row " + r);
            assertEquals(row.get(2).asDouble(), train.get(r).label(), 0, "train row " + r);
        }
        Network net = s.network();
        JsonNode layers = oracle.get("initialWeights");
        for (int l = 0; l < layers.size(); l++) {
            JsonNode w = layers.get(l).get("W");
            for (int o = 0; o < w.size(); o++) {
                for (int i = 0; i < w.get(o).size(); i++)
                    assertEquals(w.get(o).get(i).asDouble(), net.weight(l, o, i), 0);
                assertEquals(layers.get(l).get("b").get(o).asDouble(), net.bias(l, o), 0);
            }
        }
        assertEquals(
                oracle.get("trainLossBeforeTraining").asDouble(), s.snapshot().trainLoss(), 1e-15);
        s.runEpochs(1);
        assertEquals(
                oracle.get("trainLossAfterEpoch1to10").get(0).asDouble(),
                s.snapshot().trainLoss(),
                1e-12);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dataset=circle",
                "dataset=xor&noise=25&percTrainData=70",
                "dataset=gauss&seed=abc",
                "dataset=spiral&noise=50",
                "problem=regression&regDataset=reg-gauss&percTrainData=30",
                "dataset=blobs&loss=ce&numClasses=3",
                "dataset=seed-xor",
                "dataset=moons&noise=10"
            })
    void the_data_are_those_of_data_datasets(String url) {
        PlaygroundState st = state(url);
        DataSplit mine = session(url).data();
        DatasetRequest request = new DatasetRequest(
                st.activeDataset().urlName(),
                st.seed(),
                st.noise(),
                st.percTrainData(),
                st.numClasses() == 0 ? null : st.numClasses(),
                null);
        DataSplit theirs = Datasets.generate(request);
        assertEquals(theirs.train(), mine.train());
        assertEquals(theirs.test(), mine.test());
    }

    @Test
    void a_session_trains_xor_and_its_loss_falls() {
        TrainingSession s = session("dataset=xor&learningRate=0.1&seed=0.2");
        FrameSnapshot before = s.snapshot();
        s.runEpochs(300);
        FrameSnapshot after = s.snapshot();
        assertEquals(300, after.epoch());
        assertTrue(after.trainLoss() < before.trainLoss() * 0.5, before.trainLoss() + " -> " + after.trainLoss());
        assertTrue(after.testAccuracy() > 0.9, "test accuracy " + after.testAccuracy());
    }

    @Test
    void metrics_are_engine_evaluations() {
        for (String url : List.of(
                "dataset=xor", "dataset=spiral-multi&loss=ce", "problem=regression", "dataset=gauss&loss=bce")) {
            TrainingSession s = session(url);
            s.runEpochs(3);
            FrameSnapshot f = s.snapshot();
            Network net = s.network();
            NetworkSpec spec = NetworkSpec.of(s.state());
            var test = TrainingData.encode(s.data().test(), spec);
            assertEquals(Evaluation.meanLoss(net, test), f.testLoss(), 1e-12, url);
            if (!url.startsWith("problem=regression"))
                assertEquals(Evaluation.accuracy(net, test), f.testAccuracy(), 0, url);
            else assertTrue(Double.isNaN(f.testAccuracy()));
        }
    }

    @Test
    void a_live_learning_rate_change_keeps_the_epoch_and_the_weights_and_acts_next_batch() {
        TrainingSession a = session("dataset=xor"), b = session("dataset=xor");
        a.runEpochs(20);
        b.runEpochs(20);
        Update u = a.set(Map.of("learningRate", 0.3));
        assertTrue(u.accepted());
        assertEquals(20, a.epoch());
        assertArrayEquals(b.network().params, a.network().params, "the change itself moves no weight");
        a.runEpochs(1);
        b.runEpochs(1);
        assertEquals(21, a.epoch());
        assertFalse(java.util.Arrays.equals(a.network().params, b.network().params), "the next epoch used lr 0.3");
        a.set(Map.of(
                "learningRate",
                0.03,
                "batchSize",
                25,
                "optimizer",
                "momentum",
                "regularization",
                "L2",
                "regularizationRate",
                0.001));
        a.runEpochs(2);
        assertEquals(23, a.epoch());
    }

    @Test
    void adding_a_neuron_keeps_every_other_weight_exactly() {
        TrainingSession s = session("dataset=circle");
        s.runEpochs(30);
        Network before = s.network();
        assertTrue(s.set(Map.of("networkShape", List.of(5, 2))).accepted());
        Network after = s.network();
        assertEquals(30, s.epoch());
        for (int o = 0; o < 4; o++) {
            assertArrayEquals(before.weights(0)[o], after.weights(0)[o], "layer 0 neuron " + o);
            assertEquals(before.bias(0, o), after.bias(0, o));
        }
        for (int i = 0; i < 2; i++) assertTrue(Math.abs(after.weight(0, 4, i)) <= 0.05, "a new neuron starts small");
        for (int o = 0; o < 2; o++) {
            for (int i = 0; i < 4; i++) assertEquals(before.weight(1, o, i), after.weight(1, o, i));
            assertTrue(Math.abs(after.weight(1, o, 4)) <= 0.05);
            assertEquals(before.bias(1, o), after.bias(1, o));
        }
        assertArrayEquals(before.weights(2)[0], after.weights(2)[0]);
        assertEquals(before.bias(2, 0), after.bias(2, 0));
        s.runEpochs(1);
        assertEquals(31, s.epoch());
    }

    @Test
    void removing_a_neuron_or_adding_a_layer_keeps_what_stays() {
        TrainingSession s = session("dataset=circle");
        s.runEpochs(10);
        Network before = s.network();
        s.set(Map.of("networkShape", "3,2"));
        Network fewer = s.network();
        for (int o = 0; o < 3; o++) assertArrayEquals(before.weights(0)[o], fewer.weights(0)[o]);
        for (int o = 0; o < 2; o++)
            for (int i = 0; i < 3; i++) assertEquals(before.weight(1, o, i), fewer.weight(1, o, i));

        s.set(Map.of("networkShape", "3,2,2"));
        Network deeper = s.network();
        assertEquals(4, deeper.layout.layers());
        assertArrayEquals(
                java.util.Arrays.copyOf(fewer.params, fewer.layout.weightOffset(2)),
                java.util.Arrays.copyOf(deeper.params, deeper.layout.weightOffset(2)),
                "the first two layers are untouched");
        assertEquals(fewer.bias(2, 0), deeper.bias(3, 0), "the output neuron keeps its bias");
    }

    @Test
    void toggling_a_feature_keeps_the_weights_of_the_other_inputs() {
        TrainingSession s = session("dataset=circle");
        s.runEpochs(10);
        Network before = s.network();
        s.set(Map.of("xSquared", true));
        Network after = s.network();
        assertEquals(3, after.layout.inputs());
        for (int o = 0; o < 4; o++) {
            assertEquals(before.weight(0, o, 0), after.weight(0, o, 0)); // x
            assertEquals(before.weight(0, o, 1), after.weight(0, o, 1)); // y
        }
        s.set(Map.of("x", false));
        Network onlyY = s.network();
        for (int o = 0; o < 4; o++) {
            assertEquals(after.weight(0, o, 1), onlyY.weight(0, o, 0)); // y moved to input 0
            assertEquals(after.weight(0, o, 2), onlyY.weight(0, o, 1)); // xSquared to input 1
        }
    }

    @Test
    void a_loss_switch_changes_the_output_and_keeps_the_weights() {
        TrainingSession s = session("dataset=gauss");
        s.runEpochs(5);
        Network before = s.network();
        assertTrue(s.set(Map.of("loss", "bce")).accepted());
        Network after = s.network();
        assertEquals(Activation.SIGMOID, after.activation(2));
        assertArrayEquals(before.params, after.params);
        s.runEpochs(5);
        assertTrue(s.snapshot().trainAccuracy() > 0.5);
    }

    @Test
    void new_data_keeps_the_weights() {
        TrainingSession s = session("dataset=circle");
        s.runEpochs(10);
        Network before = s.network();
        List<Point> oldTrain = s.data().train();
        long dataVersion = s.status().dataVersion();
        assertTrue(s.set(Map.of("dataset", "xor", "noise", 20, "percTrainData", 80))
                .accepted());
        assertArrayEquals(before.params, s.network().params);
        assertNotEquals(oldTrain, s.data().train());
        assertEquals(400, s.data().train().size());
        assertTrue(s.status().dataVersion() > dataVersion);
        assertEquals(10, s.epoch());
    }

    @Test
    void a_multi_class_switch_widens_the_output_and_keeps_the_hidden_layers() {
        TrainingSession s = session("dataset=circle");
        s.runEpochs(5);
        Network before = s.network();
        assertTrue(
                s.set(Map.of("dataset", "blobs", "loss", "ce", "numClasses", 3)).accepted());
        Network after = s.network();
        assertEquals(3, after.layout.outputs());
        assertEquals(Activation.SOFTMAX, after.activation(2));
        assertArrayEquals(before.weights(0)[0], after.weights(0)[0]);
        assertArrayEquals(before.weights(2)[0], after.weights(2)[0], "output unit 0 stays");
        s.runEpochs(20);
        assertTrue(s.snapshot().trainAccuracy() > 0.5, "" + s.snapshot().trainAccuracy());
    }

    @Test
    void the_same_commands_give_the_same_weights_after_every_epoch() {
        TrainingSession a = session("dataset=spiral&seed=0.31415&networkShape=6,4");
        TrainingSession b = session("dataset=spiral&seed=0.31415&networkShape=6,4");
        List<java.util.function.Consumer<TrainingSession>> script = List.of(
                s -> s.runEpochs(3),
                s -> s.set(Map.of("learningRate", 0.1)),
                s -> s.runEpochs(2),
                s -> s.set(Map.of("networkShape", List.of(7, 4, 3), "sinX", true)),
                s -> s.runEpochs(2),
                s -> s.regenerate(),
                s -> s.runEpochs(2),
                s -> s.setWeight(0, 1, 0, 0.25),
                s -> s.set(Map.of("optimizer", "adam", "batchSize", 7)),
                s -> s.runEpochs(3),
                s -> s.reset(),
                s -> s.runEpochs(2));
        for (var command : script) {
            command.accept(a);
            command.accept(b);
            assertArrayEquals(a.network().params, b.network().params);
            assertEquals(a.state(), b.state());
            assertEquals(a.epoch(), b.epoch());
        }
        for (int e = 0; e < 5; e++) {
            a.runEpochs(1);
            b.runEpochs(1);
            assertArrayEquals(a.network().params, b.network().params, "epoch " + a.epoch());
        }
    }

    @Test
    void reset_returns_to_the_seeds_initial_weights() {
        TrainingSession s = session("dataset=xor&seed=0.7");
        double[] initial = s.network().params;
        s.runEpochs(20);
        s.set(Map.of("learningRate", 0.3));
        s.reset();
        assertArrayEquals(initial, s.network().params);
        assertEquals(0, s.epoch());
        assertEquals(0.3, s.state().learningRate(), "reset keeps the state");
    }

    @Test
    void regenerate_draws_a_tf_style_seed_and_keeps_the_weights() {
        TrainingSession s = session("dataset=xor&seed=0.7");
        s.runEpochs(5);
        double[] weights = s.network().params;
        List<Point> before = s.data().train();
        PlaygroundState next = s.regenerate();
        assertTrue(next.seed().matches("0\\.\\d{5}"), next.seed());
        assertEquals(next, s.state());
        assertArrayEquals(weights, s.network().params);
        assertNotEquals(before, s.data().train());
        assertEquals(
                Datasets.generate(DatasetRequest.of("xor", next.seed())).train(),
                s.data().train());
        assertEquals("0.50000", TrainingSession.toFixed5(0.499995));
        assertEquals("0.12346", TrainingSession.toFixed5(0.123456));
    }

    @Test
    void set_weight_edits_one_weight_and_refuses_bad_indices() {
        TrainingSession s = session("");
        s.setWeight(1, 1, 3, 0.75);
        s.setBias(2, 0, -0.5);
        assertEquals(0.75, s.network().weight(1, 1, 3));
        assertEquals(-0.5, s.network().bias(2, 0));
        assertEquals(
                "from",
                assertThrows(Refusal.class, () -> s.setWeight(0, 0, 2, 1))
                        .error()
                        .field());
        assertEquals(
                "layer",
                assertThrows(Refusal.class, () -> s.setWeight(3, 0, 0, 1))
                        .error()
                        .field());
        assertEquals(
                "value",
                assertThrows(Refusal.class, () -> s.setBias(0, 0, Double.NaN))
                        .error()
                        .field());
        assertThrows(Refusal.class, () -> s.step(0));
        assertThrows(Refusal.class, () -> s.step(PlaygroundLimits.defaults().maxStepEpochs() + 1));
    }

    @Test
    void a_refused_set_changes_nothing() {
        TrainingSession s = session("");
        PlaygroundState before = s.state();
        double[] weights = s.network().params;
        Update u = s.set(Map.of("learningRate", 0.1, "networkShape", "4,x"));
        assertFalse(u.accepted());
        assertEquals(FieldError.BAD_VALUE, u.errors().get(0).code());
        assertEquals(before, s.state());
        assertArrayEquals(weights, s.network().params);
    }

    @Test
    void divergence_pauses_with_a_message_and_reset_recovers() {
        TrainingSession s =
                session("problem=regression&activation=linear&learningRate=10&networkShape=8,8,8&speed=max");
        s.play();
        int epochs = 0;
        while (s.wantsTraining() && epochs < 1000)
            epochs += s.runSlice(System.nanoTime(), System.nanoTime() + 1_000_000);
        String why = s.status().diverged();
        assertNotNull(why, "diverged after " + epochs + " epochs");
        assertTrue(why.contains("learning rate"), why);
        assertFalse(s.status().playing());
        assertEquals(why, s.takePauseNotice().message());
        assertNull(s.takePauseNotice(), "said once");
        assertEquals(
                Refusal.DIVERGED, assertThrows(Refusal.class, s::play).error().code());
        FrameSnapshot f = s.snapshot();
        assertEquals(why, f.diverged());
        s.reset();
        assertNull(s.status().diverged());
        s.play();
        assertTrue(s.status().playing());
    }
    /** seed-xor at TF's default batch 10 has 4 points: the batch in effect is 4, so it learns, and the warning comes once. */
    @Test
    void seed_xor_learns_at_the_default_batch_and_says_the_batch_in_effect_once() {
        TrainingSession s = session("dataset=seed-xor&learningRate=0.3");
        Derived d = s.derived();
        assertEquals(10, d.requestedBatchSize());
        assertEquals(4, d.batchSize());
        assertEquals(4, d.trainPoints());
        assertEquals(Activation.TANH, d.outputActivation());
        List<Warning> warned = d.warningsSince(null);
        assertEquals(1, warned.size(), warned.toString());
        assertEquals("batchSize", warned.get(0).key());
        assertEquals("session.batchAboveTrainingSet", warned.get(0).detail().id());
        assertEquals(
                Map.of("batchSize", "10", "points", "4"), warned.get(0).detail().params());
        assertTrue(
                warned.get(0).message().contains("one update of all 4"),
                warned.get(0).message());
        assertEquals(List.of(), d.warningsSince(d), "once, not with every state");

        double[] start = s.network().params.clone();
        double before = s.snapshot().trainLoss();
        s.runEpochs(300);
        assertFalse(java.util.Arrays.equals(start, s.network().params), "the weights move");
        assertTrue(
                s.snapshot().trainLoss() < before * 0.5,
                before + " -> " + s.snapshot().trainLoss());

        s.set(Map.of("batchSize", 2));
        Derived two = s.derived();
        assertEquals(2, two.batchSize());
        assertEquals(List.of(), two.warningsSince(d), "no cap, no warning");
        s.set(Map.of("batchSize", 20));
        assertEquals(4, s.derived().batchSize());
        assertEquals(1, s.derived().warningsSince(two).size(), "a new batch past the set is said again");
        s.set(Map.of("dataset", "circle"));
        assertEquals(20, s.derived().batchSize(), "250 training points take the whole batch");
        assertEquals(List.of(), s.derived().warningsSince(null));
    }

    @Test
    void derived_names_the_output_activation_auto_resolves_to() {
        assertEquals(Activation.SIGMOID, session("loss=bce").derived().outputActivation());
        assertEquals(Activation.LINEAR, session("problem=regression").derived().outputActivation());
        assertEquals(
                Activation.SOFTMAX, session("dataset=blobs&loss=ce").derived().outputActivation());
        Derived named = session("dataset=circle&outputActivation=sigmoid").derived();
        assertEquals(Activation.SIGMOID, named.outputActivation());
        assertEquals(Activation.TANH, named.autoOutputActivation());
    }
}
