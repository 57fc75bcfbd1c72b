package org.backprop.playground.state;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The English of a {@link Msg}, from the {@code en} templates of {@code static/i18n/strings.json}
 * (the jar's copy): the sentence a page shows in English is the one the server sends as
 * {@code message}, written once, where its Korean is written too.
 */
public final class English {
    static final String RESOURCE = "/static/i18n/strings.json";
    private static final Map<String, String> TEMPLATES = load();

    private English() {}

    /** The sentence of {@code msg}; a message without an English template is a bug a test catches (MessageWordsTest). */
    public static String of(Msg msg) {
        String text = msg.render(TEMPLATES::get);
        if (text == null) throw new IllegalStateException("no English words for " + Msg.PREFIX + msg.id());
        return text;
    }

    private static Map<String, String> load() {
        try (InputStream in = English.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("no " + RESOURCE + " on the classpath");
            Map<String, Map<String, String>> all =
                    new ObjectMapper().readValue(in, new TypeReference<Map<String, Map<String, String>>>() {});
            return Map.copyOf(all.get("en"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }
}
