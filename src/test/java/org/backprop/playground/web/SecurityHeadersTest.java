package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Every answer carries the security headers: the page, a static file, the API, a 404, a 413, Jetty's own 414. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class SecurityHeadersTest {
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private static void assertHeaders(HttpResponse<String> r, String what) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse(null);
        assertTrue(
                csp != null,
                what + " (" + r.statusCode() + ") has no Content-Security-Policy: "
                        + r.headers().map());
        for (String directive : List.of(
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "object-src 'none'",
                "frame-ancestors 'self'")) {
            assertTrue(
                    csp.contains(directive + ";") || csp.endsWith(directive),
                    what + ": no " + directive + " in " + csp);
        }
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), what + ": " + csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), what);
    }

    @Test
    void the_page_a_static_file_the_api_and_errors_all_carry_them() {
        HttpResponse<String> page = server.get("/?dataset=xor");
        assertEquals(200, page.statusCode());
        assertHeaders(page, "the page");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        String host = URI.create(server.url("/")).getAuthority();
        assertTrue(csp.contains("connect-src 'self' ws://" + host + " wss://" + host + ";"), csp);
        assertFalse(page.body().matches("(?s).*<script>.*"), "the page has no inline script");

        HttpResponse<String> js = server.get("/js/app.js");
        assertEquals(200, js.statusCode());
        assertHeaders(js, "a static file");
        assertHeaders(server.get("/webjars/chart.js/4.5.1/dist/chart.umd.js"), "the webjar");
        assertHeaders(server.get("/api/health"), "GET /api/health");
        assertHeaders(server.post("/api/train", "{}"), "a refused POST /api/train");

        HttpResponse<String> missing = server.get("/no-such-page");
        assertEquals(404, missing.statusCode());
        assertHeaders(missing, "a 404");

        HttpResponse<String> large = server.post("/api/backprop", " ".repeat(Limits.MAX_BODY_BYTES + 1));
        assertEquals(413, large.statusCode());
        assertHeaders(large, "a 413");

        HttpResponse<String> longUri = server.get("/?title=" + "x".repeat(20_000));
        assertTrue(
                longUri.statusCode() == 414 || longUri.statusCode() == 431,
                longUri.statusCode() + " " + longUri.body());
        String jettyCsp =
                longUri.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(
                jettyCsp.contains("default-src 'self'"),
                "Jetty's own error: " + longUri.headers().map());
        assertEquals(
                "nosniff",
                longUri.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void a_host_header_that_is_not_a_host_stays_out_of_the_policy() {
        // the JDK client refuses to set Host itself; the policy is built from what the request names
        SecurityHeaders h = new SecurityHeaders("'self'");
        assertTrue(h.policyFor("school.example:7070")
                .contains("connect-src 'self' ws://school.example:7070 wss://school.example:7070;"));
        assertTrue(h.policyFor("[::1]:7070").contains("ws://[::1]:7070"));
        for (String bad : new String[] {"a; script-src *", "x y", "evil.example/'unsafe-inline'", "", null}) {
            String policy = h.policyFor(bad);
            assertTrue(policy.startsWith("connect-src 'self'; "), bad + " -> " + policy);
        }
    }

    @Test
    void frame_ancestors_follow_the_config() {
        AppConfig embedded =
                AppConfig.defaults().withFrameAncestors("'self'   https://school.example https://*.class.example:8443");
        try (TestServer other = new TestServer(embedded)) {
            HttpResponse<String> page = other.get("/");
            String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.endsWith("frame-ancestors 'self' https://school.example https://*.class.example:8443"), csp);
        }
        assertThrows(IllegalArgumentException.class, () -> AppConfig.defaults().withFrameAncestors("* ; script-src *"));
    }

    @Test
    void a_websocket_upgrade_still_works_under_the_headers() {
        try (WsClient c = WsClient.greeted(server.wsUrl())) {
            c.frame(0, h -> true, "a frame");
        }
    }
}
