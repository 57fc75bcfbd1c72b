package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backprop.playground.protocol.Envelope;
import org.backprop.playground.testsupport.MessageParts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The proof, in a server of its own (a child JVM at -Xmx256m, as a small box would run
 * it): a ramp of 300 connections, each configuring the costliest network the limits allow. All
 * through it /api/health answers; every connection gets {@code hello} or a clean refusal (an
 * {@code error} server_full or server_busy, then close 1013); afterwards a new client trains.
 * Without admission (a huge budget) the heap runs out and the server ends
 * (-XX:+ExitOnOutOfMemoryError), which this test then reports as health probes unanswered.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@Tag("socket")
class HeapAdmissionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECTIONS = 300;
    /** Each heaviest network at its costliest settings: Adam's moments, a batch of 64, a penalty's derivative. */
    private static final String COSTLIEST =
            "\"optimizer\":\"adam\",\"batchSize\":64,\"regularization\":\"L2\",\"regularizationRate\":0.01";

    private static final String[] CONFIGS = {
        "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"seed-digits\",\"networkShape\":\"32,32,32,32,32,32\","
                + COSTLIEST + "}}",
        "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"spiral\",\"networkShape\":\"8,8,8,8,8,8\",\"x\":true,\"y\":true,"
                + "\"xSquared\":true,\"ySquared\":true,\"xTimesY\":true,\"sinX\":true,\"sinY\":true," + COSTLIEST + "}}"
    };

    /** One connection of the ramp: what it was told, and how it ended. */
    static final class Peer implements WebSocket.Listener {
        final String config;
        final CompletableFuture<Void> settled = new CompletableFuture<>();
        final AtomicLong lastEpoch = new AtomicLong(-1);
        volatile boolean hello, configured;
        volatile String refusal;
        volatile int closeCode = -2;
        private final MessageParts parts = new MessageParts();

        Peer(String config) {
            this.config = config;
        }

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            String whole = parts.text(data, last);
            if (whole != null) {
                JsonNode m = read(whole);
                switch (m.path("type").asText()) {
                    case "hello" -> {
                        hello = true;
                        ws.sendText(config, true);
                    }
                    case "state" -> {
                        if ("config".equals(m.path("cause").asText())) {
                            configured = true;
                            settled.complete(null);
                        }
                    }
                    case "error" -> refusal = m.path("code").asText();
                    default -> {}
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ByteBuffer whole = parts.binary(data, last);
            if (whole != null) {
                JsonNode header = read(Envelope.header(whole));
                if (header.path("type").asText().equals("frame"))
                    lastEpoch.set(header.path("epoch").asLong());
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode = statusCode;
            settled.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closeCode = -1;
            settled.complete(null);
        }

        private static JsonNode read(String json) {
            try {
                return JSON.readTree(json);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + json, e);
            }
        }
    }

    @Test
    void a_ramp_of_300_costliest_sessions_at_256_mb_keeps_health_answering_and_refuses_cleanly() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.backprop.playground.Main",
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .start();
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    Pattern started = Pattern.compile("Backprop Playground at http://localhost:(\\d+)/");
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = in.readLine()) != null; ) {
                            log.add(line);
                            Matcher m = started.matcher(line);
                            if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                        }
                    } catch (java.io.IOException ignored) {
                        // the child ended
                    }
                    port.completeExceptionally(
                            new AssertionError("the server ended before it started:\n" + String.join("\n", log)));
                },
                "child-server-log");
        reader.setDaemon(true);
        reader.start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<WebSocket> sockets = new ArrayList<>();
        try {
            String base = "http://localhost:" + port.get(30, TimeUnit.SECONDS);
            URI ws = URI.create(base.replace("http:", "ws:") + "/ws"), health = URI.create(base + "/api/health");
            int cap = JSON.readTree(
                            http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                                    .body())
                    .get("maxSessions")
                    .asInt();

            // health, every 100 ms all through the ramp, each with 5 s to answer
            AtomicInteger probes = new AtomicInteger(), unanswered = new AtomicInteger();
            AtomicLong worstMillis = new AtomicLong();
            Thread prober = new Thread(
                    () -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            long start = System.nanoTime();
                            try {
                                HttpResponse<String> r = http.send(
                                        HttpRequest.newBuilder(health)
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() != 200) unanswered.incrementAndGet();
                            } catch (InterruptedException e) {
                                return;
                            } catch (Exception e) {
                                unanswered.incrementAndGet();
                            }
                            probes.incrementAndGet();
                            worstMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "health-prober");
            prober.start();

            List<Peer> peers = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                Peer p = new Peer(CONFIGS[i % 2]);
                peers.add(p);
                http.newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .buildAsync(ws, p)
                        .whenComplete((socket, failure) -> {
                            if (failure != null) {
                                p.closeCode = -1;
                                p.settled.complete(null);
                            } else {
                                synchronized (sockets) {
                                    sockets.add(socket);
                                }
                            }
                        });
                Thread.sleep(15); // a ramp: 300 connections in ~5 s
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            for (Peer p : peers) {
                try {
                    p.settled.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    break; // counted below as neither admitted nor refused
                }
            }
            Thread.sleep(500); // the probes go on a little after the last reply
            prober.interrupt();
            prober.join(10_000);

            int admitted = 0, full = 0, busy = 0, unsettled = 0;
            for (Peer p : peers) {
                if (p.hello && p.configured) admitted++;
                else if ("server_full".equals(p.refusal) && p.closeCode == 1013) full++;
                else if ("server_busy".equals(p.refusal) && p.closeCode == 1013) busy++;
                else unsettled++;
            }
            System.out.printf(
                    "cap %d: %d admitted, %d server_full, %d server_busy, %d neither; /api/health %d probes, %d unanswered,"
                            + " slowest %d ms; server %s%n",
                    cap,
                    admitted,
                    full,
                    busy,
                    unsettled,
                    probes.get(),
                    unanswered.get(),
                    worstMillis.get(),
                    server.isAlive() ? "up" : "ended with " + server.exitValue());
            if (!server.isAlive() || unsettled > 0)
                log.stream().filter(l -> l.contains("OutOfMemory")).limit(3).forEach(System.out::println);
            assertEquals(
                    0,
                    unsettled,
                    "every connection got hello (and its config answered) or server_full / server_busy and 1013");
            assertEquals(
                    0,
                    unanswered.get(),
                    "/api/health answered every probe within 5 s (slowest " + worstMillis.get() + " ms)");
            assertTrue(probes.get() >= 20, "probed throughout: " + probes.get());
            assertTrue(admitted >= 1 && admitted <= cap, admitted + " admitted, cap " + cap);
            assertTrue(server.isAlive(), "the server is still up");

            // afterwards: the ramp leaves, and a new client trains normally
            synchronized (sockets) {
                for (WebSocket s : sockets) s.abort();
                sockets.clear();
            }
            long emptyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (JSON.readTree(http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                                    .body())
                            .get("sessions")
                            .asInt()
                    > 0) {
                assertTrue(System.nanoTime() < emptyBy, "the ramp's sessions were let go");
                Thread.sleep(100);
            }
            Peer student = new Peer(CONFIGS[1]);
            WebSocket socket =
                    http.newWebSocketBuilder().buildAsync(ws, student).get(10, TimeUnit.SECONDS);
            sockets.add(socket);
            student.settled.get(10, TimeUnit.SECONDS);
            assertTrue(student.configured, "the new client's config was answered");
            socket.sendText("{\"type\":\"play\"}", true).get(10, TimeUnit.SECONDS);
            long trainBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (student.lastEpoch.get() < 5) {
                assertTrue(
                        System.nanoTime() < trainBy, "the new client's epochs advance: at " + student.lastEpoch.get());
                Thread.sleep(50);
            }
        } finally {
            synchronized (sockets) {
                for (WebSocket s : sockets) s.abort();
            }
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }
}
