package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The state message's derived: what the page may offer and what does not apply, from the server's one rule. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class DerivedSocketTest {
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private JsonNode derivedFor(WsClient c, String id, String state) {
        c.send("{\"type\":\"config\",\"id\":\"" + id + "\",\"state\":" + state + "}");
        return c.stateFor(id).get("derived");
    }

    @Test
    void derived_names_the_losses_outputs_limits_and_what_does_not_apply() {
        try (WsClient c = WsClient.greeted(server.wsUrl()).watchedBy(server::socketDiagnostics)) {
            JsonNode circle = derivedFor(c, "a", "{}");
            assertEquals(List.of("square", "mse", "bce"), strings(circle.get("losses")), circle.toString());
            assertEquals(List.of("linear", "tanh", "sigmoid", "relu"), strings(circle.get("outputActivations")));
            assertEquals(8, circle.get("maxNeurons").asInt());
            assertEquals(6, circle.get("maxHiddenLayers").asInt());
            assertEquals(Map.of(), fields(circle.get("notApplying")), "everything applies on circle");

            JsonNode bce = derivedFor(c, "b", "{\"loss\":\"bce\"}");
            assertEquals(List.of("sigmoid"), strings(bce.get("outputActivations")), "bce needs a sigmoid output");

            JsonNode digits = derivedFor(c, "d", "{\"dataset\":\"seed-digits\",\"loss\":\"ce\"}");
            assertEquals(List.of("ce"), strings(digits.get("losses")));
            assertEquals(List.of(), strings(digits.get("outputActivations")), "softmax comes with ce");
            assertEquals(32, digits.get("maxNeurons").asInt(), "a set without a map allows wider layers");
            // digits split into training and test and are drawn from the seed: only noise and the map's keys do nothing
            assertEquals(
                    Map.of("noise", "na.noNoise", "showTestData", "na.noMap", "discretize", "na.noMap"),
                    fields(digits.get("notApplying")));

            JsonNode xor = derivedFor(c, "x", "{\"dataset\":\"seed-xor\"}");
            assertEquals(
                    Map.of(
                            "noise",
                            "na.noNoise",
                            "percTrainData",
                            "na.fixedSplit",
                            "showTestData",
                            "na.fixedSplit",
                            "regenerate",
                            "na.fixedPoints"),
                    fields(xor.get("notApplying")));

            JsonNode neuron = derivedFor(
                    c,
                    "n",
                    "{\"problem\":\"regression\",\"regDataset\":\"seed-neuron\",\"networkShape\":[],"
                            + "\"outputActivation\":\"sigmoid\"}");
            assertEquals("sigmoid", neuron.get("outputActivation").asText());
            assertEquals(
                    "na.noHiddenLayer", neuron.at("/notApplying/activation").asText(), neuron.toString());

            JsonNode plane = derivedFor(c, "p", "{\"problem\":\"regression\",\"regDataset\":\"reg-plane\"}");
            assertEquals(List.of("square", "mse"), strings(plane.get("losses")));
            assertEquals(Map.of(), fields(plane.get("notApplying")), "noise and the split change reg-plane");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
