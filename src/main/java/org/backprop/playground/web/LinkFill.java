package org.backprop.playground.web;

import java.util.Map;
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

    Filled<String> fill(String query) {
        return exercises.fill(query).then(runs::fill).then(data::fill);
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
