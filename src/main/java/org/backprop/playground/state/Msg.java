package org.backprop.playground.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message as data, so a page can say it in its own language: a stable {@code id} (the words are
 * {@code "msg." + id} in {@code static/i18n/strings.json}, Korean and English) and named
 * {@code params}, each a plain string or a nested {@code Msg} (a reason inside a sentence). The
 * English sentence is still sent alongside as {@code message}.
 */
public record Msg(String id, Map<String, Object> params) {
    /** The prefix of a message's template key in strings.json. */
    public static final String PREFIX = "msg.";

    public Msg {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** {@code Msg.of("state.notANumber", "value", raw)}: params as name, value pairs. */
    public static Msg of(String id, Object... nameValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            Object v = nameValues[i + 1];
            params.put((String) nameValues[i], v instanceof Msg ? v : String.valueOf(v));
        }
        return new Msg(id, params);
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /** The text in the words of {@code template} (a key → template lookup), or null when it has no template. */
    public String render(Function<String, String> template) {
        String t = template.apply(PREFIX + id);
        if (t == null) return null;
        Matcher m = PLACEHOLDER.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = params.get(m.group(1));
            String text = v instanceof Msg nested ? nested.render(template) : v == null ? m.group() : v.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(text == null ? m.group() : text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Thrown where a parser's failure needs words (Goal.parse); its message is the English. */
    public static final class Failure extends IllegalArgumentException {
        private final transient Msg msg;

        public Failure(Msg msg) {
            super(English.of(msg));
            this.msg = msg;
        }

        public Msg msg() {
            return msg;
        }
    }
}
