package org.backprop.playground.web.page;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page's words in every language, read from {@code static/i18n/strings.json}: the one source
 * that both this server-side render and the browser's {@code i18n.js} read, so a label is written
 * once. English is complete; another language falls back to English for a missing key.
 */
public final class I18n {
    public static final String RESOURCE = "/static/i18n/strings.json";
    public static final String FALLBACK = "en";

    private final Map<String, Map<String, String>> tables;

    I18n(Map<String, Map<String, String>> tables) {
        if (!tables.containsKey(FALLBACK))
            throw new IllegalArgumentException("the strings need an '" + FALLBACK + "' table");
        this.tables = Map.copyOf(tables);
    }

    /** From {@code strings.json} under {@code staticDir} when it is there (development), else the jar's copy. */
    public static I18n load(Path staticDir, ObjectMapper mapper) {
        Path file = staticDir.resolve("i18n").resolve("strings.json");
        try {
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return new I18n(read(in, mapper));
                }
            }
            try (InputStream in = I18n.class.getResourceAsStream(RESOURCE)) {
                if (in == null)
                    throw new IllegalStateException("no " + file + " and no " + RESOURCE + " on the classpath");
                return new I18n(read(in, mapper));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the page's strings", e);
        }
    }

    private static Map<String, Map<String, String>> read(InputStream in, ObjectMapper mapper) throws IOException {
        return mapper
                .readValue(in, new TypeReference<LinkedHashMap<String, LinkedHashMap<String, String>>>() {})
                .entrySet()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
    }

    /** The words of {@code lang}, English where it has none. */
    public Messages of(String lang) {
        Map<String, String> own = tables.getOrDefault(lang, tables.get(FALLBACK));
        Map<String, String> merged = new LinkedHashMap<>(tables.get(FALLBACK));
        merged.putAll(own);
        return new Messages(tables.containsKey(lang) ? lang : FALLBACK, Map.copyOf(merged));
    }

    public List<String> languages() {
        return tables.keySet().stream().sorted().toList();
    }

    /**
     * The first of {@code offered} that an {@code Accept-Language} header asks for, by q-value then
     * order ({@code ko-KR,ko;q=0.9,en;q=0.8} → ko), or null when it asks for none of them.
     */
    public static String fromAcceptLanguage(String header, List<String> offered) {
        if (header == null || header.isBlank()) return null;
        String best = null;
        double bestQ = 0;
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            String tag = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            String primary = tag.split("-")[0];
            if (offered.contains(primary) && q > bestQ) {
                best = primary;
                bestQ = q;
            }
        }
        return best;
    }
}
