package org.backprop.playground.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exported program, {@code export/numpy-run.py}: Python in cells, each begun by a {@code # %%}
 * line (Jupytext's percent format, which editors also show as cells). {@code # %% [markdown] key}
 * is a prose cell with the words {@code md.key}; in code, a line that is only {@code «#key»} becomes
 * those words as a comment block at its indent, {@code «#key»} inside a line the one-line words,
 * and {@code «=name»} (in code and words alike) a value the exporter fills in.
 */
final class ScriptTemplate {
    static final String RESOURCE = "/export/numpy-run.py";
    private static final String TEXT = load();
    private static final Pattern WORDS = Pattern.compile("«#([A-Za-z.]+)»"), VALUE = Pattern.compile("«=([A-Za-z]+)»");

    private ScriptTemplate() {}

    /** The cells in {@code lang}'s words, with {@code values} filled in; a name without a value is a bug, so it throws. */
    static List<Cell> render(String lang, Map<String, String> values) {
        List<Cell> cells = new ArrayList<>();
        Cell.Kind kind = null;
        StringBuilder body = new StringBuilder();
        for (String line : TEXT.split("\n", -1)) {
            if (line.startsWith("# %%")) {
                if (kind != null) cells.add(new Cell(kind, fill(body.toString().strip(), values)));
                body.setLength(0);
                String markdown = line.startsWith("# %% [markdown] ")
                        ? line.substring("# %% [markdown] ".length()).trim()
                        : null;
                kind = markdown == null ? Cell.Kind.CODE : Cell.Kind.MARKDOWN;
                if (markdown != null) body.append(ScriptWords.get(lang, "md." + markdown));
            } else if (kind == Cell.Kind.CODE) {
                body.append(words(line, lang)).append('\n');
            }
        }
        if (kind != null) cells.add(new Cell(kind, fill(body.toString().strip(), values)));
        return cells;
    }

    /** A line's {@code «#key»}: a comment block when it stands alone, else the one-line words in place. */
    private static String words(String line, String lang) {
        String trimmed = line.trim();
        Matcher alone = WORDS.matcher(trimmed);
        if (alone.matches()) {
            String indent = line.substring(0, line.indexOf('«'));
            StringBuilder block = new StringBuilder();
            for (String w : ScriptWords.get(lang, alone.group(1)).split("\n")) {
                if (block.length() > 0) block.append('\n');
                block.append(indent).append("# ").append(w);
            }
            return block.toString();
        }
        Matcher m = WORDS.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String w = ScriptWords.get(lang, m.group(1));
            if (w.contains("\n"))
                throw new IllegalStateException("export text '" + m.group(1) + "' is used inline but has lines");
            m.appendReplacement(out, Matcher.quoteReplacement(w));
        }
        return m.appendTail(out).toString();
    }

    /** {@code text} with each {@code «=name»} replaced by its value. */
    static String fill(String text, Map<String, String> values) {
        Matcher m = VALUE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) throw new IllegalStateException("no value for «=" + m.group(1) + "» in " + RESOURCE);
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        return m.appendTail(out).toString();
    }

    private static String load() {
        try (InputStream in = ScriptTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
