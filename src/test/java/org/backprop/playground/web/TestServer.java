package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/** A real server on port 0 and a JDK HTTP client aimed at it; one per test class. */
final class TestServer implements AutoCloseable {
    final ObjectMapper mapper = new ObjectMapper();
    private final Javalin app;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    TestServer() {
        this(AppConfig.defaults());
    }

    TestServer(AppConfig config) {
        app = App.create(config).start(0);
        base = "http://localhost:" + app.port();
    }

    String url(String path) {
        return base + path;
    }

    int port() {
        return app.port();
    }

    /** The playground's WebSocket address on this server. */
    String wsUrl() {
        return "ws://localhost:" + app.port() + "/ws";
    }

    /** The /ws layer's counters, for a test's wait that timed out. */
    String socketDiagnostics() {
        PlaygroundSocket socket = socket();
        return socket.stats + " " + socket.stats();
    }

    /** The app's class side: its store, clock and rules. */
    Classroom classroom() {
        return App.classroom(app);
    }

    HttpResponse<String> delete(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .DELETE());
    }

    HttpResponse<String> getWithKey(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .GET());
    }

    /** Heavy API requests (training, gradient checks) computing now. */
    int heavyRunning() {
        return App.heavyGate(app).running();
    }

    /** The server's /ws endpoint: its live sessions and counters. */
    PlaygroundSocket socket() {
        return App.socket(app);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String path, JsonNode body) {
        return post(path, body.toString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** 200 with a JSON body. */
    JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response::body);
        return json(response);
    }

    /** The error shape: a 4xx status, exactly {code, message, field}, the given code and field. */
    JsonNode assertError(HttpResponse<String> response, int status, String code, String field) {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> "content type of " + response.body());
        JsonNode body = json(response);
        Set<String> keys = new java.util.TreeSet<>();
        body.fieldNames().forEachRemaining(keys::add);
        assertEquals(Set.of("code", "field", "message"), keys, response::body);
        assertEquals(code, body.get("code").asText(), response::body);
        assertEquals(field, body.get("field").asText(), response::body);
        assertTrue(!body.get("message").asText().isBlank(), response::body);
        return body;
    }

    @Override
    public void close() {
        app.stop();
    }
}
