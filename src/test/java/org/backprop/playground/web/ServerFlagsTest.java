package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ServerFlagsTest {
    @Test
    void flags_win_over_the_environment_and_defaults_fill_the_rest() {
        ServerFlags f = ServerFlags.parse(
                new String[] {"--max-sessions", "500", "--fps=20", "--max-neurons", "16"},
                Map.of("PORT", "8080", "MAX_SESSIONS", "50", "MAX_HIDDEN_LAYERS", "10"));
        assertEquals(8080, f.port());
        assertEquals(500, f.config().socket().maxSessions());
        assertEquals(20, f.config().scheduler().framesPerSecond());
        assertEquals(16, f.config().limits().maxNeurons());
        assertEquals(10, f.config().limits().maxHiddenLayers());
        ServerFlags none = ServerFlags.parse(new String[0], Map.of());
        assertEquals(ServerFlags.DEFAULT_PORT, none.port());
        assertEquals(200, none.config().socket().maxSessions());
        assertEquals(30, none.config().scheduler().framesPerSecond());
        assertEquals(0, none.config().heapBudgetMb(), "the heap budget follows -Xmx");
    }

    @Test
    void the_heap_budget_comes_from_its_flag_or_its_variable() {
        assertEquals(
                300,
                ServerFlags.parse(new String[] {"--heap-budget-mb", "300"}, Map.of("HEAP_BUDGET_MB", "100"))
                        .config()
                        .heapBudgetMb());
        assertEquals(
                100,
                ServerFlags.parse(new String[0], Map.of("HEAP_BUDGET_MB", "100"))
                        .config()
                        .heapBudgetMb());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> ServerFlags.parse(new String[] {"--heap-budget-mb", "8"}, Map.of()))
                .getMessage()
                .contains("--heap-budget-mb (env HEAP_BUDGET_MB) must be a whole number from 16"));
        assertTrue(ServerFlags.HELP.contains("--heap-budget-mb N"));
    }

    @Test
    void max_heavy_requests_defaults_to_the_cores_and_takes_a_flag_or_its_variable() {
        assertEquals(
                Runtime.getRuntime().availableProcessors(),
                ServerFlags.parse(new String[0], Map.of()).config().maxHeavyRequests());
        assertEquals(
                3,
                ServerFlags.parse(new String[] {"--max-heavy-requests", "3"}, Map.of())
                        .config()
                        .maxHeavyRequests());
        assertEquals(
                5,
                ServerFlags.parse(new String[0], Map.of("MAX_HEAVY_REQUESTS", "5"))
                        .config()
                        .maxHeavyRequests());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> ServerFlags.parse(new String[] {"--max-heavy-requests", "0"}, Map.of()))
                .getMessage()
                .contains("--max-heavy-requests"));
    }

    @Test
    void body_timeout_defaults_to_20_s_and_takes_a_flag_or_its_variable() {
        assertEquals(
                AppConfig.DEFAULT_BODY_TIMEOUT,
                ServerFlags.parse(new String[0], Map.of()).config().bodyTimeout());
        assertEquals(
                java.time.Duration.ofSeconds(5),
                ServerFlags.parse(new String[] {"--body-timeout=5"}, Map.of())
                        .config()
                        .bodyTimeout());
        assertEquals(
                java.time.Duration.ofSeconds(7),
                ServerFlags.parse(new String[0], Map.of("BODY_TIMEOUT", "7"))
                        .config()
                        .bodyTimeout());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> ServerFlags.parse(new String[] {"--body-timeout", "0"}, Map.of()))
                .getMessage()
                .contains("BODY_TIMEOUT"));
    }

    @Test
    void bad_flags_say_what_is_wrong() {
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> ServerFlags.parse(new String[] {"--fps", "0"}, Map.of()))
                .getMessage()
                .contains("--fps"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> ServerFlags.parse(new String[] {"--nope", "1"}, Map.of()))
                .getMessage()
                .contains("unknown flag"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> ServerFlags.parse(new String[] {"--max-sessions"}, Map.of()))
                .getMessage()
                .contains("needs a value"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> ServerFlags.parse(new String[0], Map.of("MAX_NEURONS", "999")))
                .getMessage()
                .contains("MAX_NEURONS"));
    }

    @Test
    void frame_ancestors_come_from_the_flag_or_its_variable_and_a_bad_value_is_refused() {
        assertEquals(
                "'self'", ServerFlags.parse(new String[0], Map.of()).config().frameAncestors());
        assertEquals(
                "'none'",
                ServerFlags.parse(new String[] {"--frame-ancestors", "'none'"}, Map.of())
                        .config()
                        .frameAncestors());
        assertEquals(
                "'self' https://lms.example",
                ServerFlags.parse(new String[0], Map.of("FRAME_ANCESTORS", " 'self'  https://lms.example "))
                        .config()
                        .frameAncestors());
        for (String bad : new String[] {
            "'self'; script-src *", "https://a.example,https://b.example", "'unsafe-inline'", "'none' 'self'", " "
        }) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> ServerFlags.parse(new String[] {"--frame-ancestors", bad}, Map.of()),
                    bad);
            assertTrue(e.getMessage().contains("--frame-ancestors"), e.getMessage());
        }
    }

    @Test
    void the_access_flags_are_off_by_default() {
        SocketAccess d = ServerFlags.parse(new String[0], Map.of()).config().access();
        assertEquals(0, d.maxSessionsPerAddress());
        assertFalse(d.trustProxy());
        assertTrue(d.allowedOrigins().isEmpty());
        SocketAccess env = ServerFlags.parse(
                        new String[0],
                        Map.of(
                                "TRUST_PROXY",
                                "true",
                                "MAX_SESSIONS_PER_ADDRESS",
                                "40",
                                "ALLOWED_ORIGINS",
                                "https://a.example"))
                .config()
                .access();
        assertTrue(env.trustProxy());
        assertEquals(40, env.maxSessionsPerAddress());
        assertEquals(Set.of("https://a.example"), env.allowedOrigins());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> ServerFlags.parse(new String[] {"--trust-proxy=maybe"}, Map.of()))
                .getMessage()
                .contains("true or false"));
    }

    @Test
    void the_warm_up_is_on_unless_turned_off() {
        assertTrue(ServerFlags.parse(new String[0], Map.of()).warmup());
        assertTrue(ServerFlags.parse(new String[] {"--warmup"}, Map.of()).warmup());
        assertFalse(ServerFlags.parse(new String[] {"--warmup=false"}, Map.of()).warmup());
        assertFalse(ServerFlags.parse(new String[0], Map.of("WARMUP", "false")).warmup());
        assertTrue(ServerFlags.parse(new String[] {"--warmup=true"}, Map.of("WARMUP", "false"))
                .warmup());
    }

    @Test
    void the_store_flags_default_to_the_data_directory_and_take_a_postgres_url_and_a_board_lifetime() {
        org.backprop.playground.store.StoreConfig none =
                ServerFlags.parse(new String[0], Map.of()).config().store();
        assertEquals(java.nio.file.Path.of("playground-data"), none.dataDir());
        assertEquals(null, none.databaseUrl());
        assertEquals(java.time.Duration.ofDays(30), none.boardLifetime());
        assertEquals(java.time.Duration.ofMillis(250), none.boardPoll());
        org.backprop.playground.store.StoreConfig set = ServerFlags.parse(
                        new String[] {"--data-dir", "/srv/p", "--board-days=7"},
                        Map.of("DATABASE_URL", "postgres://u:p@db:5432/play", "DATA_DIR", "/ignored"))
                .config()
                .store();
        assertEquals(java.nio.file.Path.of("/srv/p"), set.dataDir());
        assertEquals("jdbc:postgresql://db:5432/play", set.url().jdbcUrl());
        assertEquals(java.time.Duration.ofDays(7), set.boardLifetime());
        String bad = assertThrows(
                        IllegalArgumentException.class,
                        () -> ServerFlags.parse(new String[0], Map.of("DATABASE_URL", "mysql://u:secret@h/db")))
                .getMessage();
        assertTrue(bad.contains("DATABASE_URL") && !bad.contains("secret"), bad);
        assertThrows(
                IllegalArgumentException.class, () -> ServerFlags.parse(new String[] {"--board-days", "0"}, Map.of()));
        assertEquals(
                java.time.Duration.ofSeconds(2),
                ServerFlags.parse(new String[0], Map.of("BOARD_POLL_MS", "2000"))
                        .config()
                        .store()
                        .boardPoll());
        assertThrows(
                IllegalArgumentException.class,
                () -> ServerFlags.parse(new String[] {"--board-poll-ms", "5"}, Map.of()));
    }
}
