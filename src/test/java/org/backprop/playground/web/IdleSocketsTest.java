package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Idle is no client message: sockets that only upgrade (and answer the server's pings, as every
 * client does by itself) are closed with 1001 after the idle timeout and free their places; a
 * client that sends only {@code ping} stays.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("socket")
class IdleSocketsTest {
    private static final Duration IDLE = Duration.ofSeconds(1);
    /** Pings far more often than the idle timeout: they must not keep a silent client in. */
    private static final Duration PING = Duration.ofMillis(150);

    @Test
    void sockets_that_only_upgrade_are_closed_after_the_idle_timeout_and_a_pinging_client_stays() {
        SocketLimits limits = SocketLimits.defaults().withMaxSessions(6).withIdle(IDLE, PING);
        List<WsClient> silent = new ArrayList<>();
        try (TestServer server = new TestServer(AppConfig.defaults().withSocket(limits));
                WsClient pinger = WsClient.greeted(server.wsUrl())) {
            for (int i = 0; i < 5; i++) silent.add(WsClient.greeted(server.wsUrl()));
            long since = pinger.mark();
            long start = System.nanoTime();
            long closedAt = 0;
            // the pinger sends only ping, three times a second, for three idle periods
            while (System.nanoTime() - start < 3 * IDLE.toNanos()) {
                pinger.send("{\"type\":\"ping\",\"id\":\"keep\"}");
                if (closedAt == 0 && silent.stream().allMatch(c -> c.closed.isDone())) closedAt = System.nanoTime();
                WsClient.sleep(300);
            }
            for (WsClient c : silent) {
                assertEquals(1001, c.awaitClose(), "a silent socket is closed as idle");
                assertTrue(c.closeReason.contains("idle: no message for 1 s"), c.closeReason);
            }
            System.out.println(
                    "5 silent sockets closed " + (closedAt - start) / 1_000_000 + " ms after the pinger began"
                            + " (idle " + IDLE.toMillis() + " ms, server pings every " + PING.toMillis()
                            + " ms); reason: " + silent.get(0).closeReason
                            + "; stats " + server.socket().stats());
            assertFalse(pinger.closed.isDone(), "the client that pings stays");
            assertTrue(
                    pinger.received.stream()
                            .noneMatch(m -> m.seq() > since
                                    && "keep".equals(m.json().path("id").asText(null))),
                    "ping is answered with nothing");
            assertEquals(5, server.socket().stats().closedIdle());
            HostileClientsTest.awaitLive(() -> server.socket().liveSessions(), 1);
            try (WsClient next = WsClient.connect(server.wsUrl())) {
                JsonNode hello = next.hello();
                assertEquals(1, hello.at("/limits/idleTimeoutSeconds").asInt());
                assertTrue(hello.get("messageTypes").toString().contains("\"ping\""), hello.toString());
            }
            assertEquals(
                    "play",
                    pinger.send("p", "{\"type\":\"play\",\"id\":\"p\"}")
                            .get("cause")
                            .asText(),
                    "still served");
        } finally {
            silent.forEach(WsClient::close);
        }
    }
}
