package org.backprop.playground.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.data.InputFeature;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Optimizer;
import org.backprop.playground.engine.Regularization;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class StateCodecTest {
    /** A link as TF Playground writes it (its serialize(), default state, seed 0.75361). */
    static final String TF_LINK = "#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03"
            + "&regularizationRate=0&noise=0&networkShape=4,2&seed=0.75361&showTestData=false&discretize=false"
            + "&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false"
            + "&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false";

    private final StateCodec codec = new StateCodec(PlaygroundLimits.defaults());

    private static boolean warned(Parsed p, String key) {
        return p.warnings().stream().anyMatch(w -> key.equals(w.key()));
    }

    /** The state message is JSON: numbers travel as numbers, as docs/protocol.md says. */
    @Test
    void state_map_holds_numbers_as_numbers() {
        Map<String, Object> map = codec.toMap(codec.parse("batchSize=7&percTrainData=60&learningRate=0.1&noise=5")
                .state());
        assertEquals(7, map.get("batchSize"));
        assertEquals(60, map.get("percTrainData"));
        assertEquals(0.1, map.get("learningRate"));
        assertEquals(5.0, ((Number) map.get("noise")).doubleValue());
    }

    @Test
    void an_empty_url_gives_tf_playgrounds_defaults() {
        Parsed p = codec.parse("");
        PlaygroundState s = p.state();
        assertEquals(List.of(), p.warnings());
        assertEquals(Activation.TANH, s.activation());
        assertEquals(0.03, s.learningRate());
        assertEquals(10, s.batchSize());
        assertEquals(List.of(4, 2), s.networkShape());
        assertEquals(0, s.noise());
        assertEquals(50, s.percTrainData());
        assertEquals(Dataset.CIRCLE, s.dataset());
        assertEquals(Dataset.REG_PLANE, s.regDataset());
        assertEquals(EnumSet.of(InputFeature.X, InputFeature.Y), s.features());
        assertEquals(Regularization.NONE, s.regularization());
        assertEquals(0, s.regularizationRate());
        assertEquals(Problem.CLASSIFICATION, s.problem());
        assertEquals(Loss.SQUARE, s.loss());
        assertEquals(Optimizer.Kind.SGD, s.optimizer());
        assertFalse(s.showTestData() || s.discretize() || s.initZero() || s.hideText());
        assertEquals(PlaygroundState.defaults(), s);
    }

    @Test
    void a_url_without_seed_gets_the_documented_default_seed_and_writes_it() {
        PlaygroundState s = codec.parse("?dataset=xor").state();
        assertEquals(PlaygroundState.DEFAULT_SEED, s.seed());
        assertTrue(codec.write(s).contains("seed=" + PlaygroundState.DEFAULT_SEED));
        assertEquals(s, codec.parse("dataset=xor&seed=").state(), "an empty seed is absent, as in TF");
    }

    @Test
    void a_tf_playground_link_reads_without_warnings_and_round_trips() {
        Parsed p = codec.parse(TF_LINK);
        assertEquals(List.of(), p.warnings());
        PlaygroundState s = p.state();
        assertEquals("0.75361", s.seed());
        assertEquals(PlaygroundState.defaults().withSeed("0.75361"), s);

        String written = codec.write(s);
        // every pair TF wrote comes back as TF wrote it, but the toggles TF does not show and collectStats
        for (String pair : TF_LINK.substring(1).split("&")) {
            if (pair.startsWith("cos") || pair.startsWith("collectStats")) continue;
            assertTrue(("&" + written + "&").contains("&" + pair + "&"), pair + " in " + written);
        }
        assertEquals(s, codec.parse(written).state());
        assertEquals(s, codec.parse("#" + written).state(), "as a hash, too");
        assertEquals(written, codec.write(codec.parse(written).state()), "canonical: writing is stable");
    }

    @Test
    void a_changed_tf_link_keeps_every_value() {
        String link = "#activation=relu&batchSize=3&dataset=spiral&regDataset=reg-gauss&learningRate=0.3"
                + "&regularizationRate=0.001&noise=35&networkShape=8,8,5&seed=0.12345&showTestData=true&discretize=true"
                + "&percTrainData=70&x=true&y=false&xTimesY=true&xSquared=true&ySquared=false&cosX=false&sinX=true"
                + "&cosY=false&sinY=true&collectStats=false&problem=classification&initZero=true&hideText=true"
                + "&regularization=L2&batchSize_hide=true";
        Parsed p = codec.parse(link);
        assertEquals(List.of(), p.warnings());
        PlaygroundState s = p.state();
        assertEquals(Activation.RELU, s.activation());
        assertEquals(3, s.batchSize());
        assertEquals(Dataset.SPIRAL, s.dataset());
        assertEquals(Dataset.REG_GAUSS, s.regDataset());
        assertEquals(0.3, s.learningRate());
        assertEquals(Regularization.L2, s.regularization());
        assertEquals(0.001, s.regularizationRate());
        assertEquals(35, s.noise());
        assertEquals(List.of(8, 8, 5), s.networkShape());
        assertTrue(s.showTestData() && s.discretize() && s.initZero() && s.hideText());
        assertEquals(70, s.percTrainData());
        assertEquals(
                EnumSet.of(
                        InputFeature.X,
                        InputFeature.X_TIMES_Y,
                        InputFeature.X_SQUARED,
                        InputFeature.SIN_X,
                        InputFeature.SIN_Y),
                s.features());
        assertEquals(Set.of("batchSize"), s.hiddenControls());
        assertTrue(codec.write(s).contains("batchSize_hide=true"));
        assertEquals(s, codec.parse(codec.write(s)).state());
    }

    @Test
    void query_and_hash_both_work_and_the_hash_wins() {
        assertEquals(Dataset.XOR, codec.parse("/?dataset=xor").state().dataset());
        assertEquals(
                Dataset.XOR,
                codec.parse("http://host:7070/#dataset=xor").state().dataset());
        Parsed both = codec.parse("/?dataset=xor&noise=10#dataset=gauss");
        assertEquals(Dataset.GAUSS, both.state().dataset());
        assertEquals(10, both.state().noise());
    }

    @Test
    void unknown_keys_are_ignored_silently() {
        Parsed p = codec.parse("?foo=bar&tutorial=x&collectStats=true&dataset=xor");
        assertEquals(List.of(), p.warnings());
        assertEquals(Dataset.XOR, p.state().dataset());
    }

    @Test
    void learning_rates_off_tfs_list_are_kept() {
        Parsed p = codec.parse("learningRate=0.05&regularizationRate=0.02");
        assertEquals(List.of(), p.warnings());
        assertEquals(0.05, p.state().learningRate());
        assertEquals(0.02, p.state().regularizationRate());
        assertFalse(TfChoices.isTfLearningRate(0.05));
        assertTrue(TfChoices.isTfLearningRate(0.03));
        assertTrue(TfChoices.isTfRegularizationRate(0));
    }

    @Test
    void bad_numbers_fall_back_to_defaults_with_a_warning() {
        for (String bad :
                List.of("NaN", "Infinity", "-Infinity", "1e999", "0x10", "1.5d", "abc", "--1", "0", "-1", " ")) {
            Parsed p = codec.parse("learningRate=" + bad.replace(" ", "%20"));
            assertEquals(0.03, p.state().learningRate(), bad);
            if (!bad.isBlank()) assertTrue(warned(p, "learningRate"), "a warning for " + bad);
        }
        Parsed huge = codec.parse("learningRate=99999999&batchSize=99999999999999999999&noise=1000&percTrainData=5");
        assertEquals(10, huge.state().learningRate(), "clamped to TF's largest");
        assertEquals(PlaygroundLimits.defaults().maxBatchSize(), huge.state().batchSize());
        assertEquals(50, huge.state().noise());
        assertEquals(10, huge.state().percTrainData());
        for (String key : List.of("learningRate", "batchSize", "noise", "percTrainData"))
            assertTrue(warned(huge, key), key);
        Parsed fraction = codec.parse("batchSize=2.5&percTrainData=55.5");
        assertEquals(10, fraction.state().batchSize());
        assertEquals(50, fraction.state().percTrainData());
        assertEquals(2, fraction.warnings().size());
    }

    @Test
    void network_shape_limits_clamp_with_a_warning_naming_the_limit() {
        Parsed p = codec.parse("networkShape=9,9,9,9,9,9,9");
        assertEquals(List.of(8, 8, 8, 8, 8, 8), p.state().networkShape());
        String message = p.warnings().get(0).message();
        assertTrue(message.contains("limit of 6") && message.contains("limit of 8"), message);

        Parsed zero = codec.parse("networkShape=0,3");
        assertEquals(List.of(1, 3), zero.state().networkShape());
        assertTrue(warned(zero, "networkShape"));

        assertEquals(List.of(), codec.parse("networkShape=").state().networkShape(), "empty: no hidden layer, as TF");
        assertEquals(List.of(), codec.parse("networkShape=").warnings());

        Parsed junk = codec.parse("networkShape=4,a");
        assertEquals(List.of(4, 2), junk.state().networkShape());
        assertTrue(warned(junk, "networkShape"));
    }

    @Test
    void ten_thousand_layers_give_a_warning_and_a_sane_network() {
        String layers = String.join(",", java.util.Collections.nCopies(10_000, "8"));
        Parsed p = codec.parse("networkShape=" + layers);
        assertTrue(p.state().networkShape().size() <= 6);
        assertTrue(warned(p, "networkShape"));
        assertTrue(p.warnings().get(0).value().length() <= Warning.ECHO_CHARS + 1, "the echo is shortened");
    }

    @Test
    void raised_limits_accept_bigger_networks() {
        StateCodec big = new StateCodec(new PlaygroundLimits(10, 16, 5000, 100));
        Parsed p = big.parse("networkShape=16,16,16,16,16,16,16,16,16,16&batchSize=5000");
        assertEquals(List.of(), p.warnings());
        assertEquals(10, p.state().networkShape().size());
        assertEquals(5000, p.state().batchSize());
    }

    /** A set without a 2-D map draws no map per neuron: its layers may have 32 neurons; a 2-D set keeps maxNeurons. */
    @Test
    void a_set_without_a_2d_map_allows_32_neurons_a_layer_and_a_2d_set_keeps_8() {
        assertEquals(8, PlaygroundLimits.defaults().maxNeurons());
        assertEquals(32, PlaygroundLimits.defaults().maxNeuronsWithoutMap());

        Parsed digits = codec.parse("dataset=seed-digits&networkShape=32,16&loss=ce");
        assertEquals(List.of(), digits.warnings());
        assertEquals(List.of(32, 16), digits.state().networkShape());
        Parsed shapeFirst = codec.parse("networkShape=32,16&loss=ce&dataset=seed-digits");
        assertEquals(List.of(), shapeFirst.warnings(), "the order of the keys does not matter");
        assertEquals(List.of(32, 16), shapeFirst.state().networkShape());

        for (String set : List.of("xor", "circle", "spiral", "gauss")) {
            Parsed flat = codec.parse("networkShape=32,16&dataset=" + set);
            assertEquals(List.of(8, 8), flat.state().networkShape(), set);
            assertEquals(1, flat.warnings().size(), set + ": " + flat.warnings());
            Warning w = flat.warnings().get(0);
            assertEquals("networkShape", w.key());
            assertTrue(
                    w.message().contains("layer 1")
                            && w.message().contains("layer 2")
                            && w.message().contains("limit of 8"),
                    w.message());
            assertTrue(
                    w.detail().toString().contains("id=state.aboveMapLimit"),
                    w.detail().toString());
        }
        Parsed regression = codec.parse("problem=regression&regDataset=seed-regression&networkShape=20&loss=mse");
        assertEquals(List.of(), regression.warnings());
        assertEquals(List.of(20), regression.state().networkShape());
        Parsed plane = codec.parse("problem=regression&regDataset=reg-plane&networkShape=20");
        assertEquals(List.of(8), plane.state().networkShape(), "reg-plane is 2-D");
        assertTrue(warned(plane, "networkShape"));

        Parsed wide = codec.parse("dataset=seed-digits&networkShape=40,33,32&loss=ce");
        assertEquals(List.of(32, 32, 32), wide.state().networkShape());
        assertEquals(1, wide.warnings().size(), wide.warnings().toString());
        assertTrue(
                wide.warnings().get(0).message().contains("limit of 32"),
                wide.warnings().get(0).message());
        // a config (JSON values) is read the same way
        assertEquals(
                List.of(32, 16),
                codec.parse(Map.of("dataset", "seed-digits", "networkShape", List.of(32, 16), "loss", "ce"))
                        .state()
                        .networkShape());
    }

    @Test
    void a_raised_max_neurons_raises_the_limit_without_a_map_too() {
        PlaygroundLimits raised = new PlaygroundLimits(6, 64, 1000, 10_000);
        assertEquals(64, raised.maxNeuronsWithoutMap());
        StateCodec big = new StateCodec(raised);
        Parsed digits = big.parse("dataset=seed-digits&networkShape=64,48&loss=ce");
        assertEquals(List.of(), digits.warnings());
        assertEquals(List.of(64, 48), digits.state().networkShape());
        Parsed over = big.parse("dataset=seed-digits&networkShape=65&loss=ce");
        assertEquals(List.of(64), over.state().networkShape());
        assertTrue(warned(over, "networkShape"));
        Parsed flat = big.parse("dataset=xor&networkShape=64,48");
        assertEquals(List.of(), flat.warnings(), "a 2-D set gets --max-neurons");
        assertEquals(List.of(64, 48), flat.state().networkShape());
        assertEquals(32, new PlaygroundLimits(6, 16, 1000, 10_000).maxNeuronsWithoutMap());
        assertEquals(256, new PlaygroundLimits(6, 256, 1000, 10_000).maxNeuronsWithoutMap());
    }

    @Test
    void hostile_text_is_refused_or_kept_as_inert_text() {
        String script = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        Parsed p = codec.parse("dataset=" + script + "&activation=" + script + "&seed=" + script + "&lang=" + script
                + "&problem=" + script + "&goal=" + script + "&title=" + script);
        PlaygroundState s = p.state();
        assertEquals(Dataset.CIRCLE, s.dataset());
        assertEquals(Activation.TANH, s.activation());
        assertEquals(PlaygroundState.DEFAULT_SEED, s.seed());
        assertEquals("en", s.lang());
        assertEquals(Problem.CLASSIFICATION, s.problem());
        assertNull(s.goal());
        for (String key : List.of("dataset", "activation", "seed", "lang", "problem", "goal"))
            assertTrue(warned(p, key), key);
        assertEquals("<script>alert(1)</script>", s.title(), "a title is text; the page renders it with textContent");
        String written = codec.write(s);
        assertFalse(written.contains("<") || written.contains(">") || written.contains("\""), written);
        assertEquals(s, codec.parse(written).state());
    }

    @Test
    void control_characters_and_long_titles_are_cleaned_with_a_warning() {
        Parsed p = codec.parse("title=" + "a%00b%0A" + "x".repeat(300));
        assertEquals(PlaygroundState.MAX_TITLE_CHARS, p.state().title().length());
        assertTrue(p.state().title().startsWith("abx"));
        assertTrue(warned(p, "title"));
    }

    @Test
    void a_task_keeps_its_line_breaks_and_round_trips_through_its_link() {
        Parsed p = codec.parse("task=" + UrlText.encode("Train *below* 0.1.\r\n\r\nThen\tlook <b>here</b>."));
        assertEquals(
                "Train *below* 0.1.\n\nThen look <b>here</b>.",
                p.state().taskText(),
                "CRLF as LF, a tab as a space, markup as text");
        assertFalse(warned(p, "task"), "line breaks are not control characters to warn about");
        String written = codec.write(p.state());
        assertTrue(written.contains("&task=Train%20%2Abelow%2A%200.1.%0A%0AThen"), written);
        assertEquals(p.state(), codec.parse(written).state());
        assertEquals(
                "Train *below* 0.1.\n\nThen look <b>here</b>.",
                codec.toMap(p.state()).get("task"));
    }

    @Test
    void a_task_loses_other_control_characters_and_is_cut_at_its_limit() {
        Parsed p = codec.parse("task=a%00b%0Ac" + "x".repeat(2500));
        assertEquals(PlaygroundState.MAX_TASK_CHARS, p.state().taskText().length());
        assertTrue(
                p.state().taskText().startsWith("ab\ncx"), p.state().taskText().substring(0, 8));
        assertTrue(warned(p, "task"));
        assertEquals("", codec.parse("dataset=xor").state().taskText(), "no task: empty");
        assertFalse(codec.write(codec.parse("task=").state()).contains("task"), "an empty task is not written");
    }

    @Test
    void duplicated_keys_warn_once_and_the_last_value_counts() {
        Parsed p = codec.parse("dataset=xor&dataset=gauss&dataset=spiral");
        assertEquals(Dataset.SPIRAL, p.state().dataset());
        assertEquals(1, p.warnings().size());
        assertEquals("dataset", p.warnings().get(0).key());
    }

    @Test
    void broken_encoding_and_stray_separators_do_not_break_the_rest() {
        Parsed p = codec.parse("&&dataset=xor&noise=%zz&=5&learningRate&x=banana&");
        assertEquals(Dataset.XOR, p.state().dataset());
        assertEquals(0, p.state().noise());
        assertEquals(0.03, p.state().learningRate());
        assertTrue(p.state().features().contains(InputFeature.X));
        assertTrue(warned(p, "x"));
        assertTrue(
                p.warnings().stream().anyMatch(w -> w.key() == null && w.value().contains("%zz")));
    }

    @Test
    void a_flood_of_bad_keys_gives_a_bounded_list_of_warnings() {
        StringBuilder url = new StringBuilder();
        for (int i = 0; i < 2000; i++)
            url.append("x_hide=maybe&batchSize=q").append(i).append('&');
        Parsed p = codec.parse(url.toString());
        assertTrue(
                p.warnings().size() <= StateCodec.MAX_WARNINGS + 1,
                "" + p.warnings().size());
        assertEquals(10, p.state().batchSize());
    }

    @Test
    void impossible_combinations_are_fixed_with_a_warning_naming_the_fix() {
        Parsed ce = codec.parse("dataset=circle&loss=ce");
        assertEquals(Loss.SQUARE, ce.state().loss());
        String message = ce.warnings().get(0).message();
        assertTrue(message.contains("multi-class") && message.contains("bce"), message);

        Parsed blobs = codec.parse("dataset=blobs");
        assertEquals(Loss.CE, blobs.state().loss(), "K classes train with ce");
        assertTrue(warned(blobs, "loss"));
        assertEquals(List.of(), codec.parse("dataset=blobs&loss=ce").warnings());

        Parsed reg = codec.parse("problem=regression&loss=bce&goal=testAccuracy%3E0.9");
        assertEquals(Loss.SQUARE, reg.state().loss());
        assertNull(reg.state().goal());
        assertTrue(warned(reg, "loss") && warned(reg, "goal"));

        Parsed wrongKey = codec.parse("dataset=reg-plane");
        assertEquals(Dataset.CIRCLE, wrongKey.state().dataset());
        assertTrue(wrongKey.warnings().get(0).message().contains("regDataset=reg-plane"));
    }

    @Test
    void our_own_keys_read_and_write() {
        Parsed p = codec.parse(
                "loss=bce&optimizer=adam&dataset=blobs&loss=ce&numClasses=3&lang=ko&title=XOR%20%EC%97%B0%EC%8A%B5"
                        + "&goal=testAccuracy%3E%3D0.95&lock=networkShape,learningRate,nothing");
        PlaygroundState s = p.state();
        assertEquals(Optimizer.Kind.ADAM, s.optimizer());
        assertEquals(Loss.CE, s.loss());
        assertEquals(3, s.numClasses());
        assertEquals(3, s.classes());
        assertEquals("ko", s.lang());
        assertEquals("XOR 연습", s.title());
        assertEquals(new Goal(Goal.Metric.TEST_ACCURACY, Goal.Comparison.AT_LEAST, 0.95), s.goal());
        assertEquals(List.of("learningRate", "networkShape"), s.lock(), "in key order; unknown names dropped");
        assertTrue(warned(p, "lock"));
        String written = codec.write(s);
        assertTrue(written.contains("title=XOR%20%EC%97%B0%EC%8A%B5"), written);
        assertTrue(written.contains("goal=testAccuracy%3E%3D0.95"), written);
        assertEquals(s, codec.parse(written).state());
    }

    @Test
    void a_goal_parses_and_checks() {
        Goal g = Goal.parse("testLoss<0.05");
        assertTrue(g.isMet(0.04));
        assertFalse(g.isMet(0.05));
        assertEquals("testLoss<0.05", g.toString());
        assertTrue(Goal.parse("trainAccuracy >= 1").isMet(1.0));
        assertEquals("trainAccuracy>=1", Goal.parse("trainAccuracy >= 1").toString());
    }

    @Test
    void the_json_map_round_trips_through_config() {
        PlaygroundState s = codec.parse(
                        "dataset=xor&networkShape=3&learningRate=0.1&x_hide=true&sinX=true&goal=testLoss%3C0.1")
                .state();
        Map<String, Object> map = codec.toMap(s);
        assertEquals(List.of(3), map.get("networkShape"));
        assertEquals(0.1, map.get("learningRate"));
        assertEquals(true, map.get("sinX"));
        assertEquals(true, map.get("x_hide"));
        assertEquals("testLoss<0.1", map.get("goal"));
        Parsed back = codec.parse(map);
        assertEquals(List.of(), back.warnings());
        assertEquals(s, back.state());
    }

    @Test
    void config_values_of_the_wrong_type_fall_back_with_a_warning() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("learningRate", Map.of("a", 1));
        config.put("networkShape", List.of(4, List.of(2)));
        config.put("batchSize", 1e300);
        config.put("dataset", null);
        Parsed p = codec.parse(config);
        assertEquals(0.03, p.state().learningRate());
        assertEquals(List.of(4, 2), p.state().networkShape());
        assertEquals(PlaygroundLimits.defaults().maxBatchSize(), p.state().batchSize());
        assertTrue(warned(p, "learningRate") && warned(p, "networkShape") && warned(p, "batchSize"));
    }

    @Test
    void a_run_is_written_instead_of_its_weights_and_a_change_of_them_forgets_it() {
        PlaygroundState s = codec.parse("dataset=xor&networkShape=1&weights=0.1,0.2,0.3,0.4,0.5&run=abcdefghij")
                .state();
        assertEquals(5, s.weights().size(), "the numbers are the session's");
        assertEquals("abcdefghij", s.run());
        String written = codec.write(s);
        assertTrue(written.contains("run=abcdefghij") && !written.contains("weights="), written);
        assertEquals(List.of(), codec.toMap(s).get("weights"));
        Update other = codec.apply(s, Map.of("weights", "1,2,3,4,5"));
        assertEquals("", other.state().run(), "numbers set by hand are no stored run's");
        Update shape = codec.apply(s, Map.of("networkShape", "2"));
        assertTrue(shape.state().weights().isEmpty() && shape.state().run().isEmpty(), "a new shape drops both");
        assertEquals("", s.asRun(List.of(1.0, 2.0, 3.0, 4.0, 5.0)).run(), "a run's own numbers");
    }

    @Test
    void every_key_is_written_and_read_by_the_same_table() {
        Set<String> names = new HashSet<>(StateCodec.keyNames());
        for (String key : List.of(
                "activation",
                "batchSize",
                "dataset",
                "regDataset",
                "learningRate",
                "regularization",
                "regularizationRate",
                "noise",
                "networkShape",
                "seed",
                "showTestData",
                "discretize",
                "percTrainData",
                "x",
                "y",
                "xSquared",
                "ySquared",
                "xTimesY",
                "sinX",
                "sinY",
                "problem",
                "initZero",
                "hideText",
                "loss",
                "optimizer",
                "numClasses",
                "lang",
                "speed",
                "title",
                "goal",
                "lock")) {
            assertTrue(names.remove(key), key);
        }
        // ours for the tutorial presets (docs/protocol.md §1): an explicit output layer and exact initial weights
        assertTrue(names.remove("outputActivation") && names.remove("weights"));
        // issue 12's goal budget, issue 14's task text
        assertTrue(names.remove("goalEpochs") && names.remove("task"));
        // issue 14's class keys: a stored exercise, a board and the student's nickname on it
        assertTrue(names.remove("exercise") && names.remove("board") && names.remove("name"));
        // issue 16's "share as trained": the epoch the link's weights were trained to
        assertTrue(names.remove("weightsEpoch"));
        // a board's stored run: where a large network's weights come from
        assertTrue(names.remove("run"));
        // issue 16's own data: a person's points, and the stored data set that holds many of them
        assertTrue(names.remove("points") && names.remove("data"));
        assertEquals(Set.of(), names, "no key beyond DESIGN.md's and the presets'");
        assertTrue(Arrays.asList(codec.write(PlaygroundState.defaults()).split("&"))
                        .size()
                >= 24);
    }
}
