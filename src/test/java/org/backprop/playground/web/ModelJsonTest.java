package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Init;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.SeedRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("unit")
class ModelJsonTest {
    private final ObjectMapper mapper = JsonBody.strictMapper();

    /** Bit patterns, so -0.0 and the last ulp count. */
    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) b[i] = Double.doubleToRawLongBits(v[i]);
        return b;
    }

    @Test
    void model_json_round_trip_is_exact() throws Exception {
        Network net = Network.create(
                new int[] {3, 5, 4, 3},
                Activation.LEAKY_RELU,
                Activation.SOFTMAX,
                Loss.CE,
                Init.HE,
                new SeedRandom("round trip"));
        // awkward doubles: subnormal, extremes, negative zero, repeating fractions
        double[] awkward = {Double.MIN_VALUE, -Double.MAX_VALUE, -0.0, 0.1 + 0.2, Math.PI, 1e-300, 1.0 / 3};
        System.arraycopy(awkward, 0, net.params, 0, awkward.length);
        ModelJson.Model model = new ModelJson.Model(List.of("x", "y", "xTimesY"), net);

        String text = mapper.writeValueAsString(ModelJson.write(model, mapper));
        ModelJson.Model back = ModelJson.read(mapper.readTree(text), "model");

        assertEquals(model.inputs(), back.inputs());
        assertEquals(net.layout, back.network().layout);
        assertArrayEquals(net.activations(), back.network().activations());
        assertEquals(net.loss, back.network().loss);
        assertArrayEquals(bits(net.params), bits(back.network().params));
        assertEquals(text, mapper.writeValueAsString(ModelJson.write(back, mapper)));
    }

    @Test
    void model_json_has_the_documented_shape() {
        Network net = Network.create(
                new int[] {2, 3, 1}, Activation.TANH, Activation.SIGMOID, Loss.BCE, Init.TF, new SeedRandom("0"));
        JsonNode json = ModelJson.write(ModelJson.Model.unnamed(net), mapper);
        assertEquals("backprop-playground/model", json.get("format").asText());
        assertEquals(1, json.get("version").asInt());
        assertEquals("[\"x1\",\"x2\"]", json.get("inputs").toString());
        assertEquals(2, json.get("layers").size());
        assertEquals("tanh", json.at("/layers/0/activation").asText());
        assertEquals(3, json.at("/layers/0/weights").size());
        assertEquals(2, json.at("/layers/0/weights/0").size());
        assertEquals(net.weight(0, 2, 1), json.at("/layers/0/weights/2/1").asDouble(), 0);
        assertEquals(net.bias(1, 0), json.at("/layers/1/biases/0").asDouble(), 0);
        assertEquals("bce", json.get("loss").asText());
    }

    @Test
    void model_json_ignores_extra_members_such_as_training_state() throws Exception {
        ObjectNode json = (ObjectNode) mapper.readTree(Seed000.MODEL);
        json.putObject("state").put("learningRate", 0.5);
        assertEquals(9, ModelJson.read(json, "model").network().params.length);
    }
}
