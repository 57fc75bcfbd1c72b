package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.Presets;
import org.backprop.playground.state.StateCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The presets' words (static/i18n/strings.json, {@code preset.<id>.<part>}): every part in both
 * languages, Korean in Korean, and every figure a {@code .numbers} text quotes is one the engine
 * computes for that preset, to the digits printed: change a digit and this fails.
 */
@Tag("unit")
class PresetTextsTest {
    private static final PlaygroundLimits LIMITS = PlaygroundLimits.defaults();
    /** A decimal (its digits after the point say how exactly it was quoted) or a whole percentage. */
    private static final Pattern FIGURE = Pattern.compile("\\d+(?:\\.\\d+)?%|-?\\d+\\.\\d+");
    /** Latin words allowed in Korean text: the field's own names, and code the notebooks name. */
    private static final Set<String> LATIN_IN_KO = Set.of(
            "ReLU", "BCE", "MSE", "XOR", "NumPy", "MNIST", "sigmoid", "update_parameters", "MLPFromScratch", "grad_w");

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Where the engine is read for each preset's figures: after these epochs (the epochs its text names). */
    private static final Map<String, int[]> CHECKPOINTS = Map.of(
            "000-blobs", new int[] {0, 50, 1000},
            "000-worked", new int[] {},
            "001-xor", new int[] {0, 100, 1000},
            "001-digits", new int[] {0, 1},
            "002-regression", new int[] {0, 100, 1000},
            "003-neuron", new int[] {0, 1000},
            "003-xor", new int[] {0, 50, 400, 2000},
            "004-neuron", new int[] {1},
            "004-relu", new int[] {1},
            "004-guess-42", new int[] {0, 1, 50, 51, 400});

    /**
     * Figures the notebooks printed that the playground cannot reproduce: 002's NumPy run draws its data
     * from NumPy's Mersenne Twister (data/SeedGenerators), so its costs are quoted as the notebook's own,
     * beside this link's. 1/12 is the variance of a uniform [0, 1) target, the floor the text names.
     */
    private static final Map<String, double[]> NOTEBOOK_ONLY = Map.of(
            "002-regression",
            new double[] {0.29617825471294423, 0.0996029506728323, 0.28050715536743137, 0.08612824468561733, 1.0 / 12});

    private static Map<String, Map<String, String>> strings;

    @BeforeAll
    static void read() throws IOException {
        strings = new ObjectMapper()
                .readValue(
                        Path.of("static", "i18n", "strings.json").toFile(),
                        new TypeReference<LinkedHashMap<String, Map<String, String>>>() {});
    }

    static Stream<Presets.Preset> presets() {
        return Presets.ALL.stream();
    }

    private static List<String> parts() {
        List<String> parts = new ArrayList<>(List.of("title"));
        parts.addAll(Presets.TEXTS);
        return parts;
    }

    private static boolean hasHangul(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
    }

    @ParameterizedTest
    @MethodSource("presets")
    void every_preset_has_every_text_in_both_languages_and_korean_in_korean(Presets.Preset p) {
        for (String part : parts()) {
            String key = p.key(part);
            String en = strings.get("en").get(key), ko = strings.get("ko").get(key);
            assertTrue(en != null && !en.isBlank(), "no English " + key);
            assertTrue(ko != null && !ko.isBlank(), "no Korean " + key);
            assertTrue(hasHangul(ko), "Korean " + key + " has no Hangul: " + ko);
            assertFalse(hasHangul(en), "English " + key + " holds Hangul: " + en);
            if (!part.equals("title")) assertNotEquals(en, ko, key);
            Matcher w = LATIN_WORD.matcher(ko);
            while (w.find()) {
                String word = w.group();
                // short symbols (x, W1, dW2, lr) are formulas, not English
                boolean symbol = word.length() < 3 || word.matches(".*\\d.*");
                assertTrue(
                        symbol || LATIN_IN_KO.contains(word), "English left in Korean " + key + ": \"" + word + "\"");
            }
        }
        for (String part : List.of("label", "builds", "look", "try", "numbers")) {
            assertTrue(
                    hasHangul(strings.get("ko").get("preset.card." + part)), "the card's heading preset.card." + part);
        }
    }

    @Test
    void there_are_no_words_for_presets_that_do_not_exist() {
        for (String key : strings.get("en").keySet()) {
            if (!key.startsWith("preset.") || key.startsWith("preset.card.")) continue;
            String id = key.substring("preset.".length(), key.lastIndexOf('.'));
            assertTrue(Presets.byId(id).isPresent(), key);
            assertTrue(parts().contains(key.substring(key.lastIndexOf('.') + 1)), key);
        }
    }

    /** Each quoted figure, in each language, equals one the engine computes, rounded as printed; both languages quote the same. */
    @ParameterizedTest
    @MethodSource("presets")
    void the_numbers_quoted_are_what_the_engine_computes(Presets.Preset p) {
        List<Double> computed = figures(p);
        List<BigDecimal> quotedEn = quoted(strings.get("en").get(p.key("numbers")));
        List<BigDecimal> quotedKo = quoted(strings.get("ko").get(p.key("numbers")));
        assertTrue(quotedEn.size() >= 3, p.id() + " quotes " + quotedEn);
        assertEquals(sorted(quotedEn), sorted(quotedKo), p.id() + ": English and Korean quote the same figures");
        for (BigDecimal q : quotedEn) {
            // a figure printed with d decimals stands for anything within half a unit of its last digit
            double half = 0.5 * Math.pow(10, -q.scale()) * (1 + 1e-9);
            boolean found = computed.stream().anyMatch(v -> Math.abs(v - q.doubleValue()) <= half);
            assertTrue(found, p.id() + ": " + q.toPlainString() + " is not a figure the engine computes for it");
        }
    }

    private static List<BigDecimal> quoted(String text) {
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            String s = m.group();
            out.add(
                    s.endsWith("%")
                            ? new BigDecimal(s.substring(0, s.length() - 1)).movePointLeft(2)
                            : new BigDecimal(s));
        }
        return out;
    }

    private static List<BigDecimal> sorted(List<BigDecimal> figures) {
        return figures.stream().sorted().toList();
    }

    /** Everything a preset's text may quote: its sample's step-through, its run at the checkpoints, its rate. */
    private static List<Double> figures(Presets.Preset p) {
        List<Double> out = new ArrayList<>();
        TrainingSession s = session(p);
        out.add(s.state().learningRate());
        if (p.sample() != null) {
            Inspection i = session(p)
                    .inspect(array(p.sample().input()), array(p.sample().target()));
            out.add(i.loss());
            out.add(i.afterLoss());
            for (Inspection.LayerValues l : i.layers()) {
                for (double[] v : List.of(l.z(), l.a(), l.delta(), l.db(), l.biases())) addAll(out, v);
                for (double[] row : l.dW()) addAll(out, row);
                for (double[] row : l.weights()) addAll(out, row);
            }
            addAll(out, i.after().params);
        }
        for (int epoch : CHECKPOINTS.get(p.id())) {
            s.runEpochs(epoch - (int) s.epoch());
            FrameSnapshot f = s.snapshot();
            out.addAll(List.of(f.trainLoss(), f.testLoss(), f.trainAccuracy(), f.testAccuracy()));
            if (f.predictions() != null) for (double[] row : f.predictions()) addAll(out, row);
            addAll(out, f.network().params);
        }
        addAll(out, NOTEBOOK_ONLY.getOrDefault(p.id(), new double[0]));
        return out;
    }

    /** The tutorials' printed numbers, from each preset's own sample (the one its page opens the step-through on). */
    @Test
    void the_worked_samples_give_the_tutorials_numbers() {
        // 000: Z1 = W1·[1,2] + b1 = [1.2, 1.2]; A2 = σ(0.6·1.2 + 0.7·1.2 + 0.15) = σ(1.71); loss = −ln A2
        Inspection worked = inspectSample("000-worked");
        assertEquals(0.8468362842, worked.layers().get(1).a()[0], 1e-9);
        assertEquals(0.166247892, worked.loss(), 1e-9);
        assertArrayEquals(
                new double[] {-0.1837964589, -0.1837964589},
                worked.layers().get(1).dW()[0],
                1e-9);
        // 004: one step of 0.1 on [0.5, 0.8] → the printed W
        assertArrayEquals(
                new double[] {0.20474415, 0.40759064, 0.00948830},
                inspectSample("004-neuron").after().params,
                1e-8);
        // 004's 2-2-1: W2 and W1's rows (neurons) after one step of 0.01
        double[] relu = inspectSample("004-relu").after().params;
        assertArrayEquals(
                new double[] {0.20044, 0.100704, 0.400528, 0.3008448}, java.util.Arrays.copyOf(relu, 4), 1e-12);
        assertArrayEquals(new double[] {0.5004928, 0.6011264}, java.util.Arrays.copyOfRange(relu, 6, 8), 1e-12);
        // guess 42: the notebook's first line, loss before and guess after the update
        Inspection guess = inspectSample("004-guess-42");
        assertEquals(914.1250641357832, guess.loss(), 1e-9);
        assertEquals(3.51776248838994, guess.after().params[0], 1e-12);
        // 003's neuron: its sample is its one training point
        TrainingSession neuron = session(Presets.byId("003-neuron").orElseThrow());
        assertEquals(
                neuron.inspect("train", 0).loss(), inspectSample("003-neuron").loss(), 0);
    }

    @ParameterizedTest
    @MethodSource("presets")
    void a_sample_fits_its_network(Presets.Preset p) {
        if (p.sample() == null) return;
        TrainingSession s = session(p);
        assertEquals(s.network().layout.inputs(), p.sample().input().size(), p.id());
        assertEquals(s.network().layout.outputs(), p.sample().target().size(), p.id());
    }

    private static Inspection inspectSample(String id) {
        Presets.Preset p = Presets.byId(id).orElseThrow();
        return session(p).inspect(array(p.sample().input()), array(p.sample().target()));
    }

    private static TrainingSession session(Presets.Preset p) {
        return new TrainingSession(new StateCodec(LIMITS).parse(p.query()).state(), LIMITS);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void addAll(List<Double> out, double[] values) {
        for (double v : values) out.add(v);
    }
}
