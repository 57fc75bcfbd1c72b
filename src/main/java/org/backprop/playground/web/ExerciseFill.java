package org.backprop.playground.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backprop.playground.state.Msg;
import org.backprop.playground.state.Warning;
import org.backprop.playground.store.Exercise;
import org.backprop.playground.store.Ids;
import org.backprop.playground.store.StoreException;
import org.backprop.playground.web.page.Filled;

/**
 * The {@code exercise} key at work: a page or a {@code config} that names a stored exercise gets
 * its {@code task} and {@code title} from the store, unless it gives its own (the link's values
 * win, as every key of a link does). An unknown exercise or a store that cannot be reached fills
 * nothing but a warning: the link still opens as the experiment it spells out.
 */
final class ExerciseFill {
    private final Classroom classroom;

    ExerciseFill(Classroom classroom) {
        this.classroom = classroom;
    }

    /** A {@code config}'s state with the exercise's title and task where it has none. */
    Filled<Map<String, ?>> fill(Map<String, ?> values) {
        if (values == null || !(values.get("exercise") instanceof String id)) return Filled.as(values);
        Lookup e = lookup(id.trim());
        if (e.found == null) return new Filled<>(values, e.warnings());
        Map<String, Object> out = new LinkedHashMap<>(values);
        if (blank(out.get("title")) && !e.found.title().isEmpty()) out.put("title", e.found.title());
        if (blank(out.get("task")) && !e.found.task().isEmpty()) out.put("task", e.found.task());
        return Filled.as(out);
    }

    /** The stored exercise, or null with why (none for an id the codec already warned of, or none named). */
    private record Lookup(Exercise found, List<Warning> warnings) {}

    private Lookup lookup(String id) {
        if (id.isEmpty() || !Ids.wellFormed(id))
            return new Lookup(null, List.of()); // the codec's own warning says a bad id
        try {
            Optional<Exercise> e = classroom.store.exercise(id);
            if (e.isPresent()) return new Lookup(e.get(), List.of());
            return new Lookup(null, List.of(new Warning("exercise", id, Msg.of("state.exerciseNotFound"))));
        } catch (StoreException unreachable) {
            return new Lookup(null, List.of(new Warning("exercise", id, Msg.of("state.exerciseUnavailable"))));
        }
    }

    private static boolean blank(Object v) {
        return v == null || v instanceof String s && s.isBlank();
    }
}
