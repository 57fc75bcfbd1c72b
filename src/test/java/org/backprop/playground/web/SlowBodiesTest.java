package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Clients that send their bodies slowly, or never, hold no thread and no memory for long (SlowBodies). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class SlowBodiesTest {
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);
    private final TestServer server = new TestServer(AppConfig.defaults().withBodyTimeout(BODY_TIMEOUT));
    private final int port = URI.create(server.url("/")).getPort();

    @AfterAll
    void stop() {
        server.close();
    }

    /** A POST to /api/train that declares {@code length} bytes; its body is up to the caller. */
    private Socket post(int length) throws IOException {
        Socket s = new Socket("localhost", port);
        s.getOutputStream()
                .write(("POST /api/train HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    /** True when the server closed the connection (end of stream or reset), false when it still waits. */
    private static boolean closedByServer(Socket s, Duration wait) throws IOException {
        s.setSoTimeout((int) wait.toMillis());
        InputStream in = s.getInputStream();
        try {
            while (in.read() >= 0) {
                // an answer, if any, then the close
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void three_hundred_trickling_bodies_leave_health_answering_and_are_cut_after_the_body_timeout() throws Exception {
        List<Socket> tricklers = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) tricklers.add(post(1000));
            long start = System.nanoTime();
            // a byte a connection every 200 ms: never idle long enough for an idle timeout
            for (int round = 0; round < 5; round++) {
                for (Socket s : tricklers) {
                    try {
                        OutputStream out = s.getOutputStream();
                        out.write('[');
                        out.flush();
                    } catch (IOException cut) {
                        // already cut
                    }
                }
                assertEquals(200, server.get("/api/health").statusCode(), "health answers while 300 bodies trickle");
                Thread.sleep(200);
            }
            int cut = 0;
            for (Socket s : tricklers) if (closedByServer(s, BODY_TIMEOUT.multipliedBy(3))) cut++;
            System.out.printf(
                    "300 trickling POSTs: health answered 5 times meanwhile; %d cut, the last %.1f s after they began%n",
                    cut, (System.nanoTime() - start) / 1e9);
            assertEquals(300, cut, "every trickling body is cut");
            assertEquals(200, server.get("/api/health").statusCode());
        } finally {
            for (Socket s : tricklers) s.close();
        }
    }

    @Test
    void a_hundred_header_only_requests_declaring_4_mib_allocate_nothing_like_it_and_are_cut() throws Exception {
        long before = heapAfterGc();
        List<Socket> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) waiting.add(post(Limits.MAX_BODY_BYTES));
            Thread.sleep(300); // the server has read their headers
            long during = heapAfterGc();
            System.out.printf(
                    "100 requests declaring 4 MiB, no body: heap after GC %d MiB before, %d MiB with them waiting (+%d MiB)%n",
                    before >> 20, during >> 20, (during - before) >> 20);
            assertTrue(
                    during - before < 40L << 20,
                    "100 × 4 MiB would be 400 MiB; grew " + ((during - before) >> 20) + " MiB");
            int cut = 0;
            for (Socket s : waiting) if (closedByServer(s, BODY_TIMEOUT.multipliedBy(3))) cut++;
            assertEquals(100, cut, "each is cut when its body does not come");
        } finally {
            for (Socket s : waiting) s.close();
        }
        assertEquals(200, server.get("/api/health").statusCode());
        // a body that does arrive is served as before
        assertEquals(400, server.post("/api/train", "{").statusCode());
    }

    @Test
    void past_the_read_ahead_only_a_few_bodies_wait_on_threads_and_one_more_is_told_to_come_back() throws Exception {
        byte[] ahead = new byte[(int) SlowBodies.EAGER_BYTES + 100];
        java.util.Arrays.fill(ahead, (byte) ' ');
        List<Socket> waiting = new ArrayList<>();
        try {
            // each sends more than the read-ahead, then stops: its handler waits on a thread for the rest
            for (int i = 0; i < LargeBodies.MAX_AT_ONCE; i++) {
                Socket s = post(1 << 20);
                s.getOutputStream().write(ahead);
                s.getOutputStream().flush();
                waiting.add(s);
            }
            Thread.sleep(300); // read ahead and handed to their handlers
            Socket one = post(1 << 20);
            waiting.add(one);
            one.getOutputStream().write(ahead);
            one.getOutputStream().flush();
            one.setSoTimeout((int) BODY_TIMEOUT.toMillis() / 2);
            String answer;
            try {
                answer = new String(one.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // to its close
            } catch (SocketTimeoutException e) {
                answer = "(no answer in " + BODY_TIMEOUT.toMillis() / 2 + " ms)";
            }
            System.out.printf(
                    "%d large bodies waiting; one more got: %s%n",
                    LargeBodies.MAX_AT_ONCE, answer.lines().findFirst().orElse(answer));
            assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
            assertTrue(
                    answer.contains("Retry-After: " + LargeBodies.RETRY_AFTER_SECONDS)
                            && answer.contains("\"code\":\"server_busy\""),
                    answer);
            assertEquals(200, server.get("/api/health").statusCode(), "health answers meanwhile");
        } finally {
            for (Socket s : waiting) s.close();
        }
        // once the server has seen them go (their reads fail as it notices the closes), a large body is
        // read and answered as before (here: not JSON)
        String large = "x".repeat((int) SlowBodies.EAGER_BYTES * 2);
        long deadline = System.nanoTime() + BODY_TIMEOUT.toNanos() * 3, start = System.nanoTime();
        int status;
        while ((status = server.post("/api/train", large).statusCode()) == 503 && System.nanoTime() < deadline)
            Thread.sleep(20);
        System.out.printf("the places came back %.3f s after the clients closed%n", (System.nanoTime() - start) / 1e9);
        assertEquals(400, status, "a large body once the waiting ones are gone");
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
