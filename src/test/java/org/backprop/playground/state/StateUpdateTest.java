package org.backprop.playground.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Optimizer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code set} path: strict, all or nothing. */
class StateUpdateTest {
    private final StateCodec codec = new StateCodec(PlaygroundLimits.defaults());
    private final PlaygroundState start = PlaygroundState.defaults();

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void accepted_changes_apply_and_name_the_changed_keys() {
        Update u = codec.apply(start, map("learningRate", 0.1, "networkShape", List.of(4, 3), "optimizer", "adam", "x", false));
        assertTrue(u.accepted());
        assertEquals(0.1, u.state().learningRate());
        assertEquals(List.of(4, 3), u.state().networkShape());
        assertEquals(Optimizer.Kind.ADAM, u.state().optimizer());
        assertFalse(u.state().features().contains(org.backprop.playground.data.InputFeature.X));
        assertEquals(List.of("learningRate", "networkShape", "x", "optimizer"), u.changed());
    }

    @Test
    void url_text_values_work_too() {
        Update u = codec.apply(start, map("networkShape", "8,8,8", "batchSize", "30", "showTestData", "true"));
        assertTrue(u.accepted());
        assertEquals(List.of(8, 8, 8), u.state().networkShape());
        assertEquals(30, u.state().batchSize());
    }

    @Test
    void one_bad_value_refuses_the_whole_change() {
        Update u = codec.apply(start, map("learningRate", 0.1, "batchSize", "ten"));
        assertFalse(u.accepted());
        assertSame(start, u.state());
        assertEquals(List.of(), u.changed());
        assertEquals(1, u.errors().size());
        FieldError e = u.errors().get(0);
        assertEquals(FieldError.BAD_VALUE, e.code());
        assertEquals("batchSize", e.field());
    }

    @Test
    void what_a_url_would_clamp_a_set_refuses_naming_the_limit() {
        Update u = codec.apply(start, map("networkShape", List.of(9, 9, 9, 9, 9, 9, 9)));
        assertFalse(u.accepted());
        assertTrue(u.errors().get(0).message().contains("limit of 6"), u.errors().get(0).message());
        assertFalse(codec.apply(start, map("learningRate", 11)).accepted());
        assertFalse(codec.apply(start, map("learningRate", 0)).accepted());
        assertFalse(codec.apply(start, map("noise", -5)).accepted());
    }

    /** On a 2-D set a layer above maxNeurons is a conflict; a set without a map allows 32; nothing changes on a refusal. */
    @Test
    void a_layer_wider_than_its_data_set_allows_is_refused_whole() {
        Update flat = codec.apply(start, map("networkShape", List.of(32), "learningRate", 0.1));
        assertFalse(flat.accepted());
        assertSame(start, flat.state());
        assertEquals(List.of(), flat.changed());
        assertEquals(1, flat.errors().size(), flat.errors().toString());
        FieldError e = flat.errors().get(0);
        assertEquals(FieldError.CONFLICT, e.code());
        assertEquals("networkShape", e.field());
        assertTrue(e.message().contains("layer 1") && e.message().contains("limit of 8"), e.message());
        assertEquals("state.layerMapLimit", e.detail().id());
        assertFalse(codec.apply(start, map("networkShape", List.of(4, 9))).accepted(), "9 on circle");
        assertTrue(codec.apply(start, map("networkShape", List.of(8, 8))).accepted());

        Update digits = codec.apply(start, map("dataset", "seed-digits", "loss", "ce", "networkShape", List.of(32, 16)));
        assertTrue(digits.accepted(), digits.errors().toString());
        assertEquals(List.of(32, 16), digits.state().networkShape());
        Update over = codec.apply(digits.state(), map("networkShape", List.of(33)));
        assertFalse(over.accepted());
        assertEquals(FieldError.BAD_VALUE, over.errors().get(0).code());
        assertTrue(over.errors().get(0).message().contains("limit of 32"), over.errors().get(0).message());

        // leaving seed-digits for a 2-D set with its 32-wide layer: refused, naming the data set that was sent
        Update back = codec.apply(digits.state(), map("dataset", "xor", "loss", "square"));
        assertFalse(back.accepted());
        assertSame(digits.state(), back.state());
        FieldError conflict = back.errors().get(0);
        assertEquals(FieldError.CONFLICT, conflict.code());
        assertEquals("dataset", conflict.field());
        assertTrue(conflict.message().contains("xor") && conflict.message().contains("limit of 8"), conflict.message());
        // with a shape that fits it is accepted, as the page sends it
        Update fits = codec.apply(digits.state(), map("dataset", "xor", "loss", "square", "networkShape", List.of(8, 8)));
        assertTrue(fits.accepted(), fits.errors().toString());
        assertEquals(List.of(8, 8), fits.state().networkShape());

        Update regression = codec.apply(start, map("problem", "regression", "regDataset", "seed-regression", "networkShape", "20"));
        assertTrue(regression.accepted(), regression.errors().toString());
        assertEquals(List.of(20), regression.state().networkShape());
    }

    @Test
    void wrong_types_unknown_keys_and_nulls_are_errors() {
        Update u = codec.apply(start, map("learningRate", Map.of("x", 1), "bogus", 1, "dataset", null, "x", 3));
        assertEquals(4, u.errors().size());
        assertEquals(FieldError.UNKNOWN_KEY, u.errors().get(1).code());
        assertTrue(u.errors().stream().allMatch(e -> e.field() != null));
    }

    @Test
    void an_impossible_combination_is_refused_naming_the_fix() {
        Update u = codec.apply(start, map("dataset", "blobs"));
        assertFalse(u.accepted());
        FieldError e = u.errors().get(0);
        assertEquals(FieldError.CONFLICT, e.code());
        assertEquals("dataset", e.field(), "the key that was sent");
        assertTrue(e.message().contains("loss ce"), e.message());

        Update both = codec.apply(start, map("dataset", "blobs", "loss", "ce"));
        assertTrue(both.accepted());
        assertEquals(Dataset.BLOBS, both.state().dataset());
        assertEquals(Loss.CE, both.state().loss());

        assertFalse(codec.apply(start, map("loss", "ce")).accepted());
        assertTrue(codec.apply(start, map("loss", "bce")).accepted());
    }

    @Test
    void locked_keys_cannot_be_set_and_the_lock_cannot_be_lifted() {
        PlaygroundState exercise = codec.parse("lock=learningRate").state();
        Update u = codec.apply(exercise, map("learningRate", 0.3));
        assertEquals(FieldError.LOCKED, u.errors().get(0).code());
        assertFalse(codec.apply(exercise, map("lock", "")).accepted());
        assertTrue(codec.apply(exercise, map("batchSize", 5)).accepted());
    }

    @Test
    void hide_keys_toggle() {
        Update u = codec.apply(start, map("noise_hide", true));
        assertTrue(u.accepted());
        assertTrue(u.state().hiddenControls().contains("noise"));
        assertEquals(List.of("noise_hide"), u.changed());
        assertFalse(codec.apply(start, map("no<ise_hide", true)).accepted());
        assertTrue(codec.apply(u.state(), map("noise_hide", false)).state().hiddenControls().isEmpty());
    }

    @Test
    void setting_the_same_value_changes_nothing() {
        Update u = codec.apply(start, map("learningRate", 0.03));
        assertTrue(u.accepted());
        assertEquals(List.of(), u.changed());
    }
}
