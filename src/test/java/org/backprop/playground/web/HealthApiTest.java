package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class HealthApiTest {
    private final TestServer server = new TestServer(AppConfig.defaults().withSessions(() -> 3));

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void health_reports_status_sessions_version_and_limits() {
        JsonNode body = server.ok(server.get("/api/health"));
        assertEquals("ok", body.get("status").asText());
        assertEquals(3, body.get("sessions").asInt());
        assertEquals(AppConfig.VERSION, body.get("version").asText());
        assertEquals(Limits.MAX_PARAMS, body.at("/limits/maxParams").asInt());
        assertEquals(Limits.MAX_BODY_BYTES, body.at("/limits/maxBodyBytes").asInt());
    }

    @Test
    void health_counts_zero_sessions_by_default() {
        try (TestServer plain = new TestServer()) {
            assertEquals(0, plain.ok(plain.get("/api/health")).get("sessions").asInt());
        }
    }

    @Test
    void about_page_is_server_rendered_and_escapes_the_query() {
        HttpResponse<String> page = server.get("/about?title=%3Cscript%3Ealert(1)%3C/script%3E&dataset=%22%3E%3Cb%3E");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<title>Backprop Playground</title>"));
        assertTrue(page.body().contains("href=\"/api/health\""));
        assertFalse(page.body().contains("<script>"), page.body());
        assertFalse(page.body().contains("<b>"), page.body());
    }

    @Test
    void chart_js_comes_from_its_webjar() {
        HttpResponse<String> js = server.get("/webjars/chart.js/4.5.1/dist/chart.umd.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.body().length() > 10_000);
    }

    @Test
    void starts_without_a_static_folder_on_disk() {
        try (TestServer elsewhere = new TestServer(new AppConfig(Path.of("no-such-folder-here"), null))) {
            assertEquals(200, elsewhere.get("/api/health").statusCode());
        }
    }

    @Test
    void unknown_paths_and_methods_answer_the_error_shape() {
        server.assertError(server.get("/api/nothing-here"), 404, "not_found", "");
        server.assertError(server.get("/api/train"), 405, "method_not_allowed", "");
        server.assertError(server.post("/api/health", "{}"), 405, "method_not_allowed", "");
        server.assertError(server.get("/api/datasets/xor?seed=" + "a".repeat(20_000)), 414, "uri_too_long", "");
    }
}
