package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.load.Warmup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server's own warm-up goes through a class's whole path, and leaves nothing behind. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("socket")
class WarmupTest {
    @Test
    void the_warm_up_plays_a_class_on_a_board_of_its_own_then_leaves_no_session_and_no_board() throws Exception {
        try (TestServer server = new TestServer()) {
            Warmup.Result r = Warmup.run(server.port());
            assertEquals(20, r.studentsShown(), "every warm-up student reached the teacher's board");
            assertTrue(r.deleted(), "the server said 204 to deleting the board");
            assertTrue(
                    server.classroom().store.board(r.boardId(), Instant.now()).isEmpty(), "the board is gone");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.socket().liveSessions() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(0, server.socket().liveSessions(), "the warm-up's sessions closed");
        }
    }
}
