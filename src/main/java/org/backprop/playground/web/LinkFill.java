package org.backprop.playground.web;

import java.util.Map;
import org.backprop.playground.web.page.Filled;

/** What a link, {@code config} or {@code set} gains from the store before it is read: an exercise's task and title, a run's weights. */
final class LinkFill {
    private final ExerciseFill exercises;
    private final RunFill runs;

    LinkFill(ExerciseFill exercises, RunFill runs) {
        this.exercises = exercises;
        this.runs = runs;
    }

    Filled<String> fill(String query) {
        return exercises.fill(query).then(runs::fill);
    }

    Filled<Map<String, ?>> fill(Map<String, ?> values) {
        return exercises.fill(values).then(runs::fill);
    }

    /** A {@code set} names no exercise to fill from, but may name a run. */
    Filled<Map<String, ?>> fillSet(Map<String, ?> values) {
        return runs.fill(values);
    }
}
