package org.backprop.playground.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backprop.playground.state.CustomPoints;
import org.backprop.playground.state.Msg;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.Warning;
import org.backprop.playground.store.Ids;
import org.backprop.playground.store.StoreException;
import org.backprop.playground.web.page.Filled;

/**
 * The {@code data} key at work, both ways. In: a link, {@code config} or {@code set} that names a
 * stored data set gets its {@code points} from the store, unless it gives its own (as {@link RunFill}
 * does for a run's weights); a set the store does not have fills nothing but a warning. Out: a state
 * whose own points are more than {@link CustomPoints#LINK_POINTS} is given a stored set's id, so its
 * link names the id instead of the points ({@link #keep}).
 */
final class DataFill {
    private final Classroom classroom;

    DataFill(Classroom classroom) {
        this.classroom = classroom;
    }

    /** A {@code config}'s or {@code set}'s values with the stored set's points where they give none. */
    Filled<Map<String, ?>> fill(Map<String, ?> values) {
        if (values == null
                || !(values.get("data") instanceof String id)
                || id.isBlank()
                || !(values.get("points") == null || values.get("points") instanceof String s && s.isBlank())) {
            return Filled.as(values);
        }
        Lookup set = lookup(id.trim());
        if (set.points == null) return new Filled<>(values, set.warnings);
        Map<String, Object> out = new LinkedHashMap<>(values);
        out.put("points", set.points);
        return Filled.as(out);
    }

    /**
     * {@code state} as its link should name it: own points over {@link CustomPoints#LINK_POINTS} that no
     * stored set names yet are stored, and the state names the set; null when nothing changes. A store
     * that cannot be reached leaves the points in the link, with a warning.
     */
    Kept keep(PlaygroundState state) {
        CustomPoints points = state.points();
        if (points == null
                || points.size() <= CustomPoints.LINK_POINTS
                || !state.data().isEmpty()) return null;
        try {
            return new Kept(classroom.store.storeDataset(points.text(), classroom.clock.instant()), List.of());
        } catch (StoreException unreachable) {
            return new Kept(null, List.of(new Warning("data", null, Msg.of("state.dataNotStored"))));
        }
    }

    /** A stored set's id for a state's points (null when it could not be stored), and what to say. */
    record Kept(String id, List<Warning> warnings) {}

    private record Lookup(String points, List<Warning> warnings) {}

    private Lookup lookup(String id) {
        if (!Ids.wellFormed(id)) return new Lookup(null, List.of()); // the codec's own warning says a bad id
        try {
            Optional<String> p = classroom.store.datasetPoints(id, classroom.clock.instant());
            if (p.isPresent()) return new Lookup(p.get(), List.of());
            return new Lookup(null, List.of(new Warning("data", id, Msg.of("state.dataNotFound"))));
        } catch (StoreException unreachable) {
            return new Lookup(null, List.of(new Warning("data", id, Msg.of("state.dataUnavailable"))));
        }
    }
}
