package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A student's run on a board opens as a link whatever its size: the largest network allowed (6 × 32
 * neurons on seed-digits' 16 inputs, 5,890 parameters) names a stored run, and opening it gives
 * the very weights the goal was met with.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class RunLinkTest {
    private static final String LARGEST = "dataset=seed-digits&networkShape=32,32,32,32,32,32&learningRate=0.3";

    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    /** The flat weights of a frame: per layer W row by row, then b (the engine's layout, as a run's weights). */
    private static List<Double> weightsOf(JsonNode frame) {
        List<Double> out = new ArrayList<>();
        for (JsonNode layer : frame.get("layers")) {
            for (JsonNode row : layer.get("weights")) for (JsonNode w : row) out.add(w.asDouble());
            for (JsonNode b : layer.get("biases")) out.add(b.asDouble());
        }
        return out;
    }

    private static Map<String, String> params(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void the_largest_networks_run_opens_from_a_short_link_with_its_weights_exactly() throws Exception {
        // a goal met after some training (at epoch 0 the weights would be the seed's, which any link gives)
        var probe = new org.backprop.playground.session.TrainingSession(
                new org.backprop.playground.state.StateCodec(org.backprop.playground.state.PlaygroundLimits.defaults())
                        .parse(LARGEST)
                        .state());
        double start = probe.snapshot().trainLoss();
        probe.runEpochs(3);
        double target = probe.snapshot().trainLoss();
        assertTrue(target < start, start + " -> " + target);
        JsonNode made = server.json(server.post(
                "/api/boards",
                server.mapper
                        .createObjectNode()
                        .put("state", LARGEST + "&goal=trainLoss<=" + target)
                        .put("task", "")));
        String id = made.get("id").asText(), key = made.get("teacherKey").asText();
        JsonNode row;
        try (WsClient ada = WsClient.greeted(
                server.wsUrl() + made.get("studentUrl").asText().substring(1) + "&name=Ada")) {
            ada.send("{\"type\":\"step\",\"epochs\":3}");
            long deadline = System.nanoTime() + WsClient.DEADLINE.toNanos();
            do {
                WsClient.sleep(20);
                row = server.ok(server.getWithKey("/api/boards/" + id, key)).at("/students/0");
            } while ((row.isMissingNode() || row.get("reached").isNull()) && System.nanoTime() < deadline);
        }
        assertFalse(row.get("reached").isNull(), "the goal was met: " + row);
        assertTrue(
                row.at("/reached/epoch").asLong() > 0,
                row.at("/reached").toString().substring(0, 60));
        JsonNode reachedWeights = row.at("/reached/weights");
        assertEquals(5890, reachedWeights.size(), "(16+1)·32 + 5·(32+1)·32 + (32+1)·2");
        String runUrl = row.get("runUrl").asText();
        System.out.printf(
                "run link: %d weights in a link of %d characters (the numbers alone: %d)%n",
                reachedWeights.size(),
                runUrl.length(),
                reachedWeights.toString().length());
        assertTrue(
                runUrl.startsWith("/?")
                        && runUrl.matches(".*[?&]run=[A-Za-z0-9_-]{10}(&.*)?$")
                        && !runUrl.contains("weights="),
                runUrl);
        assertTrue(runUrl.length() < 1000, runUrl.length() + " characters");
        String query = runUrl.substring(2);

        // the page of that link: no warning, the state names the run, not its numbers
        String page = server.get(runUrl).body();
        assertEquals(200, server.get(runUrl).statusCode());
        String banner = page.substring(
                page.indexOf("id=\"warning-list\""), page.indexOf("</ul>", page.indexOf("id=\"warning-list\"")));
        assertFalse(banner.contains("<li>"), "no warning: " + banner);

        // a session from the link's query (as the page's socket URL) and from its config (as the page sends its state)
        try (WsClient link = WsClient.greeted(server.wsUrl() + "?" + query)) {
            List<Double> opened =
                    weightsOf(link.frame(0, h -> true, "the first frame").json());
            assertEquals(reachedWeights.size(), opened.size());
            for (int i = 0; i < opened.size(); i++)
                assertEquals(reachedWeights.get(i).asDouble(), opened.get(i), 0.0, "weight " + i);

            Map<String, Object> config = new LinkedHashMap<>(params(query));
            config.put("weights", List.of()); // as the page's state has it: the run names them
            String message = server.mapper.writeValueAsString(Map.of("type", "config", "id", "c", "state", config));
            assertTrue(message.length() < 4096, "a config of the run is small: " + message.length());
            long since = link.mark();
            link.send(message);
            JsonNode state = link.stateFor("c");
            assertEquals(
                    List.of(),
                    server.mapper.convertValue(state.at("/state/weights"), List.class),
                    "written as the run, not as numbers");
            assertTrue(state.get("query").asText().contains("run="), "the page's URL stays short");
            link.send("{\"type\":\"reset\"}");
            List<Double> again = weightsOf(link.frame(since, h -> h.get("epoch").asLong() == 0, "the frame after reset")
                    .json());
            for (int i = 0; i < again.size(); i++)
                assertEquals(
                        reachedWeights.get(i).asDouble(), again.get(i), 0.0, "weight " + i + " after config and reset");
        }
    }

    @Test
    void a_small_networks_run_keeps_its_numbers_in_the_link_and_an_unknown_run_is_a_warning() {
        JsonNode made = server.json(
                server.post("/api/boards", "{\"state\":\"dataset=xor&goal=trainAccuracy>=0\",\"task\":\"\"}"));
        String id = made.get("id").asText(), key = made.get("teacherKey").asText();
        JsonNode row;
        try (WsClient bo = WsClient.greeted(
                server.wsUrl() + made.get("studentUrl").asText().substring(1) + "&name=Bo")) {
            bo.send("{\"type\":\"step\",\"epochs\":2}");
            long deadline = System.nanoTime() + WsClient.DEADLINE.toNanos();
            do {
                WsClient.sleep(20);
                row = server.ok(server.getWithKey("/api/boards/" + id, key)).at("/students/0");
            } while ((row.isMissingNode() || row.get("reached").isNull()) && System.nanoTime() < deadline);
        }
        String runUrl = row.get("runUrl").asText();
        assertTrue(runUrl.contains("weights=") && !runUrl.contains("run="), "a link that stands alone: " + runUrl);

        try (WsClient gone = WsClient.greeted(server.wsUrl() + "?dataset=xor&run=zzzzzzzzzz")) {
            gone.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\",\"run\":\"zzzzzzzzzz\"}}");
            JsonNode state = gone.stateFor("c");
            boolean warned = false;
            for (JsonNode w : state.get("warnings"))
                warned |= w.at("/detail/id").asText().equals("state.runNotFound");
            assertTrue(warned, state::toString);
        }
        String page = server.get("/?dataset=xor&run=zzzzzzzzzz&lang=ko").body();
        assertTrue(page.contains("<span>저장된 실행이 없습니다"), "the page says it, in Korean too");
    }
}
