package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code GET /api/export/numpy}: the script or notebook as an attachment; a bad state, epochs or format is a 400; it is gated as training is. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class ExportApiTest {
    private final TestServer server = new TestServer(AppConfig.defaults().withMaxHeavyRequests(1));

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void script_comes_as_an_attachment_that_trains_the_asked_epochs() {
        HttpResponse<String> r = server.get("/api/export/numpy?dataset=xor&networkShape=3&seed=abc&epochs=3");
        assertEquals(200, r.statusCode(), r::body);
        assertEquals(
                "attachment; filename=\"backprop-playground-xor.py\"",
                r.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/x-python"));
        String script = r.body();
        assertTrue(script.startsWith("#!/usr/bin/env python3\n"), script.substring(0, 80));
        assertTrue(script.contains("\nEPOCHS = 3\n"), "trains the epochs asked for");
        assertTrue(
                script.contains("W2 = np.array(") && !script.contains("W3 = "),
                "the 2-3-1 network's two weight layers");
        assertTrue(script.contains("seed=abc"), "names the state it was made from");
    }

    @Test
    void notebook_is_nbformat_4_json_in_the_states_language() {
        HttpResponse<String> r = server.get("/api/export/numpy?lang=ko&epochs=2&format=ipynb");
        JsonNode nb = server.ok(r);
        assertEquals(
                "attachment; filename=\"backprop-playground-circle.ipynb\"",
                r.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals(4, nb.get("nbformat").asInt());
        assertEquals("python3", nb.get("metadata").get("kernelspec").get("name").asText());
        assertEquals("markdown", nb.get("cells").get(0).get("cell_type").asText());
        assertTrue(nb.get("cells").get(0).get("source").get(0).asText().contains("NumPy로"), "Korean prose for lang=ko");
    }

    @Test
    void a_shared_trained_networks_file_says_it_starts_from_those_weights() {
        String script = server.get("/api/export/numpy?dataset=xor&networkShape=2&epochs=2"
                        + "&weights=0.5,-0.4,0.3,0.2,0.1,0.1,0.6,-0.7,0.05&weightsEpoch=300")
                .body();
        assertTrue(
                script.contains("the link's weights, as the playground had trained them by epoch 300"),
                script.substring(0, 2000));
        assertTrue(script.contains("W1 = np.array([[0.5, -0.4],"), "the shared weights are the start");
    }

    @Test
    void bad_epochs_format_or_state_is_a_400_that_names_the_field() {
        server.assertError(server.get("/api/export/numpy"), 400, "missing_field", "epochs");
        for (String bad : new String[] {"0", "1001", "ten", "2.5"}) {
            JsonNode e =
                    server.assertError(server.get("/api/export/numpy?epochs=" + bad), 400, "invalid_value", "epochs");
            assertTrue(e.get("message").asText().contains("1 to 1000"), e::toString);
        }
        server.assertError(server.get("/api/export/numpy?epochs=5&format=pdf"), 400, "invalid_value", "format");
        JsonNode e = server.assertError(
                server.get("/api/export/numpy?epochs=5&activation=bogus"), 400, "invalid_state", "activation");
        System.out.println("bad state: " + e.get("message").asText());
        server.assertError(
                server.get("/api/export/numpy?epochs=5&networkShape=4,99"), 400, "invalid_state", "networkShape");
    }

    @Test
    void a_run_that_diverges_is_refused_with_the_epoch() {
        JsonNode e = server.assertError(
                server.get(
                        "/api/export/numpy?epochs=200&regDataset=reg-plane&problem=regression&activation=relu&learningRate=10&networkShape=8,8"),
                422,
                "diverged",
                "learningRate");
        System.out.println("diverged: " + e.get("message").asText());
    }

    @Test
    void an_export_waits_for_no_one_past_the_heavy_gate() throws Exception {
        // a costly export holds the one place: the engine trains 1000 epochs of a wide network for its losses
        String costly =
                "/api/export/numpy?epochs=1000&dataset=spiral&networkShape=8,8,8,8,8,8&batchSize=1&optimizer=adam&learningRate=0.001";
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> server.get(costly));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.heavyRunning() == 0 && !first.isDone() && System.nanoTime() < deadline) Thread.sleep(1);
        assertEquals(1, server.heavyRunning(), "the first export is computing");
        HttpResponse<String> refused = server.get("/api/export/numpy?epochs=2");
        server.assertError(refused, 429, "busy", "");
        assertEquals(
                String.valueOf(HeavyGate.RETRY_AFTER_SECONDS),
                refused.headers().firstValue("Retry-After").orElse(""));
        assertEquals(200, first.get(60, TimeUnit.SECONDS).statusCode());
        assertEquals(200, server.get("/api/export/numpy?epochs=2").statusCode(), "a place is free again");
    }
}
