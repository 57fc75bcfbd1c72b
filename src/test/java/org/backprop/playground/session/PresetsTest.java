package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.GradientCheck;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Regularization;
import org.backprop.playground.engine.Samples;
import org.backprop.playground.state.Parsed;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.Presets;
import org.backprop.playground.state.StateCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every tutorial preset builds, trains and checks; the worked examples start from their printed weights. */
@Tag("unit")
class PresetsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The default flags: every preset runs as written under them (001's digits net 16-32-16-2 too: seed-digits has no 2-D map). */
    private static final PlaygroundLimits LIMITS = PlaygroundLimits.defaults();

    static Stream<Presets.Preset> presets() {
        return Presets.ALL.stream();
    }

    private static TrainingSession session(Presets.Preset p) {
        Parsed parsed = new StateCodec(LIMITS).parse(p.query());
        assertEquals(List.of(), parsed.warnings(), p.id());
        return new TrainingSession(parsed.state(), LIMITS);
    }

    private static Samples train(TrainingSession s) {
        return TrainingData.encode(s.data().train(), NetworkSpec.of(s.state()));
    }

    @ParameterizedTest
    @MethodSource("presets")
    void every_preset_trains_20_epochs_and_its_loss_falls(Presets.Preset p) throws Exception {
        TrainingSession s = session(p);
        double before = s.snapshot().trainLoss();
        assertEquals(20, s.runEpochs(20));
        FrameSnapshot after = s.snapshot();
        assertNull(after.diverged(), p.id());
        assertTrue(after.trainLoss() < before, p.id() + ": " + before + " -> " + after.trainLoss());
        JsonNode h = FrameTest.header(new FrameRenderer().render(after));
        assertEquals(after.network().layout.layers(), h.get("gradients").size());
        assertEquals(after.network().layout.layers(), h.get("updateRatio").size());
        assertEquals(after.hasGrids(), h.get("predictions").isNull(), p.id());
    }

    @ParameterizedTest
    @MethodSource("presets")
    void every_preset_passes_the_gradient_check(Presets.Preset p) {
        TrainingSession s = session(p);
        for (int round = 0; round < 2; round++) {
            TrainingSession.GradcheckInput in = s.gradcheckInput();
            GradientCheck.Result r = GradientCheck.run(
                    in.network(), in.samples(), in.regularization(), in.rate(), GradientCheck.DEFAULT_EPSILON);
            for (GradientCheck.LayerResult l : r.layers()) assertEquals("correct", l.verdict(), p.id() + " " + l);
            s.runEpochs(200);
        }
    }

    @Test
    void the_worked_example_starts_from_the_printed_weights() {
        TrainingSession s = session(preset("000-worked"));
        Network net = s.network();
        assertArrayEquals(new double[] {0.5, 0.3, 0.2, 0.4, 0.1, 0.2, 0.6, 0.7, 0.15}, net.params, 0);
        assertEquals(Activation.SIGMOID, net.activation(1));
        s.runEpochs(3);
        s.reset();
        assertArrayEquals(new double[] {0.5, 0.3, 0.2, 0.4, 0.1, 0.2, 0.6, 0.7, 0.15}, s.network().params, 0);
        Inspection i = s.inspect(new double[] {1, 2}, new double[] {1});
        assertEquals(0.8468362842, i.layers().get(1).a()[0], 1e-9);
        assertEquals(0.166247892, i.loss(), 1e-9);
        assertTrue(i.afterLoss() < i.loss());
    }

    /** 004: the one-neuron and 2-2-1 updates print their weights after one step; guess 42 its run. */
    @Test
    void tutorial_004s_updates_and_guess_42_reproduce_their_printed_numbers() {
        TrainingSession neuron = session(preset("004-neuron"));
        neuron.runEpochs(1);
        assertArrayEquals(
                new double[] {0.20474415, 0.40759064}, neuron.network().weights(0)[0], 1e-8);

        TrainingSession relu = session(preset("004-relu"));
        relu.runEpochs(1);
        assertArrayEquals(new double[] {0.5004928, 0.6011264}, relu.network().weights(1)[0], 1e-9);
        assertArrayEquals(new double[] {0.20044, 0.100704}, relu.network().weights(0)[0], 1e-9);

        TrainingSession guess = session(preset("004-guess-42"));
        guess.runEpochs(1);
        assertEquals(3.51776248838994, guess.network().bias(0, 0), 1e-12);
        guess.runEpochs(50);
        assertEquals(41.80167119839046, guess.network().bias(0, 0), 1e-9);
        guess.runEpochs(449);
        assertEquals(42, guess.network().bias(0, 0), 1e-12);
        assertEquals(0, guess.snapshot().trainLoss(), 1e-20);
        // its frame's predictions: [target, guess]
        assertArrayEquals(new double[] {42, 42}, guess.snapshot().predictions()[0], 1e-12);
    }

    @Test
    void xor_with_mse_has_a_sigmoid_output_and_0_1_targets() {
        TrainingSession s = session(preset("001-xor"));
        assertEquals(Activation.SIGMOID, s.network().activation(1));
        Samples t = train(s);
        assertArrayEquals(new double[] {0, 1, 1, 0}, t.targets(), 0);
    }

    /** The frame's gradients are the epoch's mean dL/dθ: full batch, so the gradient at the weights before it. */
    @Test
    void frame_gradients_are_the_epochs_mean_gradient() throws Exception {
        TrainingSession s = session(preset("000-blobs"));
        assertEquals(s.data().train().size(), s.state().batchSize(), "a full batch");
        s.runEpochs(5);
        Network before = s.network();
        s.runEpochs(1);
        double[] expected = GradientCheck.gradient(before, train(s), Regularization.NONE, 0);
        FrameSnapshot snap = s.snapshot();
        assertArrayEquals(expected, snap.gradient(), 1e-12);
        JsonNode h = FrameTest.header(new FrameRenderer().render(snap));
        for (int l = 0; l < before.layout.layers(); l++) {
            JsonNode dW = h.get("gradients").get(l).get("dW");
            for (int o = 0; o < before.layout.out(l); o++) {
                for (int in = 0; in < before.layout.in(l); in++) {
                    double want = expected[before.layout.weightOffset(l) + o * before.layout.in(l) + in];
                    assertEquals(want, dW.get(o).get(in).asDouble(), Math.abs(want) * 1e-3 + 1e-300);
                }
                double db = expected[before.layout.biasOffset(l) + o];
                assertEquals(db, h.get("gradients").get(l).get("db").get(o).asDouble(), Math.abs(db) * 1e-3);
                assertEquals(db, h.get("deltas").get(l).get(o).asDouble(), Math.abs(db) * 1e-3, "mean δ = db");
            }
            assertTrue(h.get("updateRatio").get(l).asDouble() > 0);
        }
    }

    @Test
    void regression_and_digits_frames_carry_predictions() throws Exception {
        TrainingSession reg = session(preset("002-regression"));
        JsonNode h = FrameTest.header(new FrameRenderer().render(reg.snapshot()));
        assertEquals(0, h.get("blocks").size());
        assertEquals(
                Math.min(100, reg.data().test().size()), h.get("predictions").size());
        assertEquals(2, h.get("predictions").get(0).size());
        assertEquals(
                reg.data().test().get(0).label(),
                h.get("predictions").get(0).get(0).asDouble(),
                1e-3);

        TrainingSession digits = session(preset("001-digits"));
        JsonNode d = FrameTest.header(new FrameRenderer().render(digits.snapshot()));
        assertEquals(8, d.get("predictions").size());
        JsonNode row = d.get("predictions").get(0);
        assertEquals(3, row.size(), "label, p0, p1");
        assertEquals(1, row.get(1).asDouble() + row.get(2).asDouble(), 1e-3);
    }

    /** 001's digits network is the tutorial's 16-32-16-2 under the default --max-neurons 8, with no warning. */
    @Test
    void the_digits_preset_runs_16_32_16_2_as_written() throws Exception {
        Parsed parsed = new StateCodec(PlaygroundLimits.defaults())
                .parse(preset("001-digits").query());
        assertEquals(List.of(), parsed.warnings());
        assertEquals(List.of(32, 16), parsed.state().networkShape());
        TrainingSession s = session(preset("001-digits"));
        Network net = s.network();
        assertEquals(3, net.layout.layers());
        assertEquals(List.of(16, 32, 16), List.of(net.layout.in(0), net.layout.in(1), net.layout.in(2)));
        assertEquals(List.of(32, 16, 2), List.of(net.layout.out(0), net.layout.out(1), net.layout.out(2)));
        FrameSnapshot snap = s.snapshot();
        assertEquals(false, snap.hasGrids(), "no maps on seed-digits");
        JsonNode h = FrameTest.header(new FrameRenderer().render(snap));
        assertEquals(0, h.get("blocks").size());
    }

    private static Presets.Preset preset(String id) {
        return Presets.ALL.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
