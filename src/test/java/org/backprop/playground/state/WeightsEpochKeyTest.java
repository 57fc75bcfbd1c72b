package org.backprop.playground.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code weightsEpoch}: the epoch a shared network's weights were trained to, kept only with those weights. */
@Tag("unit")
class WeightsEpochKeyTest {
    private final StateCodec codec = new StateCodec(PlaygroundLimits.defaults());
    /** 2-2-1: W1 (4), b1 (2), W2 (2), b2 (1). */
    private static final String WEIGHTS = "dataset=xor&networkShape=2&weights=0.5,-0.4,0.3,0.2,0.1,0.1,0.6,-0.7,0.05";

    @Test
    void is_read_and_written_with_the_weights() {
        Parsed p = codec.parse(WEIGHTS + "&weightsEpoch=250");
        assertEquals(List.of(), p.warnings());
        assertEquals(250, p.state().weightsEpoch());
        assertTrue(
                codec.write(p.state()).endsWith("&weights=0.5,-0.4,0.3,0.2,0.1,0.1,0.6,-0.7,0.05&weightsEpoch=250"),
                codec.write(p.state()));
        assertEquals(p.state(), codec.parse(codec.write(p.state())).state(), "the written form reads back the same");
        assertTrue(!codec.write(PlaygroundState.defaults()).contains("weightsEpoch"), "written only when set");
    }

    @Test
    void without_weights_or_with_a_bad_value_it_is_a_warning_and_0() {
        Parsed alone = codec.parse("weightsEpoch=250");
        assertEquals(0, alone.state().weightsEpoch());
        assertEquals(
                List.of("weightsEpoch"),
                alone.warnings().stream().map(Warning::key).toList());
        assertTrue(
                alone.warnings().get(0).message().contains("there are no weights"),
                alone.warnings().get(0).message());
        // weights that do not fit are dropped, and their epoch with them, in one warning
        Parsed misfit = codec.parse("networkShape=3&weights=1,2,3&weightsEpoch=9");
        assertEquals(0, misfit.state().weightsEpoch());
        assertEquals(
                List.of("weights"), misfit.warnings().stream().map(Warning::key).toList());
        Parsed bad = codec.parse(WEIGHTS + "&weightsEpoch=-3");
        assertEquals(0, bad.state().weightsEpoch());
        assertEquals(
                List.of("weightsEpoch"),
                bad.warnings().stream().map(Warning::key).toList());
    }

    @Test
    void a_live_shape_change_that_drops_the_weights_drops_their_epoch() {
        PlaygroundState shared = codec.parse(WEIGHTS + "&weightsEpoch=250").state();
        Update u = codec.apply(shared, Map.of("networkShape", "3"));
        assertEquals(List.of(), u.errors());
        assertEquals(List.of(), u.state().weights());
        assertEquals(0, u.state().weightsEpoch());
        assertTrue(
                u.changed().contains("weights") && u.changed().contains("weightsEpoch"),
                u.changed().toString());
        // a change that keeps them keeps it
        assertEquals(
                250, codec.apply(shared, Map.of("learningRate", "0.1")).state().weightsEpoch());
    }
}
