package org.backprop.playground.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every warning and error of the state package has words in every language: its {@code detail}
 * id has an English and a Korean template in static/i18n/strings.json with the same placeholders,
 * and every id the Java code names is there.
 */
@Tag("unit")
class MessageWordsTest {
    static final Path STRINGS = Path.of("static", "i18n", "strings.json");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    // a formatter may break the line after the parenthesis
    static final Pattern ID_IN_JAVA = Pattern.compile("Msg\\.of\\(\\s*\"([A-Za-z0-9.]+)\"");

    private final StateCodec codec = new StateCodec(PlaygroundLimits.defaults());

    static Map<String, Map<String, String>> strings() throws IOException {
        return new ObjectMapper()
                .readValue(STRINGS.toFile(), new TypeReference<LinkedHashMap<String, Map<String, String>>>() {});
    }

    static Set<String> placeholders(String template) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    static boolean hasHangul(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
    }

    /** A message and the ones nested in its params. */
    static void collect(Msg msg, List<Msg> into) {
        into.add(msg);
        for (Object v : msg.params().values()) if (v instanceof Msg nested) collect(nested, into);
    }

    @Test
    void every_message_a_hostile_url_or_set_produces_has_korean_and_english_words() throws IOException {
        String longTitle = "t\u0001" + "x".repeat(300);
        List<String> urls = List.of(
                "noise=NaN&learningRate=1e999&batchSize=1e400&regularizationRate=-5&percTrainData=3.5&dataset=nope"
                        + "&networkShape=4,x&seed=%21bad%21&lang=xx&goal=accuracy~0.9&lock=foo,bar,baz,qux,learningRate"
                        + "&showTestData=maybe&activation=softmax&outputActivation=weird&numClasses=1&title="
                        + longTitle
                        + "&weights=1,abc&cosX=true&foo-bar_hide=true&x_hide=maybe&problem=whatever&regularization=L3"
                        + "&optimizer=sgdx&loss=nope&%zz&noise=abc&noise=abc&batchSize=" + "9".repeat(5000),
                "lang=ko&noise=abc",
                "loss=ce&dataset=circle",
                "loss=bce&dataset=spiral-multi&outputActivation=tanh",
                "problem=regression&loss=bce&goal=testAccuracy>0.9",
                "loss=bce&outputActivation=tanh",
                "weights=1,2,3",
                "weights=1e7",
                "networkShape=9,9,9,9,9,9,9,9,9,9,9,9&batchSize=100000&noise=100",
                "networkShape=4,100000",
                "dataset=xor&networkShape=32,16",
                "dataset=seed-digits&loss=ce&networkShape=40",
                "dataset=reg-plane&regDataset=circle",
                "goal=foo<1",
                "goal=testLoss<abc",
                "learningRate=0",
                "activation=relu&goal=testLoss<1e999",
                "lock=a,b,c,d,e",
                "lock=foo,learningRate",
                "a=1&"
                        + String.join(
                                "&",
                                Stream.iterate(0, i -> i + 1)
                                        .limit(600)
                                        .map(i -> "k" + i + "=1")
                                        .toList()),
                String.join(
                        "&",
                        Stream.iterate(0, i -> i + 1)
                                .limit(80)
                                .map(i -> "c" + i + "_hide=maybe")
                                .toList()),
                String.join(
                        "&",
                        Stream.iterate(0, i -> i + 1)
                                .limit(70)
                                .map(i -> "c" + i + "_hide=true")
                                .toList()));
        List<Msg> msgs = new ArrayList<>();
        for (String url : urls) {
            for (Warning w : codec.parse(url).warnings()) {
                assertNotNull(w.detail(), () -> "no detail for " + w);
                collect(w.detail(), msgs);
            }
        }
        for (Warning w : codec.parse(Map.of("noise", List.of(Map.of("a", 1)))).warnings()) collect(w.detail(), msgs);
        PlaygroundState plain = codec.parse("").state();
        PlaygroundState locked = codec.parse("lock=noise").state();
        List<Map<String, ?>> sets = List.of(
                Map.of("nope", 1),
                Map.of("noise", ""),
                Map.of("x_hide", "maybe"),
                Map.of("7!_hide", "true"),
                Map.of("learningRate", "abc"),
                Map.of("loss", "ce"),
                Map.of("noise", "9".repeat(5000)),
                Map.of("noise", List.of(Map.of("a", 1))),
                Map.of("networkShape", List.of(32, 16)));
        for (Map<String, ?> change : sets) {
            for (FieldError e : codec.apply(plain, change).errors()) collect(e.detail(), msgs);
        }
        for (FieldError e : codec.apply(locked, Map.of("noise", 1)).errors()) collect(e.detail(), msgs);

        Map<String, Map<String, String>> strings = strings();
        Set<String> ids = new TreeSet<>();
        for (Msg m : msgs) {
            ids.add(m.id());
            String key = Msg.PREFIX + m.id();
            String en = strings.get("en").get(key), ko = strings.get("ko").get(key);
            assertNotNull(en, "no English words for " + key);
            assertNotNull(ko, "no Korean words for " + key);
            assertTrue(
                    placeholders(en).stream().allMatch(m.params()::containsKey),
                    () -> key + " leaves a placeholder unfilled: " + m);
            Map<String, String> ko2 = strings.get("ko");
            String rendered = m.render(ko2::get);
            assertFalse(
                    PLACEHOLDER.matcher(rendered).find(), () -> key + " renders with a placeholder left: " + rendered);
        }
        // the hostile URLs reach the kinds of message the issue names
        for (String id : List.of(
                "state.notANumber",
                "state.tooLarge",
                "state.unknownChoice",
                "state.badLayer",
                "state.badSeed",
                "state.unknownLanguage",
                "state.goalSyntax",
                "state.notLockable",
                "state.lossCeBinary",
                "state.usingDefault",
                "state.changedTo",
                "state.locked",
                "state.unknownKey",
                "state.moreWarnings",
                "state.tooManyKeys",
                "state.aboveMapLimit",
                "state.layerMapLimit")) {
            assertTrue(ids.contains(id), () -> id + " not produced; produced: " + ids);
        }
    }

    @Test
    void every_message_template_has_both_languages_with_the_same_placeholders() throws IOException {
        Map<String, Map<String, String>> strings = strings();
        List<String> keys = strings.get("en").keySet().stream()
                .filter(k -> k.startsWith(Msg.PREFIX))
                .toList();
        assertFalse(keys.isEmpty());
        for (String key : keys) {
            String en = strings.get("en").get(key), ko = strings.get("ko").get(key);
            assertNotNull(ko, "no Korean words for " + key);
            // templates of placeholders only: their words are in the messages they join
            if (!key.equals("msg.join") && !key.equals("msg.state.keyReason") && !key.equals("msg.goal.words"))
                assertTrue(hasHangul(ko), key + " is not Korean: " + ko);
            assertEquals(placeholders(en), placeholders(ko), key);
        }
        assertEquals(
                keys,
                strings.get("ko").keySet().stream()
                        .filter(k -> k.startsWith(Msg.PREFIX))
                        .toList(),
                "the same ids, in order");
    }

    @Test
    void every_message_id_in_the_java_code_has_words() throws IOException {
        Map<String, Map<String, String>> strings = strings();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = ID_IN_JAVA.matcher(Files.readString(f));
                while (m.find()) found.add(m.group(1));
            }
        }
        assertTrue(found.size() > 50, "found only " + found);
        for (String id : found) {
            assertNotNull(strings.get("en").get(Msg.PREFIX + id), "no English words for msg." + id);
            assertNotNull(strings.get("ko").get(Msg.PREFIX + id), "no Korean words for msg." + id);
        }
    }
}
