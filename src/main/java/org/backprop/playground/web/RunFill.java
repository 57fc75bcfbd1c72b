package org.backprop.playground.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backprop.playground.state.Msg;
import org.backprop.playground.state.Warning;
import org.backprop.playground.store.Ids;
import org.backprop.playground.store.StoreException;
import org.backprop.playground.web.page.Filled;

/**
 * The {@code run} key at work: a link, {@code config} or {@code set} that names a stored run (a
 * student's run on a class board whose weights are too many for a link) gets its {@code weights}
 * from the store, unless it gives its own. The state keeps the id and writes it instead of the
 * numbers, so the link stays short. A run the store does not have fills nothing but a warning:
 * the link opens with the seed's initial weights.
 */
final class RunFill {
    private final Classroom classroom;

    RunFill(Classroom classroom) {
        this.classroom = classroom;
    }

    /** A {@code config}'s or {@code set}'s values with the run's weights where they give none. */
    Filled<Map<String, ?>> fill(Map<String, ?> values) {
        if (values == null
                || !(values.get("run") instanceof String id)
                || id.isBlank()
                || !blank(values.get("weights"))) {
            return Filled.as(values);
        }
        Lookup run = lookup(id.trim());
        if (run.weights == null) return new Filled<>(values, run.warnings);
        Map<String, Object> out = new LinkedHashMap<>(values);
        out.put("weights", run.weights);
        return Filled.as(out);
    }

    private record Lookup(String weights, List<Warning> warnings) {}

    private Lookup lookup(String id) {
        if (!Ids.wellFormed(id)) return new Lookup(null, List.of()); // the codec's own warning says a bad id
        try {
            Optional<String> w = classroom.store.runWeights(id);
            if (w.isPresent()) return new Lookup(w.get(), List.of());
            return new Lookup(null, List.of(new Warning("run", id, Msg.of("state.runNotFound"))));
        } catch (StoreException unreachable) {
            return new Lookup(null, List.of(new Warning("run", id, Msg.of("state.runUnavailable"))));
        }
    }

    private static boolean blank(Object v) {
        return v == null || v instanceof String s && s.isBlank() || v instanceof List<?> l && l.isEmpty();
    }
}
