package org.backprop.playground.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.store.Exercise;
import org.backprop.playground.store.Ids;
import org.backprop.playground.store.StoreException;

/**
 * The {@code exercise} key at work: a page or a {@code config} that names a stored exercise gets
 * its {@code task} and {@code title} from the store, unless it gives its own (the link's values
 * win, as every key of a link does). An unknown exercise or a store that cannot be reached fills
 * nothing: the link still opens as the experiment it spells out.
 */
final class ExerciseFill {
    private static final Pattern HAS_TASK = Pattern.compile("(^|[&?#])task=[^&]");

    private final Classroom classroom;
    private final StateCodec codec;

    ExerciseFill(Classroom classroom, StateCodec codec) {
        this.classroom = classroom;
        this.codec = codec;
    }

    /** A page's query string with the exercise's title and task appended where it has none. */
    String fill(String query) {
        if (query == null || !query.contains("exercise=")) return query;
        var state = codec.parse(query).state();
        Optional<Exercise> e = lookup(state.exercise());
        if (e.isEmpty()) return query;
        StringBuilder out = new StringBuilder(query);
        if (state.title().isEmpty() && !e.get().title().isEmpty()) out.append("&title=").append(encode(e.get().title()));
        if (!HAS_TASK.matcher(query).find() && !e.get().task().isEmpty()) out.append("&task=").append(encode(e.get().task()));
        return out.toString();
    }

    /** A {@code config}'s state with the exercise's title and task where it has none. */
    Map<String, ?> fill(Map<String, ?> values) {
        if (values == null || !(values.get("exercise") instanceof String id)) return values;
        Optional<Exercise> e = lookup(id.trim());
        if (e.isEmpty()) return values;
        Map<String, Object> out = new LinkedHashMap<>(values);
        if (blank(out.get("title")) && !e.get().title().isEmpty()) out.put("title", e.get().title());
        if (blank(out.get("task")) && !e.get().task().isEmpty()) out.put("task", e.get().task());
        return out;
    }

    private Optional<Exercise> lookup(String id) {
        if (id.isEmpty() || !Ids.wellFormed(id)) return Optional.empty();
        try {
            return classroom.store.exercise(id);
        } catch (StoreException unreachable) {
            return Optional.empty();
        }
    }

    private static boolean blank(Object v) {
        return v == null || v instanceof String s && s.isBlank();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
