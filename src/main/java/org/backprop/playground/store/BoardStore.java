package org.backprop.playground.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exercises, class boards and their students' rows: the one interface the web layer uses
 * ({@link JdbcStore} implements it on H2 or PostgreSQL). Times are passed in, for tests.
 * A board past its expiry is gone for every method, swept or not.
 */
public interface BoardStore extends AutoCloseable {
    Exercise createExercise(String state, String task, String title, Instant now);

    Optional<Exercise> exercise(String id);

    /** A board on a new exercise of this state and task, expiring at {@code expiresAt}. */
    NewBoard createBoard(String state, String task, String title, Instant now, Instant expiresAt);

    /** The board, unless unknown or expired at {@code now}. */
    Optional<Board> board(String id, Instant now);

    /** Deletes a board and its rows; false when there was none. */
    boolean deleteBoard(String id);

    /**
     * Joins {@code name} (already {@link Nicknames#clean clean}) to a board of at most {@code cap}
     * rows. A nickname whose row is still {@link StudentRow#online online} is taken; one whose
     * session has gone is the same student back.
     */
    Join join(String boardId, String name, String state, int cap, Instant now, java.time.Duration heldFor);

    /** A joined student's progress now (and that they are still there). */
    void report(String boardId, String nameKey, Progress progress, Instant now);

    void leave(String boardId, String nameKey, Instant now);

    /** The board's rows in the order they joined. */
    List<StudentRow> students(String boardId);

    /** One row of a board, or none. */
    Optional<StudentRow> student(String boardId, String nameKey);

    /** Each row's version (name key to version): what a watcher compares to read only the rows that moved. */
    Map<String, Long> versions(String boardId);

    /** Stores a run's weights (a query's {@code weights} value) with its board; returns the run's id. */
    String createRun(String boardId, String weights, Instant now);

    /** A stored run's weights, unless unknown or its board is gone. */
    Optional<String> runWeights(String id);

    /**
     * Stores a person's own points (a state's {@code points} value, at most {@link #MAX_DATASET_CHARS})
     * and returns the set's id: a hash of the points, so the same set has the same id and one row.
     * Over {@link #MAX_DATASETS} sets the least recently used go.
     */
    String storeDataset(String points, Instant now);

    /** A stored set's points, unless unknown or swept; a read counts as a use (it keeps the set). */
    Optional<String> datasetPoints(String id, Instant now);

    /** Deletes the sets unused since {@code unusedSince}, then the least recently used beyond {@code keep}; returns how many. */
    int sweepDatasets(Instant unusedSince, int keep);

    /** Sets the store holds now. */
    int datasetCount();

    /** The most characters a stored set's points have (2,000 regression points in base64, and room). */
    int MAX_DATASET_CHARS = 20_000;
    /** Stored sets kept at most: with {@link #MAX_DATASET_CHARS} each, 100 MB at worst (a 500-point set is 3.3 KB). */
    int MAX_DATASETS = 5_000;
    /** How long a stored set lasts after its last use. */
    java.time.Duration DATASET_LIFETIME = java.time.Duration.ofDays(30);

    /** Deletes the boards expired at {@code now}; returns how many. */
    int sweepExpired(Instant now);

    @Override
    void close();
}
