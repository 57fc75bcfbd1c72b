package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The /ws protocol with well-behaved clients: a real server on port 0, the JDK's WebSocket client. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class PlaygroundSocketTest {
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private WsClient client() {
        return WsClient.greeted(server.wsUrl()).watchedBy(server::socketDiagnostics);
    }

    @Test
    void hello_names_the_protocol_the_version_and_the_limits() {
        try (WsClient c = client()) {
            JsonNode hello = c.hello();
            assertEquals(ServerMessages.PROTOCOL_VERSION, hello.get("protocol").asInt());
            assertEquals(AppConfig.VERSION, hello.get("version").asText());
            JsonNode limits = hello.get("limits");
            assertEquals(65536, limits.get("maxMessageBytes").asInt());
            assertEquals(30, limits.get("framesPerSecond").asInt());
            assertEquals(200, limits.get("maxSessions").asInt());
            assertEquals(6, limits.get("maxHiddenLayers").asInt());
            assertEquals(8, limits.get("maxNeurons").asInt());
            assertEquals(32, limits.get("maxNeuronsWithoutMap").asInt());
            assertTrue(limits.get("messagesPerSecond").asInt() > 0);
            // the session it got: a state, then the points and a frame
            JsonNode state =
                    c.await(m -> m.type().equals("state"), "first state").json();
            assertEquals("connect", state.get("cause").asText());
            assertEquals("circle", state.at("/state/dataset").asText());
            c.await(m -> m.binary() && m.type().equals("data"), "data");
            c.frame(0, h -> h.get("epoch").asLong() == 0, "first frame");
        }
    }

    @Test
    void config_xor_then_play_streams_frames_whose_loss_falls() {
        try (WsClient c = client()) {
            // unpaced: hundreds of epochs in a moment (the default 60/s is tested in PacingSocketTest)
            c.send(
                    "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\",\"networkShape\":\"4,2\",\"speed\":\"max\"}}");
            JsonNode state = c.stateFor("c");
            assertEquals("xor", state.at("/state/dataset").asText());
            assertEquals(0, state.at("/status/epoch").asLong());
            assertFalse(state.at("/status/playing").asBoolean());
            // the loss falls from the new network's own start: the first frame after play may come a whole
            // frame period of training later, when XOR has long converged, so it is no baseline
            long xorData = state.at("/status/dataVersion").asLong();
            JsonNode start = c.frame(
                            0,
                            h -> h.get("dataVersion").asLong() == xorData
                                    && h.get("epoch").asLong() == 0,
                            "the XOR network at epoch 0")
                    .json();
            long since = c.mark();
            c.send("{\"type\":\"play\",\"id\":\"p\"}");
            assertTrue(c.stateFor("p").at("/status/playing").asBoolean());
            JsonNode early = c.frame(
                            since,
                            h -> h.get("epoch").asLong() > 0 && h.get("playing").asBoolean(),
                            "an early frame")
                    .json();
            JsonNode later = c.frame(
                            since,
                            h -> h.get("epoch").asLong() >= early.get("epoch").asLong() + 300,
                            "300 epochs on")
                    .json();
            double first = start.get("trainLoss").asDouble(),
                    last = later.get("trainLoss").asDouble();
            assertTrue(
                    early.get("trainLoss").asDouble() < first,
                    "train loss " + first + " at epoch 0, " + early.get("trainLoss") + " at " + early.get("epoch"));
            assertTrue(
                    last < 0.5 * first, "train loss " + first + " at epoch 0 -> " + last + " at " + later.get("epoch"));
            assertTrue(
                    later.get("trainAccuracy").asDouble() > 0.9,
                    later.get("trainAccuracy").toString());
            // the frame's grids: a 100x100 output and a 20x20 grid per hidden neuron, under 16 KB in all
            WsClient.Message m = c.frame(since, h -> true, "a frame");
            assertTrue(m.bytes() < 16 * 1024, m.bytes() + " bytes");
            JsonNode blocks = m.json().get("blocks");
            assertEquals("output", blocks.get(0).get("name").asText());
            assertEquals(100, blocks.get(0).get("width").asInt());
            assertEquals(1 + 4 + 2, blocks.size());
            c.send("{\"type\":\"pause\",\"id\":\"stop\"}");
            assertFalse(c.stateFor("stop").at("/status/playing").asBoolean());
        }
    }

    @Test
    void set_learning_rate_mid_run_keeps_the_epoch_count() {
        try (WsClient c = client()) {
            c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\",\"speed\":\"max\"}}");
            c.stateFor("c");
            long since = c.mark();
            c.send("{\"type\":\"play\"}");
            long e1 = c.frame(since, h -> h.get("epoch").asLong() >= 50, "epoch 50")
                    .json()
                    .get("epoch")
                    .asLong();
            c.send("{\"type\":\"set\",\"id\":\"lr\",\"state\":{\"learningRate\":0.1}}");
            WsClient.Message reply = c.await(
                    m -> m.type().equals("state")
                            && "lr".equals(m.json().path("id").asText(null)),
                    "state for lr");
            JsonNode state = reply.json();
            assertEquals(0.1, state.at("/state/learningRate").asDouble());
            assertEquals(List.of("learningRate"), strings(state.get("changed")));
            long atChange = state.at("/status/epoch").asLong();
            assertTrue(atChange >= e1, atChange + " < " + e1);
            assertTrue(state.at("/status/playing").asBoolean(), "still playing");
            c.frame(reply.seq(), h -> h.get("epoch").asLong() > atChange + 100, "100 epochs after the change");
            c.send("{\"type\":\"pause\"}");
            // epochs never went back: the change did not restart training
            long previous = -1;
            for (WsClient.Message f : c.frames()) {
                long epoch = f.json().get("epoch").asLong();
                if (f.seq() > since) assertTrue(epoch >= previous, "epoch went back from " + previous + " to " + epoch);
                if (f.seq() > since) previous = epoch;
                if (f.seq() > reply.seq()) assertTrue(epoch >= atChange, "a frame after the change has epoch " + epoch);
            }
        }
    }

    @Test
    void a_network_shape_change_keeps_the_weights_of_every_neuron_that_stays() {
        try (WsClient c = client()) {
            c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\",\"networkShape\":[4,2]}}");
            c.stateFor("c");
            long since = c.mark();
            c.send("{\"type\":\"step\",\"epochs\":30}");
            JsonNode before = c.frame(since, h -> h.get("epoch").asLong() == 30, "epoch 30")
                    .json()
                    .get("layers");
            since = c.mark();
            c.send("{\"type\":\"set\",\"id\":\"shape\",\"state\":{\"networkShape\":\"4,3\"}}");
            assertEquals(List.of("networkShape"), strings(c.stateFor("shape").get("changed")));
            JsonNode afterHeader = c.frame(since, h -> h.at("/layers/1/weights").size() == 3, "a frame of the 4,3 net")
                    .json();
            assertEquals(30, afterHeader.get("epoch").asLong(), "no reset");
            JsonNode after = afterHeader.get("layers");
            // inputs -> first hidden layer: all 4x2 links and 4 biases stay
            assertEquals(before.get(0), after.get(0));
            // first -> second hidden layer: neurons 0 and 1 keep their links and biases; neuron 2 is new and small
            for (int o = 0; o < 2; o++) {
                assertEquals(before.at("/1/weights/" + o), after.at("/1/weights/" + o));
                assertEquals(before.at("/1/biases/" + o), after.at("/1/biases/" + o));
            }
            for (JsonNode w : after.at("/1/weights/2")) assertTrue(Math.abs(w.asDouble()) <= 0.05, w.toString());
            // second hidden layer -> output: the links from neurons 0 and 1 stay, the one from neuron 2 is new and
            // small
            assertEquals(before.at("/2/weights/0/0"), after.at("/2/weights/0/0"));
            assertEquals(before.at("/2/weights/0/1"), after.at("/2/weights/0/1"));
            assertEquals(before.at("/2/biases/0"), after.at("/2/biases/0"));
            assertTrue(Math.abs(after.at("/2/weights/0/2").asDouble()) <= 0.05);
        }
    }

    @Test
    void step_sequences_are_reproducible_to_the_bit_across_connections() {
        List<JsonNode> a, b;
        try (WsClient one = client();
                WsClient two = client()) {
            a = runSteps(one);
            b = runSteps(two);
        }
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertEquals(a.get(i), b.get(i), "weights after step " + i);
        assertNotEquals(a.get(0), a.get(a.size() - 1), "training moved the weights");
    }

    /** config, then steps with a live change and new data between them; the weights (as sent, shortest exact decimals) after each. */
    private static List<JsonNode> runSteps(WsClient c) {
        c.send(
                "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"spiral\",\"seed\":\"0.12345\",\"networkShape\":[6,4],"
                        + "\"learningRate\":0.1,\"batchSize\":7,\"noise\":10}}");
        c.stateFor("c");
        List<JsonNode> weights = new ArrayList<>();
        long epoch = 0;
        String[] commands = {
            "{\"type\":\"step\"}",
            "{\"type\":\"step\",\"epochs\":5}",
            "{\"type\":\"set\",\"state\":{\"learningRate\":0.03,\"optimizer\":\"momentum\"}}",
            "{\"type\":\"step\",\"epochs\":20}",
            "{\"type\":\"regenerate\"}",
            "{\"type\":\"step\",\"epochs\":3}",
        };
        for (String command : commands) {
            long since = c.mark();
            c.send(command);
            if (!command.contains("\"step\"")) continue;
            JsonNode step = c.readTree(command);
            epoch += step.path("epochs").asLong(1);
            long wanted = epoch;
            weights.add(c.frame(since, h -> h.get("epoch").asLong() == wanted, "epoch " + wanted)
                    .json()
                    .get("layers"));
        }
        return weights;
    }

    @Test
    void set_weight_and_bias_change_the_network_and_bad_edits_change_nothing() {
        try (WsClient c = client()) {
            c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\"}}");
            c.stateFor("c");
            long since = c.mark();
            c.send("{\"type\":\"setWeight\",\"id\":\"w\",\"layer\":1,\"to\":1,\"from\":3,\"value\":0.625}");
            assertEquals("setWeight", c.stateFor("w").get("cause").asText());
            c.frame(since, h -> h.at("/layers/1/weights/1/3").asDouble() == 0.625, "the edited weight");
            since = c.mark();
            c.send("{\"type\":\"setWeight\",\"id\":\"b\",\"layer\":0,\"to\":2,\"bias\":true,\"value\":-1.5}");
            c.stateFor("b");
            JsonNode h = c.frame(since, f -> f.at("/layers/0/biases/2").asDouble() == -1.5, "the edited bias")
                    .json();
            assertEquals(0.625, h.at("/layers/1/weights/1/3").asDouble());
            // refused: no such layer, no such input, not finite, both forms at once
            assertEquals(
                    "layer",
                    c.send("w1", "{\"type\":\"setWeight\",\"id\":\"w1\",\"layer\":9,\"to\":0,\"from\":0,\"value\":1}")
                            .get("field")
                            .asText());
            assertEquals(
                    "from",
                    c.send("w2", "{\"type\":\"setWeight\",\"id\":\"w2\",\"layer\":0,\"to\":0,\"from\":2,\"value\":1}")
                            .get("field")
                            .asText());
            assertEquals(
                    "value",
                    c.send(
                                    "w3",
                                    "{\"type\":\"setWeight\",\"id\":\"w3\",\"layer\":0,\"to\":0,\"from\":0,\"value\":1e300}")
                            .get("field")
                            .asText());
            assertEquals(
                    "from",
                    c.send(
                                    "w4",
                                    "{\"type\":\"setWeight\",\"id\":\"w4\",\"layer\":0,\"to\":0,\"from\":0,\"bias\":true,\"value\":1}")
                            .get("field")
                            .asText());
            since = c.mark();
            c.send("{\"type\":\"step\",\"id\":\"s\"}");
            JsonNode next =
                    c.frame(since, f -> f.get("epoch").asLong() == 1, "epoch 1").json();
            assertNotEquals(h.get("layers"), next.get("layers"), "training went on from the edited net");
        }
    }

    @Test
    void a_refused_set_changes_nothing_and_names_every_bad_key() {
        try (WsClient c = client()) {
            c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\",\"learningRate\":0.03}}");
            String query = c.stateFor("c").get("query").asText();
            JsonNode error = c.send(
                    "s",
                    "{\"type\":\"set\",\"id\":\"s\",\"state\":{\"learningRate\":0.3,\"noise\":\"loud\",\"nope\":1}}");
            assertEquals("set", error.get("cause").asText());
            assertEquals(2, error.get("errors").size(), error.toString());
            assertEquals("noise", error.get("field").asText());
            assertEquals("bad_value", error.get("code").asText());
            assertEquals("unknown_key", error.at("/errors/1/code").asText());
            c.send("{\"type\":\"pause\",\"id\":\"p\"}");
            JsonNode state = c.stateFor("p");
            assertEquals(
                    0.03,
                    state.at("/state/learningRate").asDouble(),
                    "the good key of the refused set was not applied");
            assertEquals(query, state.get("query").asText());
        }
    }

    @Test
    void a_set_wider_than_a_2d_set_allows_is_refused_and_changes_nothing() {
        try (WsClient c = client()) {
            c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\",\"networkShape\":[4,2]}}");
            String query = c.stateFor("c").get("query").asText();
            JsonNode error = c.send(
                    "s", "{\"type\":\"set\",\"id\":\"s\",\"state\":{\"networkShape\":[32],\"learningRate\":0.1}}");
            assertEquals("error", error.get("type").asText(), error.toString());
            assertEquals("conflict", error.get("code").asText(), error.toString());
            assertEquals("networkShape", error.get("field").asText());
            assertTrue(error.get("message").asText().contains("limit of 8"), error.toString());
            assertEquals("state.layerMapLimit", error.at("/detail/id").asText(), error.toString());
            c.send("{\"type\":\"pause\",\"id\":\"p\"}");
            JsonNode state = c.stateFor("p");
            assertEquals(List.of(4, 2), ints(state.at("/state/networkShape")));
            assertEquals(query, state.get("query").asText(), "nothing of the refused set was applied");
        }
    }

    /** Tutorial 001's digits preset over /ws: 16-32-16-2 as written, no warning, and it trains. */
    @Test
    void the_digits_preset_trains_as_16_32_16_2() {
        String query = org.backprop.playground.state.Presets.ALL.stream()
                .filter(p -> p.id().equals("001-digits"))
                .findFirst()
                .orElseThrow()
                .query();
        try (WsClient c = WsClient.connect(server.wsUrl() + "?" + query)) {
            JsonNode state =
                    c.await(m -> m.type().equals("state"), "first state").json();
            assertEquals("seed-digits", state.at("/state/dataset").asText());
            assertEquals(List.of(32, 16), ints(state.at("/state/networkShape")));
            assertEquals(0, state.get("warnings").size(), state.toString());
            long since = c.mark();
            c.send("{\"type\":\"step\",\"epochs\":5}");
            JsonNode frame =
                    c.frame(since, h -> h.get("epoch").asLong() == 5, "epoch 5").json();
            JsonNode layers = frame.get("layers");
            assertEquals(3, layers.size());
            int[][] shapes = {{32, 16}, {16, 32}, {2, 16}}; // out x in: 16-32-16-2
            for (int l = 0; l < 3; l++) {
                assertEquals(shapes[l][0], layers.at("/" + l + "/weights").size(), "layer " + l);
                assertEquals(shapes[l][1], layers.at("/" + l + "/weights/0").size(), "layer " + l);
            }
            assertEquals(0, frame.get("blocks").size(), "no maps on seed-digits");
            // leaving for a 2-D set keeps no 32-wide layer: a set narrows it (a dependent change), a config clamps it,
            // both say so
            JsonNode narrowed =
                    c.send("x", "{\"type\":\"set\",\"id\":\"x\",\"state\":{\"dataset\":\"xor\",\"loss\":\"square\"}}");
            assertEquals("state", narrowed.get("type").asText(), narrowed.toString());
            assertEquals(List.of(8, 8), ints(narrowed.at("/state/networkShape")));
            assertTrue(strings(narrowed.get("changed")).contains("networkShape"), narrowed.toString());
            assertTrue(narrowed.get("warnings").toString().contains("limit of 8"), narrowed.toString());
            c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\",\"networkShape\":[32,16]}}");
            JsonNode clamped = c.stateFor("c");
            assertEquals(List.of(8, 8), ints(clamped.at("/state/networkShape")));
            assertTrue(clamped.get("warnings").toString().contains("limit of 8"), clamped.toString());
        }
    }

    /** The server applies what a set forces: only the data set is sent, the loss follows, and state says so. */
    @Test
    void a_set_of_only_a_k_class_data_set_brings_its_loss_and_reports_it() {
        try (WsClient c = client()) {
            c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\"}}");
            assertEquals("tanh", c.stateFor("c").at("/derived/outputActivation").asText());
            JsonNode state = c.send("s", "{\"type\":\"set\",\"id\":\"s\",\"state\":{\"dataset\":\"seed-digits\"}}");
            assertEquals("state", state.get("type").asText(), state.toString());
            assertEquals("seed-digits", state.at("/state/dataset").asText());
            assertEquals("ce", state.at("/state/loss").asText());
            assertEquals(List.of("dataset", "loss"), strings(state.get("changed")));
            JsonNode warning = state.at("/warnings/0");
            assertEquals("loss", warning.get("key").asText(), state.toString());
            assertEquals("state.changedTo", warning.at("/detail/id").asText());
            assertEquals(
                    "state.lossMulticlass",
                    warning.at("/detail/params/reason/id").asText());
            assertEquals("softmax", state.at("/derived/outputActivation").asText());
            assertEquals("softmax", state.at("/derived/autoOutputActivation").asText());
            // naming the conflicting value itself is still refused, and changes nothing
            JsonNode error = c.send("b", "{\"type\":\"set\",\"id\":\"b\",\"state\":{\"loss\":\"bce\"}}");
            assertEquals("conflict", error.get("code").asText(), error.toString());
            assertEquals("loss", error.get("field").asText());
            c.send("{\"type\":\"pause\",\"id\":\"p\"}");
            assertEquals("ce", c.stateFor("p").at("/state/loss").asText());
        }
    }

    /** seed-xor at the default batch 10: state says the batch in effect is 4 and warns once; it trains. */
    @Test
    void seed_xor_reports_the_batch_in_effect_warns_once_and_learns() {
        try (WsClient c = WsClient.connect(server.wsUrl() + "?dataset=seed-xor&learningRate=0.3")) {
            JsonNode first =
                    c.await(m -> m.type().equals("state"), "first state").json();
            assertEquals(10, first.at("/state/batchSize").asInt());
            assertEquals(4, first.at("/derived/batchSize").asInt(), first.toString());
            assertEquals(4, first.at("/derived/trainPoints").asInt());
            assertEquals(
                    "session.batchAboveTrainingSet",
                    first.at("/warnings/0/detail/id").asText(),
                    first.toString());
            JsonNode frame0 =
                    c.frame(0, h -> h.get("epoch").asLong() == 0, "first frame").json();
            long since = c.mark();
            c.send("{\"type\":\"step\",\"id\":\"s\",\"epochs\":300}");
            JsonNode stepped = c.stateFor("s");
            assertEquals(0, stepped.get("warnings").size(), "said once: " + stepped);
            assertEquals(4, stepped.at("/derived/batchSize").asInt());
            JsonNode frame = c.frame(since, h -> h.get("epoch").asLong() == 300, "epoch 300")
                    .json();
            assertTrue(
                    frame.get("trainLoss").asDouble() < frame0.get("trainLoss").asDouble() * 0.5,
                    frame.get("trainLoss").toString());
            // a config of the same state is a new state: said again
            c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"seed-xor\"}}");
            assertEquals("batchSize", c.stateFor("c").at("/warnings/0/key").asText());
        }
    }

    @Test
    void config_is_forgiving_and_says_what_it_changed() {
        try (WsClient c = client()) {
            c.send(
                    "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"nope\",\"networkShape\":[99,2],\"learningRate\":\"fast\"}}");
            JsonNode state = c.stateFor("c");
            assertEquals("circle", state.at("/state/dataset").asText());
            assertEquals(List.of(8, 2), ints(state.at("/state/networkShape")));
            List<String> warned = new ArrayList<>();
            for (JsonNode w : state.get("warnings")) warned.add(w.get("key").asText());
            assertTrue(warned.containsAll(List.of("dataset", "networkShape", "learningRate")), warned.toString());
        }
    }

    @Test
    void the_socket_url_may_carry_a_url_state() {
        try (WsClient c = WsClient.connect(server.wsUrl() + "?dataset=xor&networkShape=3")) {
            JsonNode state =
                    c.await(m -> m.type().equals("state"), "first state").json();
            assertEquals("xor", state.at("/state/dataset").asText());
            assertEquals(List.of(3), ints(state.at("/state/networkShape")));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
