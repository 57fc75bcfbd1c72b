package org.backprop.playground.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The exported program's prose and comments in one language, from {@code export/numpy-words.json}
 * (each text written once per language). A language it lacks reads as English.
 */
final class ScriptWords {
    static final String RESOURCE = "/export/numpy-words.json";
    private static final Map<String, Map<String, String>> BY_LANGUAGE = load();

    private ScriptWords() {}

    /** The text of {@code key} in {@code lang}; a missing key is a bug in the template, so it throws. */
    static String get(String lang, String key) {
        Map<String, String> words = BY_LANGUAGE.getOrDefault(lang, BY_LANGUAGE.get("en"));
        String text = words.get(key);
        if (text == null)
            throw new IllegalStateException("no export text '" + key + "' in " + RESOURCE + " for " + lang);
        return text;
    }

    private static Map<String, Map<String, String>> load() {
        try (InputStream in = ScriptWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Map<String, String>> all = new HashMap<>();
            root.fields().forEachRemaining(lang -> {
                Map<String, String> words = new HashMap<>();
                lang.getValue()
                        .fields()
                        .forEachRemaining(
                                w -> words.put(w.getKey(), w.getValue().asText()));
                all.put(lang.getKey(), Map.copyOf(words));
            });
            return Map.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
