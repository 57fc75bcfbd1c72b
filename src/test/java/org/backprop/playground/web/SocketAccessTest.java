package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.RawWs;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Who may open a {@code /ws} session: the Origin of the upgrade, and the optional cap per client address. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("socket")
class SocketAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String port(TestServer s) {
        return String.valueOf(java.net.URI.create(s.wsUrl()).getPort());
    }

    @Test
    void a_foreign_origin_is_refused_with_403_before_the_upgrade_and_the_own_origin_is_let_in() throws Exception {
        try (TestServer server = new TestServer()) {
            try (RawWs foreign = RawWs.upgrade(server.wsUrl(), Map.of("Origin", "https://evil.example"))) {
                assertEquals(403, foreign.status);
                assertTrue(foreign.header("Content-Type").startsWith("application/json"), foreign.headers.toString());
                JsonNode body = JSON.readTree(foreign.body());
                assertEquals("origin_not_allowed", body.get("code").asText(), body.toString());
                assertEquals("Origin", body.get("field").asText());
                assertTrue(body.get("message").asText().contains("--allowed-origins"), body.toString());
                System.out.println("foreign origin: " + foreign.status + " " + body);
            }
            assertEquals(0, server.socket().stats().opened(), "no session for the foreign page");
            String own = "http://localhost:" + port(server);
            try (RawWs same = RawWs.upgrade(server.wsUrl(), Map.of("Origin", own))) {
                assertEquals(101, same.status, "same origin");
                assertTrue(same.readFrame().text().contains("\"hello\""));
            }
            // another port of the same host is another origin
            try (RawWs otherPort = RawWs.upgrade(server.wsUrl(), Map.of("Origin", "http://localhost:1"))) {
                assertEquals(403, otherPort.status);
            }
            try (RawWs script = RawWs.upgrade(server.wsUrl())) {
                assertEquals(101, script.status, "no Origin: not a browser page, let in");
            }
        }
    }

    @Test
    void an_origin_listed_by_the_flag_is_let_in() throws Exception {
        SocketAccess access = ServerFlags.parse(
                        new String[] {"--allowed-origins", "https://school.example, http://lab.example:8080"}, Map.of())
                .config()
                .access();
        try (TestServer server = new TestServer(AppConfig.defaults().withAccess(access))) {
            for (String origin :
                    new String[] {"https://school.example", "https://SCHOOL.example:443", "http://lab.example:8080"}) {
                try (RawWs listed = RawWs.upgrade(server.wsUrl(), Map.of("Origin", origin))) {
                    assertEquals(101, listed.status, origin);
                }
            }
            try (RawWs unlisted = RawWs.upgrade(server.wsUrl(), Map.of("Origin", "http://lab.example"))) {
                assertEquals(403, unlisted.status);
            }
        }
    }

    @Test
    void origins_compare_host_and_port_with_the_schemes_default_port() {
        SocketAccess none = SocketAccess.defaults();
        assertTrue(none.originAllowed("http://localhost:7070", "localhost:7070"));
        assertTrue(none.originAllowed("https://school.example", "school.example"));
        assertTrue(none.originAllowed("https://school.example", "school.example:443"));
        assertTrue(none.originAllowed("http://[::1]:7070", "[::1]:7070"));
        assertFalse(none.originAllowed("http://school.example", "school.example:7070"));
        assertFalse(none.originAllowed("https://school.example.evil.example", "school.example"));
        assertFalse(none.originAllowed("null", "localhost:7070"));
        assertFalse(none.originAllowed("http://localhost:7070", null));
        assertTrue(new SocketAccess(Set.of("null"), false, 0).originAllowed("null", "localhost:7070"));
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class,
                () -> ServerFlags.parse(new String[] {"--allowed-origins", "school.example/path"}, Map.of()));
        assertTrue(
                bad.getMessage().contains("--allowed-origins")
                        && bad.getMessage().contains("scheme://host"),
                bad.getMessage());
    }

    @Test
    void the_cap_per_address_refuses_with_address_full_and_1013_and_a_trusted_proxy_names_the_address()
            throws Exception {
        try (TestServer server = new TestServer(AppConfig.defaults().withAccess(new SocketAccess(Set.of(), false, 2)));
                WsClient a = WsClient.greeted(server.wsUrl());
                WsClient b = WsClient.greeted(server.wsUrl());
                RawWs third = RawWs.upgrade(server.wsUrl(), Map.of("X-Forwarded-For", "10.0.0.3"))) {
            // not trusted: X-Forwarded-For is ignored and all three come from 127.0.0.1
            JsonNode e = JSON.readTree(third.readFrame().text());
            assertEquals("address_full", e.get("code").asText(), e.toString());
            assertTrue(e.get("message").asText().contains("2 live sessions"), e.toString());
            RawWs.Frame close = third.readUntilClose();
            assertEquals(1013, close.closeCode());
            System.out.println("third from one address: " + e.get("code").asText() + ", close " + close.closeCode()
                    + " " + close.closeReason());
            assertEquals(1, server.socket().stats().refusedAddress());
            // one leaves: its address may connect again
            b.close();
            HostileClientsTest.awaitLive(() -> server.socket().liveSessions(), 1);
            try (WsClient again = WsClient.greeted(server.wsUrl())) {
                assertEquals(2, server.socket().liveSessions());
            }
        }
        SocketAccess behindProxy = ServerFlags.parse(
                        new String[] {"--trust-proxy", "--max-sessions-per-address=1"}, Map.of())
                .config()
                .access();
        // the proxy appended the last address: the first entry is whatever the client claimed
        try (TestServer server = new TestServer(AppConfig.defaults().withAccess(behindProxy));
                RawWs one = RawWs.upgrade(server.wsUrl(), Map.of("X-Forwarded-For", "203.0.113.9, 10.0.0.1"))) {
            assertTrue(one.readFrame().text().contains("\"hello\""));
            try (RawWs two = RawWs.upgrade(server.wsUrl(), Map.of("X-Forwarded-For", "203.0.113.9, 10.0.0.2"))) {
                assertTrue(two.readFrame().text().contains("\"hello\""), "another address than one's");
                try (RawWs three = RawWs.upgrade(server.wsUrl(), Map.of("X-Forwarded-For", "198.51.100.7, 10.0.0.2"))) {
                    assertTrue(three.readFrame().text().contains("address_full"), "10.0.0.2 holds its one session");
                }
            }
        }
    }
}
