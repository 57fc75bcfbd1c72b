package org.backprop.playground.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backprop.playground.store.JdbcStoreTest.StoreCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The store's cases on a real PostgreSQL (skipped, saying so, without TEST_DATABASE_URL): the same migration and rules as on H2. */
@Tag("socket")
class StorePostgresTest {
    TestPostgres pg;
    JdbcStore store;

    @BeforeEach
    void open() {
        pg = TestPostgres.require();
        store = JdbcStore.open(DatabaseUrl.parse(pg.jdbcUrl()));
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
        if (pg != null) pg.close();
    }

    @Test
    void exercises_and_boards_round_trip() {
        StoreCases.exercises_and_boards_round_trip(store);
    }

    @Test
    void names_unique_and_rejoin() {
        StoreCases.names_unique_and_rejoin(store);
    }

    @Test
    void cap() {
        StoreCases.cap(store);
    }

    @Test
    void reports() {
        StoreCases.reports(store);
    }

    @Test
    void expiry() {
        StoreCases.expiry(store);
    }

    @Test
    void datasets() {
        StoreCases.datasets(store);
    }

    @Test
    void thirty_joins_at_once_from_two_pools_keep_the_cap_of_twenty() throws Exception {
        NewBoard b = store.createBoard("s", "", "", Instant.now(), Instant.now().plus(Duration.ofDays(1)));
        try (JdbcStore other = JdbcStore.open(DatabaseUrl.parse(pg.jdbcUrl()))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Join>> joins = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                BoardStore s = i % 2 == 0 ? store : other;
                String name = "s" + i;
                joins.add(pool.submit(() -> s.join(b.board().id(), name, "s", 20, Instant.now(), StoreCases.HELD)));
            }
            int joined = 0, full = 0;
            for (Future<Join> f : joins) {
                Join j = f.get();
                if (j == Join.JOINED) joined++;
                if (j == Join.BOARD_FULL) full++;
            }
            pool.shutdown();
            assertEquals(20, joined, "joined");
            assertEquals(10, full, "refused as full");
            assertTrue(store.students(b.board().id()).size() == 20);
        }
    }
}
