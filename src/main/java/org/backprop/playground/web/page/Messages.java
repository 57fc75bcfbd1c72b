package org.backprop.playground.web.page;

import java.util.Map;
import org.backprop.playground.state.Msg;

/** One language's words; {@code {name}} in a text is a placeholder filled by {@link #format}. */
public record Messages(String lang, Map<String, String> table) {
    /** The text of {@code key}, or the key itself when no language has it (visible, never blank). */
    public String t(String key) {
        String text = table.get(key);
        return text == null ? key : text;
    }

    /** The text of {@code key} with {@code {name}} replaced by each value, given as name, value, name, value, .... */
    public String format(String key, Object... namesAndValues) {
        String text = t(key);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            text = text.replace("{" + namesAndValues[i] + "}", String.valueOf(namesAndValues[i + 1]));
        }
        return text;
    }

    /** A server message in these words ({@code "msg." + id}), or {@code english} when it has no id or no template. */
    public String say(Msg detail, String english) {
        String text = detail == null ? null : detail.render(table::get);
        return text == null ? english : text;
    }
}
