package org.backprop.playground.web;

import java.util.Map;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.web.page.Filled;

/** What a link, {@code config} or {@code set} gains from the store before it is read: an exercise's task and title, a run's weights, a stored data set's points. */
final class LinkFill {
    private final ExerciseFill exercises;
    private final RunFill runs;
    private final DataFill data;

    LinkFill(ExerciseFill exercises, RunFill runs, DataFill data) {
        this.exercises = exercises;
        this.runs = runs;
        this.data = data;
    }

    /** A link's query with what the store adds appended: the same fill as a {@code config}'s, read by the codec's parser. */
    Filled<String> fill(String query) {
        if (query == null) return Filled.as(null);
        Map<String, String> given = StateCodec.values(query);
        Filled<Map<String, ?>> filled = fill(given);
        StringBuilder out = new StringBuilder(query);
        filled.value().forEach((name, value) -> {
            if (!value.equals(given.get(name))) out.append(StateCodec.queryPair(name, value));
        });
        return new Filled<>(out.toString(), filled.warnings());
    }

    Filled<Map<String, ?>> fill(Map<String, ?> values) {
        return exercises.fill(values).then(runs::fill).then(data::fill);
    }

    /** A {@code set} names no exercise to fill from, but may name a run or a stored data set. */
    Filled<Map<String, ?>> fillSet(Map<String, ?> values) {
        return runs.fill(values).then(data::fill);
    }

    /** The stored data set a state's many points go in (see {@link DataFill#keep}). */
    DataFill data() {
        return data;
    }
}
