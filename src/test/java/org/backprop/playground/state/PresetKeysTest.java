package org.backprop.playground.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backprop.playground.engine.Activation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The keys the tutorial presets need: outputActivation and weights. */
@Tag("unit")
class PresetKeysTest {
    private final StateCodec codec = new StateCodec(PlaygroundLimits.defaults());

    private static boolean warned(Parsed p, String key) {
        return p.warnings().stream().anyMatch(w -> key.equals(w.key()));
    }

    @Test
    void weights_round_trip_in_the_flat_layout() {
        Parsed p = codec.parse(
                "dataset=seed-blobs&networkShape=2&activation=relu&loss=bce&weights=0.5,0.3,0.2,0.4,0.1,0.2,0.6,0.7,0.15");
        assertEquals(List.of(), p.warnings());
        assertEquals(9, p.state().parameterCount());
        assertEquals(
                List.of(0.5, 0.3, 0.2, 0.4, 0.1, 0.2, 0.6, 0.7, 0.15), p.state().weights());
        String written = codec.write(p.state());
        assertTrue(written.endsWith("&weights=0.5,0.3,0.2,0.4,0.1,0.2,0.6,0.7,0.15"), written);
        assertEquals(p.state(), codec.parse(written).state());
        assertFalse(codec.write(PlaygroundState.defaults()).contains("weights"));
        assertFalse(codec.write(PlaygroundState.defaults()).contains("outputActivation"));
        assertEquals("auto", codec.toMap(PlaygroundState.defaults()).get("outputActivation"));
    }

    @Test
    void weights_of_the_wrong_count_or_not_numbers_are_ignored_with_a_warning() {
        Parsed wrong = codec.parse("networkShape=2&weights=1,2,3");
        assertTrue(warned(wrong, "weights"));
        assertEquals(List.of(), wrong.state().weights());
        Parsed bad = codec.parse("networkShape=&weights=1,x,3");
        assertTrue(warned(bad, "weights"));
        assertEquals(List.of(), bad.state().weights());
        assertTrue(warned(codec.parse("networkShape=&weights=1,2,1e9"), "weights"));
    }

    @Test
    void a_live_shape_change_drops_weights_that_no_longer_fit() {
        PlaygroundState s = codec.parse("networkShape=&weights=0.1,0.2,0.3").state();
        Update u = codec.apply(s, Map.of("networkShape", "2"));
        assertTrue(u.accepted());
        assertTrue(u.changed().contains("weights"));
        assertEquals(List.of(), u.state().weights());
        Update refused = codec.apply(s, Map.of("weights", "1,2"));
        assertFalse(refused.accepted());
        assertEquals("weights", refused.errors().get(0).field());
    }

    @Test
    void output_activation_is_read_and_conflicts_are_fixed() {
        assertEquals(
                Activation.SIGMOID,
                codec.parse("dataset=seed-xor&loss=mse&outputActivation=sigmoid")
                        .state()
                        .outputActivation());
        assertNull(codec.parse("outputActivation=auto").state().outputActivation());
        Parsed softmax = codec.parse("outputActivation=softmax");
        assertTrue(warned(softmax, "outputActivation"));
        Parsed bce = codec.parse("loss=bce&outputActivation=tanh");
        assertTrue(warned(bce, "outputActivation"));
        assertNull(bce.state().outputActivation());
        Parsed multi = codec.parse("dataset=blobs&loss=ce&outputActivation=sigmoid");
        assertNull(multi.state().outputActivation());
        assertFalse(codec.apply(PlaygroundState.defaults(), Map.of("loss", "bce", "outputActivation", "relu"))
                .accepted());
    }
}
