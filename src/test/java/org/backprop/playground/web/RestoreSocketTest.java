package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** A page that reconnects sends config with resume {epoch, weights}: the new session goes on from there, bit for bit. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class RestoreSocketTest {
    private static final String STATE =
            "{\"dataset\":\"spiral\",\"networkShape\":[5,3],\"learningRate\":0.1,\"optimizer\":\"adam\",\"seed\":\"r.1\"}";
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private WsClient client() {
        return WsClient.greeted(server.wsUrl()).watchedBy(server::socketDiagnostics);
    }

    /** The frame's layers as the engine's flat layout: per layer W row by row, then b. */
    private static ArrayNode flat(JsonNode frame) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode layer : frame.get("layers")) {
            for (JsonNode row : layer.get("weights")) for (JsonNode w : row) out.add(w.doubleValue());
            for (JsonNode b : layer.get("biases")) out.add(b.doubleValue());
        }
        return out;
    }

    private static String resumeConfig(String id, int epoch, ArrayNode weights) {
        return "{\"type\":\"config\",\"id\":\"" + id + "\",\"state\":" + STATE + ",\"resume\":{\"epoch\":" + epoch
                + ",\"weights\":" + weights + "}}";
    }

    /** A session trained 137 epochs: its last frame. */
    private JsonNode trained(WsClient c) {
        c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":" + STATE + "}");
        c.stateFor("c");
        long since = c.mark();
        c.send("{\"type\":\"step\",\"epochs\":137}");
        return c.frame(since, h -> h.get("epoch").asLong() == 137, "epoch 137").json();
    }

    @Test
    void resume_restores_the_epoch_and_every_parameter_bit_for_bit() {
        JsonNode before;
        try (WsClient first = client()) {
            before = trained(first);
        }
        try (WsClient again = client()) {
            long since = again.mark();
            again.send(resumeConfig("r", 137, flat(before)));
            JsonNode state = again.stateFor("r");
            assertEquals(137, state.at("/status/epoch").asLong(), state::toString);
            assertEquals(false, state.at("/status/playing").asBoolean());
            JsonNode after = again.frame(since, h -> h.get("epoch").asLong() == 137, "the resumed frame")
                    .json();
            ArrayNode was = flat(before), now = flat(after);
            assertEquals(was.size(), now.size());
            for (int i = 0; i < was.size(); i++) {
                assertEquals(
                        Double.doubleToRawLongBits(was.get(i).doubleValue()),
                        Double.doubleToRawLongBits(now.get(i).doubleValue()),
                        "parameter " + i + ": " + was.get(i) + " then " + now.get(i));
            }
            assertEquals(before.get("trainLoss"), after.get("trainLoss"), "the same network, the same loss");
            // and it trains on from there
            since = again.mark();
            again.send("{\"type\":\"step\",\"epochs\":3}");
            again.frame(since, h -> h.get("epoch").asLong() == 140, "epoch 140");
        }
    }

    @Test
    void resume_that_does_not_fit_the_network_is_refused_and_changes_nothing() {
        try (WsClient c = client()) {
            JsonNode before = trained(c);
            ArrayNode shorter = flat(before);
            shorter.remove(0);
            c.send(resumeConfig("r", 5, shorter));
            JsonNode error = c.errorFor("r");
            assertEquals("bad_value", error.get("code").asText(), error::toString);
            assertEquals("weights", error.get("field").asText(), error::toString);
            assertEquals("session.resumeCount", error.at("/detail/id").asText(), error::toString);
            c.send("{\"type\":\"pause\",\"id\":\"p\"}");
            assertEquals(137, c.stateFor("p").at("/status/epoch").asLong(), "the session is as it was");

            c.send("{\"type\":\"config\",\"id\":\"o\",\"state\":" + STATE + ",\"resume\":[1,2]}");
            assertEquals("resume", c.errorFor("o").get("field").asText());
            c.send("{\"type\":\"config\",\"id\":\"e\",\"state\":" + STATE
                    + ",\"resume\":{\"epoch\":-1,\"weights\":[]}}");
            assertEquals("epoch", c.errorFor("e").get("field").asText());
            c.send("{\"type\":\"config\",\"id\":\"n\",\"state\":" + STATE
                    + ",\"resume\":{\"epoch\":1,\"weights\":[1,\"x\"]}}");
            assertEquals("weights", c.errorFor("n").get("field").asText());
        }
    }

    @Test
    void resume_is_refused_where_the_exercise_locks_the_weights() {
        try (WsClient c = WsClient.greeted(server.wsUrl() + "?lock=weights").watchedBy(server::socketDiagnostics)) {
            JsonNode frame = c.frame(0, h -> true, "the first frame").json();
            c.send(
                    "{\"type\":\"config\",\"id\":\"r\",\"state\":{\"lock\":\"weights\"},\"resume\":{\"epoch\":50,\"weights\":"
                            + flat(frame) + "}}");
            JsonNode error = c.errorFor("r");
            assertEquals("locked", error.get("code").asText(), error::toString);
            assertEquals("state.weightsLocked", error.at("/detail/id").asText(), error::toString);
        }
    }
}
