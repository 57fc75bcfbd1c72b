package org.backprop.playground.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on its embedded H2 file database (StorePostgresTest runs the same cases on PostgreSQL). */
@Tag("unit")
class JdbcStoreTest {
    @TempDir
    Path dir;

    BoardStore store;

    @BeforeEach
    void open() {
        store = JdbcStore.open(DatabaseUrl.h2(dir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void exercises_and_boards_round_trip_and_the_key_is_kept_only_as_its_hash() {
        StoreCases.exercises_and_boards_round_trip(store);
    }

    @Test
    void names_are_unique_per_board_regardless_of_case_and_a_student_who_left_comes_back_with_their_row() {
        StoreCases.names_unique_and_rejoin(store);
    }

    @Test
    void the_cap_counts_rows_and_refuses_the_next() {
        StoreCases.cap(store);
    }

    @Test
    void reports_bump_the_version_and_the_first_reach_stays() {
        StoreCases.reports(store);
    }

    @Test
    void expired_boards_are_gone_before_the_sweep_and_the_sweep_deletes_them_with_their_rows() {
        StoreCases.expiry(store);
    }

    @Test
    void stored_data_sets_are_one_row_per_set_and_expire_unused_and_beyond_the_cap() {
        StoreCases.datasets(store);
    }

    @Test
    void the_expiry_sweep_deletes_data_sets_unused_for_their_lifetime() {
        StoreCases.datasetSweep(store);
    }

    @Test
    void a_board_survives_closing_and_reopening_the_database_file() {
        NewBoard made = store.createBoard(
                "dataset=xor", "task", "T", Instant.now(), Instant.now().plus(Duration.ofDays(1)));
        store.join(made.board().id(), "Ada", "dataset=xor", 200, Instant.now(), StoreCases.HELD);
        store.close();
        store = JdbcStore.open(DatabaseUrl.h2(dir));
        assertTrue(store.board(made.board().id(), Instant.now()).isPresent());
        assertEquals("Ada", store.students(made.board().id()).get(0).name());
    }

    /** The cases both databases run: the same rules whatever is underneath. */
    static final class StoreCases {
        static final Duration HELD = Duration.ofSeconds(30);
        static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

        static NewBoard board(BoardStore store) {
            return store.createBoard(
                    "dataset=xor&title=XOR", "Reach *0.05*.\nGo.", "XOR", T0, T0.plus(Duration.ofDays(30)));
        }

        static void exercises_and_boards_round_trip(BoardStore store) {
            Exercise e = store.createExercise("dataset=spiral", "a task ✓ 한글", "Spiral", T0);
            assertEquals(Ids.ID_CHARS, e.id().length());
            assertEquals(e, store.exercise(e.id()).orElseThrow());
            assertTrue(store.exercise("nope000000").isEmpty());
            assertTrue(store.exercise("'; DROP TABLE exercises; --").isEmpty());

            NewBoard made = board(store);
            Board b = store.board(made.board().id(), T0.plusSeconds(1)).orElseThrow();
            assertEquals("dataset=xor&title=XOR", b.exercise().state());
            assertEquals("Reach *0.05*.\nGo.", b.exercise().task());
            assertEquals("XOR", b.exercise().title());
            assertEquals(T0.plus(Duration.ofDays(30)), b.expiresAt());
            assertTrue(made.teacherKey().length() >= Ids.KEY_CHARS);
            assertNotEquals(made.teacherKey(), b.keyHash());
            assertFalse(b.keyHash().contains(made.teacherKey()));
            assertTrue(b.keyMatches(made.teacherKey()));
            assertFalse(b.keyMatches(made.teacherKey() + "x"));
            assertFalse(b.keyMatches(null));
            assertTrue(store.exercise(b.exercise().id()).isPresent(), "the board's exercise is an exercise of its own");

            assertTrue(store.deleteBoard(b.id()));
            assertFalse(store.deleteBoard(b.id()));
            assertTrue(store.board(b.id(), T0).isEmpty());
        }

        static void names_unique_and_rejoin(BoardStore store) {
            String id = board(store).board().id();
            assertEquals(Join.JOINED, store.join(id, "Ada", "s", 200, T0, HELD));
            assertEquals(Join.NAME_TAKEN, store.join(id, "ADA", "s", 200, T0.plusSeconds(1), HELD));
            assertEquals(Join.JOINED, store.join(id, "민수", "s", 200, T0, HELD));
            assertEquals(Join.BOARD_NOT_FOUND, store.join("missing000", "Ada", "s", 200, T0, HELD));

            store.report(
                    id, Nicknames.key("Ada"), new Progress(12, "testLoss", 0.2, "s2", null, null), T0.plusSeconds(2));
            store.leave(id, Nicknames.key("Ada"), T0.plusSeconds(3));
            StudentRow left = store.students(id).get(0);
            assertEquals(T0.plusSeconds(3), left.leftAt());
            assertFalse(left.online(T0.plusSeconds(3), HELD));
            assertEquals(Join.REJOINED, store.join(id, "ada", "s3", 200, T0.plusSeconds(4), HELD));
            StudentRow back = store.students(id).get(0);
            assertEquals("ada", back.name(), "shown as typed this time");
            assertNull(back.leftAt());
            assertEquals(12, back.progress().epoch(), "their results stay");
            assertEquals(0.2, back.progress().best());

            // a server that died wrote no leave: the row is free once it has not been seen for HELD
            assertEquals(
                    Join.NAME_TAKEN,
                    store.join(id, "민수", "s", 200, T0.plus(HELD).minusSeconds(1), HELD));
            assertEquals(
                    Join.REJOINED, store.join(id, "민수", "s", 200, T0.plus(HELD).plusSeconds(1), HELD));
        }

        static void cap(BoardStore store) {
            String id = board(store).board().id();
            for (int i = 0; i < 3; i++) assertEquals(Join.JOINED, store.join(id, "s" + i, "s", 3, T0, HELD));
            assertEquals(Join.BOARD_FULL, store.join(id, "s3", "s", 3, T0, HELD));
            assertEquals(3, store.students(id).size());
        }

        static void reports(BoardStore store) {
            String id = board(store).board().id();
            store.join(id, "Ada", "s", 200, T0, HELD);
            String key = Nicknames.key("Ada");
            long v0 = store.versions(id).get(key);
            store.report(id, key, new Progress(5, "testLoss", 0.3, "s5", "AAEC", null), T0.plusSeconds(1));
            long v1 = store.versions(id).get(key);
            assertTrue(v1 > v0);
            List<Double> weights = List.of(0.1, -2.5e-7, 1.0 / 3);
            store.report(
                    id,
                    key,
                    new Progress(40, "testLoss", 0.04, "s40", "AAEC", new Reached(38, 1.25, "r38", weights)),
                    T0.plusSeconds(2));
            store.report(
                    id,
                    key,
                    new Progress(90, "testLoss", 0.01, "s90", null, new Reached(88, 9, "r88", List.of(1.0))),
                    T0.plusSeconds(3));
            StudentRow row = store.students(id).get(0);
            assertEquals(90, row.progress().epoch());
            assertEquals(0.01, row.progress().best());
            assertEquals("s90", row.progress().state());
            Reached r = row.progress().reached();
            assertEquals(38, r.epoch(), "the first reach stays");
            assertEquals(1.25, r.seconds());
            assertEquals("r38", r.state());
            assertEquals(weights, r.weights(), "weights read back bit for bit");
            Map<String, Long> versions = store.versions(id);
            assertTrue(versions.get(key) > v1);
            assertEquals(row, store.student(id, key).orElseThrow(), "one row read alone is the same row");
            assertTrue(store.student(id, "nobody").isEmpty());
            store.report(
                    "missing000", key, new Progress(1, null, null, "s", null, null), T0); // no row: nothing happens
        }

        static void expiry(BoardStore store) {
            NewBoard soon = store.createBoard("s", "", "", T0, T0.plusSeconds(60));
            NewBoard later = board(store);
            store.join(soon.board().id(), "Ada", "s", 200, T0, HELD);
            assertTrue(store.board(soon.board().id(), T0.plusSeconds(59)).isPresent());
            assertTrue(
                    store.board(soon.board().id(), T0.plusSeconds(60)).isEmpty(), "gone at its expiry, swept or not");
            assertEquals(Join.BOARD_NOT_FOUND, store.join(soon.board().id(), "Bo", "s", 200, T0.plusSeconds(61), HELD));
            assertEquals(1, store.sweepExpired(T0.plusSeconds(61)));
            assertTrue(store.students(soon.board().id()).isEmpty(), "its rows went with it");
            assertTrue(store.board(later.board().id(), T0.plusSeconds(61)).isPresent());
            assertEquals(0, store.sweepExpired(T0.plusSeconds(61)));
        }

        static void datasets(BoardStore store) {
            String first = store.storeDataset("AQAA__8B", T0);
            assertEquals(12, first.length());
            assertEquals(first, store.storeDataset("AQAA__8B", T0), "the same set, the same id");
            assertEquals(1, store.datasetCount());
            assertEquals("AQAA__8B", store.datasetPoints(first, T0).orElseThrow());
            assertTrue(store.datasetPoints("nope", T0).isEmpty());
            assertTrue(store.datasetPoints("../x", T0).isEmpty());
            List<String> later = new java.util.ArrayList<>();
            for (int i = 1; i <= 4; i++)
                later.add(store.storeDataset("AQAA__8B" + "AAAAA".repeat(i), T0.plusSeconds(i)));
            assertEquals(5, store.datasetCount());
            // a read is a use: the first set is now the most recently used
            assertTrue(store.datasetPoints(first, T0.plusSeconds(120)).isPresent());
            // unused since T0 + 2 s: the one stored at T0 + 1 s goes (the first was read since)
            assertEquals(1, store.sweepDatasets(T0.plusSeconds(2), 10));
            assertTrue(store.datasetPoints(later.get(0), T0.plusSeconds(121)).isEmpty());
            // beyond the cap the least recently used go: of T0+120, +2, +3, +4 two stay
            assertEquals(2, store.sweepDatasets(T0, 2));
            assertEquals(2, store.datasetCount());
            assertTrue(store.datasetPoints(first, T0.plusSeconds(121)).isPresent());
            assertTrue(store.datasetPoints(later.get(3), T0.plusSeconds(121)).isPresent());
            assertTrue(store.datasetPoints(later.get(1), T0.plusSeconds(121)).isEmpty());
        }

        static void datasetSweep(BoardStore store) {
            String old = store.storeDataset("AQ", T0);
            String recent = store.storeDataset("AQAA__8B", T0.plus(BoardStore.DATASET_LIFETIME));
            java.time.Clock clock = java.time.Clock.fixed(
                    T0.plus(BoardStore.DATASET_LIFETIME).plusSeconds(1), java.time.ZoneOffset.UTC);
            try (ExpirySweep sweep = new ExpirySweep(store, clock)) { // it sweeps once at start
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (store.datasetCount() > 1 && System.nanoTime() < deadline) Thread.onSpinWait();
            }
            assertEquals(1, store.datasetCount());
            assertTrue(store.datasetPoints(old, T0).isEmpty(), "unused for its lifetime: swept");
            assertTrue(store.datasetPoints(recent, T0).isPresent());
        }
    }
}
