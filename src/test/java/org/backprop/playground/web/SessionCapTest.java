package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The server-wide cap on live sessions, and /api/health's count of them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class SessionCapTest {
    private final TestServer server = new TestServer(AppConfig.defaults().withMaxSessions(3));

    @AfterAll
    void stop() {
        server.close();
    }

    private int healthSessions() {
        return server.ok(server.get("/api/health")).get("sessions").asInt();
    }

    @Test
    void the_connection_over_the_cap_is_refused_with_server_full_and_1013_and_health_returns_to_zero() {
        List<WsClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                WsClient c = WsClient.connect(server.wsUrl());
                assertEquals(3, c.hello().at("/limits/maxSessions").asInt());
                c.send("{\"type\":\"config\",\"state\":{\"speed\":\"max\"}}"); // the worst case: unpaced
                c.send("{\"type\":\"play\"}");
                clients.add(c);
            }
            assertEquals(3, healthSessions());
            try (WsClient refused = WsClient.connect(server.wsUrl())) {
                JsonNode e = refused.await(m -> m.type().equals("error"), "server_full")
                        .json();
                assertEquals("server_full", e.get("code").asText());
                assertTrue(e.get("message").asText().contains("3 live sessions"), e.toString());
                assertEquals(1013, refused.awaitClose());
                assertTrue(refused.closeReason.contains("try again later"), refused.closeReason);
                assertTrue(refused.received.stream().noneMatch(m -> m.type().equals("hello")), "no session for it");
            }
            for (WsClient c : clients) c.assertStreaming(3); // the three carry on at full speed
            assertEquals(1, server.socket().stats().refusedFull());
            // one leaves: its place is free at once
            clients.remove(0).close();
            HostileClientsTest.awaitLive(this::healthSessions, 2);
            WsClient again = WsClient.connect(server.wsUrl());
            clients.add(again);
            again.hello();
            assertEquals(3, healthSessions());
        } finally {
            clients.forEach(WsClient::close);
        }
        HostileClientsTest.awaitLive(this::healthSessions, 0);
        assertEquals(0, server.socket().stats().queuedBytesNow());
    }
}
