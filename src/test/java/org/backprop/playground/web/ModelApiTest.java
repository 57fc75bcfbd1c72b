package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code POST /api/model/export} and {@code /api/model/import}: a model file out and back, a reshaping one, bad ones refused. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class ModelApiTest {
    private final TestServer server = new TestServer();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterAll
    void stop() {
        server.close();
    }

    private ObjectNode xorState() throws Exception {
        return (ObjectNode) mapper.readTree("{\"dataset\":\"xor\",\"networkShape\":[3],\"activation\":\"relu\"}");
    }

    /** 2-3-1: 3·2 + 3 + 3 + 1 parameters. */
    private static final double[] XOR_PARAMS = {0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.01, 0.02, 0.03, 0.7, -0.8, 0.9, 0.05};

    private JsonNode exported() throws Exception {
        ObjectNode req = mapper.createObjectNode();
        req.set("state", xorState());
        req.put("epoch", 42);
        req.set("weights", mapper.valueToTree(XOR_PARAMS));
        HttpResponse<String> r = server.post("/api/model/export", req);
        assertEquals(
                "attachment; filename=\"backprop-playground-xor-epoch-42.json\"",
                r.headers().firstValue("Content-Disposition").orElse(""));
        return server.ok(r);
    }

    private HttpResponse<String> importing(JsonNode state, JsonNode model) {
        ObjectNode req = mapper.createObjectNode();
        req.set("state", state);
        req.set("model", model);
        return server.post("/api/model/import", req);
    }

    @Test
    void an_exported_model_is_the_documented_file_with_its_state_and_epoch() throws Exception {
        JsonNode m = exported();
        assertEquals("backprop-playground/model", m.get("format").asText());
        assertEquals(1, m.get("version").asInt());
        assertEquals(List.of("x", "y"), mapper.convertValue(m.get("inputs"), List.class));
        assertEquals("relu", m.get("layers").get(0).get("activation").asText());
        assertEquals(0.4, m.get("layers").get(0).get("weights").get(1).get(1).asDouble(), "row-major, out × in");
        assertEquals(0.05, m.get("layers").get(1).get("biases").get(0).asDouble());
        assertEquals(42, m.get("epoch").asInt());
        assertEquals("xor", m.get("state").get("dataset").asText(), "the state it was trained under");
    }

    @Test
    void importing_it_into_the_same_state_changes_nothing_and_gives_its_weights_bit_for_bit() throws Exception {
        JsonNode r = server.ok(importing(xorState(), exported()));
        assertEquals(0, r.get("changed").size(), r::toString);
        assertEquals(42, r.get("epoch").asInt());
        double[] back = mapper.convertValue(r.get("weights"), double[].class);
        assertEquals(XOR_PARAMS.length, back.length);
        for (int i = 0; i < back.length; i++) assertEquals(XOR_PARAMS[i], back[i], 0.0, "weight " + i);
        assertEquals("[3]", r.get("state").get("networkShape").toString());
    }

    @Test
    void a_model_of_another_shape_says_what_it_changes() throws Exception {
        JsonNode model = mapper.readTree("""
                {"format":"backprop-playground/model","version":1,"inputs":["x","y"],"loss":"square","layers":[
                 {"activation":"tanh","weights":[[1,2],[3,4],[5,6],[7,8]],"biases":[0,0,0,0]},
                 {"activation":"tanh","weights":[[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]],"biases":[0,0,0,0]},
                 {"activation":"tanh","weights":[[1,2,3,4],[1,2,3,4]],"biases":[0,0]},
                 {"activation":"tanh","weights":[[1,2]],"biases":[0.5]}]}""");
        JsonNode r = server.ok(importing(mapper.createObjectNode(), model));
        assertEquals("[4,4,2]", r.get("shape").get("hidden").toString());
        assertTrue(r.get("changed").toString().contains("\"networkShape\""), r::toString);
        assertEquals("[4,4,2]", r.get("state").get("networkShape").toString());
        assertEquals(4 * 3 + 4 * 5 + 2 * 5 + 3, r.get("weights").size());
        assertEquals(0, r.get("epoch").asInt(), "a hand-written model starts at epoch 0");
    }

    @Test
    void bad_models_are_refused_with_the_field_that_is_wrong() throws Exception {
        JsonNode good = exported();
        ObjectNode wrongFormat = good.deepCopy();
        wrongFormat.put("format", "keras");
        server.assertError(importing(xorState(), wrongFormat), 422, "invalid_value", "model.format");

        ObjectNode shortRow = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode)
                        shortRow.get("layers").get(1).get("weights").get(0))
                .remove(0);
        server.assertError(importing(xorState(), shortRow), 422, "shape_mismatch", "model.layers[1].weights[0]");

        ObjectNode threeOutputs = (ObjectNode) mapper.readTree("""
                {"format":"backprop-playground/model","version":1,"inputs":["x","y"],"loss":"ce","layers":[
                 {"activation":"softmax","weights":[[1,2],[3,4],[5,6]],"biases":[0,0,0]}]}""");
        JsonNode e = server.assertError(importing(xorState(), threeOutputs), 422, "model_mismatch", "state.loss");
        assertTrue(e.get("message").asText().contains("does not fit"), e::toString);

        ObjectNode otherInputs = good.deepCopy();
        otherInputs.set("inputs", mapper.readTree("[\"x1\",\"x2\"]"));
        otherInputs.remove("state");
        server.assertError(importing(xorState(), otherInputs), 422, "shape_mismatch", "model.inputs");

        server.assertError(importing(xorState(), mapper.readTree("[1,2]")), 400, "wrong_type", "model");
    }

    @Test
    void weights_that_do_not_fit_the_states_network_are_not_exported() throws Exception {
        ObjectNode req = mapper.createObjectNode();
        req.set("state", xorState());
        req.put("epoch", 1);
        req.set("weights", mapper.valueToTree(new double[] {1, 2, 3}));
        server.assertError(server.post("/api/model/export", req), 422, "shape_mismatch", "weights");
    }
}
