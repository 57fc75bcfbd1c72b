package org.backprop.playground.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Optimizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The {@code set} path: strict, all or nothing. */
@Tag("unit")
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
        Update u = codec.apply(
                start, map("learningRate", 0.1, "networkShape", List.of(4, 3), "optimizer", "adam", "x", false));
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
        assertTrue(
                u.errors().get(0).message().contains("limit of 6"),
                u.errors().get(0).message());
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

        Update digits =
                codec.apply(start, map("dataset", "seed-digits", "loss", "ce", "networkShape", List.of(32, 16)));
        assertTrue(digits.accepted(), digits.errors().toString());
        assertEquals(List.of(32, 16), digits.state().networkShape());
        Update over = codec.apply(digits.state(), map("networkShape", List.of(33)));
        assertFalse(over.accepted());
        assertEquals(FieldError.BAD_VALUE, over.errors().get(0).code());
        assertTrue(
                over.errors().get(0).message().contains("limit of 32"),
                over.errors().get(0).message());

        // leaving seed-digits for a 2-D set narrows its 32-wide layers itself, saying so (a dependent change)
        Update back = codec.apply(digits.state(), map("dataset", "xor", "loss", "square"));
        assertTrue(back.accepted(), back.errors().toString());
        assertEquals(List.of(8, 8), back.state().networkShape());
        assertEquals(List.of("dataset", "networkShape", "loss"), back.changed());
        assertEquals(1, back.warnings().size(), "loss was sent: no warning for it");
        Warning narrowed = back.warnings().get(0);
        assertEquals("networkShape", narrowed.key());
        assertEquals("state.changedTo", narrowed.detail().id());
        assertEquals("state.layerMapLimit", ((Msg) narrowed.detail().params().get("reason")).id());
        assertTrue(narrowed.message().contains("xor") && narrowed.message().contains("limit of 8"), narrowed.message());
        // but a shape the set names itself is the person's choice: refused, naming it
        Update asked =
                codec.apply(digits.state(), map("dataset", "xor", "loss", "square", "networkShape", List.of(32)));
        assertFalse(asked.accepted());
        assertSame(digits.state(), asked.state());
        assertEquals(FieldError.CONFLICT, asked.errors().get(0).code());
        assertEquals("networkShape", asked.errors().get(0).field());

        Update regression =
                codec.apply(start, map("problem", "regression", "regDataset", "seed-regression", "networkShape", "20"));
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

    /** A set that names only the data set gets the loss it needs from the server, reported in changed and a warning. */
    @Test
    void a_data_set_brings_the_loss_it_needs_but_an_explicit_conflict_is_refused() {
        Update u = codec.apply(start, map("dataset", "blobs"));
        assertTrue(u.accepted(), u.errors().toString());
        assertEquals(Dataset.BLOBS, u.state().dataset());
        assertEquals(Loss.CE, u.state().loss());
        assertEquals(List.of("dataset", "loss"), u.changed());
        assertEquals(1, u.warnings().size(), u.warnings().toString());
        Warning w = u.warnings().get(0);
        assertEquals("loss", w.key());
        assertEquals("state.lossMulticlass", ((Msg) w.detail().params().get("reason")).id());
        assertEquals("ce", w.detail().params().get("value"));
        assertTrue(w.message().endsWith("changed to ce"), w.message());

        // a regression set takes a regression loss: bce becomes square
        PlaygroundState bce = codec.parse("loss=bce").state();
        Update reg = codec.apply(bce, map("problem", "regression"));
        assertTrue(reg.accepted(), reg.errors().toString());
        assertEquals(Loss.SQUARE, reg.state().loss());
        assertEquals(List.of("problem", "loss"), reg.changed());

        // what the set names itself is not changed for it: refused with the clear error, nothing changes
        Update explicit = codec.apply(u.state(), map("loss", "bce"));
        assertFalse(explicit.accepted());
        assertSame(u.state(), explicit.state());
        FieldError e = explicit.errors().get(0);
        assertEquals(FieldError.CONFLICT, e.code());
        assertEquals("loss", e.field());
        assertEquals("state.lossMulticlass", e.detail().id());
        assertTrue(e.message().contains("loss ce"), e.message());
        assertFalse(
                codec.apply(start, map("dataset", "blobs", "loss", "square")).accepted());
        assertFalse(codec.apply(start, map("loss", "ce")).accepted());
        assertTrue(codec.apply(start, map("loss", "bce")).accepted());
        assertEquals(List.of(), codec.apply(start, map("loss", "bce")).warnings());
    }

    /** dataset names a classification set, regDataset a regression one: naming one switches problem to it. */
    @Test
    void a_data_set_of_the_other_problem_switches_problem_and_what_follows() {
        Update toRegression = codec.apply(codec.parse("loss=bce").state(), map("regDataset", "reg-gauss"));
        assertTrue(toRegression.accepted(), toRegression.errors().toString());
        assertEquals(Problem.REGRESSION, toRegression.state().problem());
        assertEquals(Loss.SQUARE, toRegression.state().loss(), "bce does not train a regression");
        assertEquals(List.of("regDataset", "problem", "loss"), toRegression.changed());
        assertEquals(
                List.of("problem", "loss"),
                toRegression.warnings().stream().map(Warning::key).toList());
        assertEquals(
                "state.problemOfSet",
                ((Msg) toRegression.warnings().get(0).detail().params().get("reason")).id());

        Update back = codec.apply(toRegression.state(), map("dataset", "xor"));
        assertTrue(back.accepted());
        assertEquals(Problem.CLASSIFICATION, back.state().problem());
        assertEquals(List.of("dataset", "problem"), back.changed());
        // naming problem too keeps it: the other set is then only stored
        Update stored = codec.apply(toRegression.state(), map("dataset", "xor", "problem", "regression"));
        assertEquals(Problem.REGRESSION, stored.state().problem());
        assertEquals(List.of("dataset"), stored.changed());
    }

    /** A dependent change never touches a locked key: the set is refused instead, saying which key it would need. */
    @Test
    void a_dependent_change_of_a_locked_key_refuses_the_set() {
        PlaygroundState lockedLoss = codec.parse("lock=loss").state();
        Update u = codec.apply(lockedLoss, map("dataset", "blobs"));
        assertFalse(u.accepted());
        assertSame(lockedLoss, u.state());
        FieldError e = u.errors().get(0);
        assertEquals(FieldError.LOCKED, e.code());
        assertEquals("dataset", e.field(), "the key that was sent");
        assertEquals("state.fixLocked", e.detail().id());
        assertEquals("loss", e.detail().params().get("key"));
        assertTrue(e.message().contains("loss=ce") && e.message().contains("locks"), e.message());

        PlaygroundState lockedProblem =
                codec.parse("problem=regression&lock=problem").state();
        Update p = codec.apply(lockedProblem, map("dataset", "xor"));
        assertFalse(p.accepted());
        assertEquals(FieldError.LOCKED, p.errors().get(0).code());
        assertEquals("problem", p.errors().get(0).detail().params().get("key"));
        assertTrue(codec.apply(lockedLoss, map("dataset", "xor")).accepted(), "no fix needed, no refusal");
    }

    /** outputActivation follows the loss when the set did not name it; named against the loss it is refused. */
    @Test
    void the_output_activation_follows_a_new_loss() {
        PlaygroundState tanh = codec.parse("outputActivation=tanh").state();
        Update u = codec.apply(tanh, map("loss", "bce"));
        assertTrue(u.accepted(), u.errors().toString());
        assertEquals(null, u.state().outputActivation());
        assertEquals(List.of("loss", "outputActivation"), u.changed());
        assertEquals("auto", u.warnings().get(0).detail().params().get("value"));
        Update refused = codec.apply(u.state(), map("outputActivation", "tanh"));
        assertFalse(refused.accepted());
        assertEquals("outputActivation", refused.errors().get(0).field());
        assertEquals("state.outputBce", refused.errors().get(0).detail().id());
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
        assertTrue(codec.apply(u.state(), map("noise_hide", false))
                .state()
                .hiddenControls()
                .isEmpty());
    }

    @Test
    void setting_the_same_value_changes_nothing() {
        Update u = codec.apply(start, map("learningRate", 0.03));
        assertTrue(u.accepted());
        assertEquals(List.of(), u.changed());
    }
}
