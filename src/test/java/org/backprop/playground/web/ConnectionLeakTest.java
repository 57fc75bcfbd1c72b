package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.websocket.PingManager;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.RawWs;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Connections that come and go leave nothing: no HTTP session or cookie per upgrade, no ping task,
 * no session, no thread, and the heap back near where it started. Cycles end every way a
 * connection can: a reset right after the upgrade, a FIN with no close frame, a reset after hello,
 * and a clean close.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("socket")
class ConnectionLeakTest {
    private static final int CYCLES = 5_000;

    @Test
    void five_thousand_connects_and_aborts_leave_no_session_task_thread_or_cookie_behind() throws IOException {
        try (TestServer server = new TestServer()) {
            PlaygroundSocket socket = server.socket();
            HttpResponse<String> page = server.get("/");
            assertTrue(
                    page.headers().allValues("Set-Cookie").isEmpty(),
                    "the page sets no cookie: " + page.headers().map());
            for (int i = 0; i < 200; i++) cycle(server, i); // warm: classes loaded, pools grown
            awaitNothingHeld(socket);
            long heapBefore = heapAfterGc();
            int threadsBefore = Thread.activeCount();
            long start = System.nanoTime();
            for (int i = 0; i < CYCLES; i++) cycle(server, i);
            long ms = (System.nanoTime() - start) / 1_000_000;
            awaitNothingHeld(socket);
            long heapAfter = heapAfterGc();
            int threadsAfter = Thread.activeCount();
            System.out.printf(
                    "%d connect/abort cycles in %d ms: heap after GC %.1f -> %.1f MB, threads %d -> %d, live %d,"
                            + " connections held %d, sessions scheduled %d, Javalin ping tasks %d, stats %s%n",
                    CYCLES,
                    ms,
                    heapBefore / 1e6,
                    heapAfter / 1e6,
                    threadsBefore,
                    threadsAfter,
                    socket.liveSessions(),
                    socket.connectionsHeld(),
                    socket.sessionsScheduled(),
                    javalinPingTasks(),
                    socket.stats());
            assertEquals(0, socket.liveSessions());
            assertEquals(0, socket.connectionsHeld());
            assertEquals(0, socket.sessionsScheduled());
            assertEquals(0, javalinPingTasks(), "no connection has a ping task of its own");
            assertEquals(1, threadsNamed("ws-sweep"), "one sweep pings them all");
            assertTrue(threadsAfter <= threadsBefore + 8, "threads " + threadsBefore + " -> " + threadsAfter);
            // a session's heap is ~100 KB: 5,000 of them left behind would be hundreds of MB
            assertTrue(
                    heapAfter - heapBefore < 16_000_000,
                    "heap after GC grew by " + (heapAfter - heapBefore) + " bytes");
        }
    }

    /** One connection, ended one of four ways; the upgrade never sets a cookie. */
    private static void cycle(TestServer server, int i) throws IOException {
        RawWs ws = RawWs.upgrade(server.wsUrl());
        try {
            assertEquals(101, ws.status);
            assertNull(ws.header("Set-Cookie"), () -> "the upgrade set a cookie: " + ws.headers);
            switch (i % 4) {
                case 0 -> ws.abort();
                case 1 -> ws.close();
                case 2 -> {
                    ws.readFrame(); // hello
                    ws.abort();
                }
                default -> {
                    ws.sendClose(1000);
                    assertEquals(1000, ws.readUntilClose().closeCode());
                    ws.close();
                }
            }
        } finally {
            ws.close();
        }
    }

    private static void awaitNothingHeld(PlaygroundSocket socket) {
        long deadline = System.nanoTime() + WsClient.DEADLINE.toNanos();
        while (socket.liveSessions() != 0 || socket.connectionsHeld() != 0 || socket.sessionsScheduled() != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still held: live " + socket.liveSessions() + ", connections "
                        + socket.connectionsHeld() + ", scheduled " + socket.sessionsScheduled());
            }
            WsClient.sleep(20);
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            WsClient.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Javalin's automatic pings, one task per connection that enabled them (its Kotlin-internal map, read for this check). */
    private static int javalinPingTasks() {
        return PingManager.INSTANCE.getPingFutures$javalin().size();
    }

    private static int threadsNamed(String name) {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().startsWith(name)) n++;
        return n;
    }
}
