package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.backprop.playground.session.SessionCost;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Admission by memory: the cap the heap gives, the room it has now, and the refusal a connection gets when it has none. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("socket")
class HeapBudgetTest {
    private static final long MB = 1024 * 1024;

    @Test
    void the_default_budget_is_the_heap_less_a_quarter_and_at_least_64_mb_less() {
        assertEquals(192 * MB, HeapAdmission.defaultBudget(256 * MB));
        assertEquals(384 * MB, HeapAdmission.defaultBudget(512 * MB));
        assertEquals(64 * MB, HeapAdmission.defaultBudget(128 * MB));
    }

    @Test
    void the_cap_is_what_the_budget_holds_at_the_heaviest_session_never_above_the_flag_and_at_least_one() {
        long heaviest = SessionCost.heaviest(PlaygroundLimits.defaults());
        HeapAdmission small = new HeapAdmission(HeapAdmission.defaultBudget(256 * MB), heaviest, () -> 0);
        assertEquals((192 * MB - HeapAdmission.BASELINE) / (heaviest + HeapAdmission.CONNECTION), small.cap(200));
        assertTrue(small.cap(200) > 50 && small.cap(200) < 200, "256 MB holds some, not 200: " + small.cap(200));
        assertEquals(
                200,
                new HeapAdmission(HeapAdmission.defaultBudget(512 * MB), heaviest, () -> 0).cap(200),
                "512 MB holds the default 200");
        assertEquals(3, small.cap(3), "--max-sessions lower than the heap's");
        assertEquals(1, new HeapAdmission(16 * MB, heaviest, () -> 0).cap(200), "a tiny budget still serves one");
        // wider layers cost more, so fewer fit (64 wide passes seed-digits' 32)
        assertTrue(SessionCost.heaviest(new PlaygroundLimits(6, 64, 1000, 10_000)) > heaviest);
    }

    @Test
    void there_is_room_while_the_heap_after_the_last_collection_plus_one_session_fits_the_budget() {
        AtomicLong used = new AtomicLong(100 * MB);
        HeapAdmission heap = new HeapAdmission(120 * MB, MB - HeapAdmission.CONNECTION, used::get);
        assertTrue(heap.roomForOneMore());
        used.set(119 * MB);
        assertTrue(heap.roomForOneMore(), "exactly full after one more");
        used.set(119 * MB + 1);
        assertFalse(heap.roomForOneMore());
        assertTrue(HeapAdmission.heapAfterLastGc() > 0);
    }

    /** A heap already past the budget (a 64 MB array held, then collected around) refuses like server_full, with its own code. */
    @Test
    void a_connection_the_heap_has_no_room_for_gets_server_busy_and_1013() {
        byte[] ballast = new byte[64 * (int) MB];
        System.gc(); // the last collection sees the ballast
        try (TestServer server = new TestServer(AppConfig.defaults().withHeapBudgetMb(52));
                WsClient refused = WsClient.connect(server.wsUrl())) {
            JsonNode e =
                    refused.await(m -> m.type().equals("error"), "server_busy").json();
            assertEquals("server_busy", e.get("code").asText());
            assertTrue(e.get("message").asText().contains("short of memory"), e.toString());
            assertEquals("socket.serverBusy", e.at("/detail/id").asText(), e.toString());
            assertEquals(1013, refused.awaitClose());
            assertTrue(refused.closeReason.contains("try again later: server busy"), refused.closeReason);
            assertTrue(refused.received.stream().noneMatch(m -> m.type().equals("hello")), "no session for it");
            assertEquals(0, server.socket().liveSessions());
            JsonNode health = server.ok(server.get("/api/health"));
            assertEquals(52, health.at("/process/heapBudgetMb").asInt());
            long perSession = SessionCost.heaviest(PlaygroundLimits.defaults()) + HeapAdmission.CONNECTION;
            long fixed = HeapAdmission.BASELINE + SessionCost.idlePasses(PlaygroundLimits.defaults());
            assertEquals(
                    (52 * MB - fixed) / perSession,
                    health.get("maxSessions").asInt(),
                    "what 52 MB less the baseline and the idle passes holds");
        }
        assertEquals(64 * MB, ballast.length);
    }
}
