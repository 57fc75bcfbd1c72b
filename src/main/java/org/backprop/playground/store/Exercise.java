package org.backprop.playground.store;

import java.time.Instant;

/**
 * A stored exercise: a playground state (its query string, without {@code ?}), the task text, and
 * the title the state names (kept apart so a board lists it without reading the state).
 */
public record Exercise(String id, String state, String task, String title, Instant createdAt) {}
