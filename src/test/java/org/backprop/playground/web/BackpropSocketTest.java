package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.Presets;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The backprop view over /ws (inspect, gradcheck) and GET /api/presets, on a real server. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class BackpropSocketTest {
    private static final double TOL = 1e-9;
    /** Tutorial 000's worked example as a URL: 2-2-1 ReLU, sigmoid + BCE, its W1, b1, W2, b2. */
    private static final String WORKED = "dataset=seed-blobs&networkShape=2&activation=relu&loss=bce"
            + "&weights=0.5,0.3,0.2,0.4,0.1,0.2,0.6,0.7,0.15";

    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private WsClient client(String query) {
        WsClient c = WsClient.connect(server.wsUrl() + "?" + query);
        c.hello();
        c.await(m -> m.type().equals("state"), "first state");
        return c;
    }

    private static JsonNode reply(WsClient c, String type, String id) {
        return c.await(
                        m -> (m.type().equals(type) || m.type().equals("error"))
                                && id.equals(m.json().path("id").asText(null)),
                        type + " " + id)
                .json();
    }

    @Test
    void inspect_of_the_worked_example_gives_the_tutorials_numbers() {
        try (WsClient c = client(WORKED)) {
            c.send("{\"type\":\"inspect\",\"id\":\"i\",\"input\":[1,2],\"target\":[1]}");
            JsonNode r = reply(c, "inspection", "i");
            assertEquals("inspection", r.get("type").asText(), r.toString());
            // Z1 = A1 = [1.2, 1.2]; A2 = σ(1.71); loss = −ln A2; dW2 = (A2 − 1)·A1; db1 = W2ᵀ δ2
            JsonNode out = r.get("layers").get(1), hidden = r.get("layers").get(0);
            assertEquals(1.2, hidden.get("a").get(0).asDouble(), TOL);
            assertEquals(0.8468362842, out.get("a").get(0).asDouble(), TOL);
            assertEquals(0.166247892, r.get("loss").asDouble(), TOL);
            assertEquals(-0.1837964589, out.get("dW").get(0).get(0).asDouble(), TOL);
            assertEquals(-0.1837964589, out.get("dW").get(0).get(1).asDouble(), TOL);
            assertEquals(-0.0918982295, hidden.get("db").get(0).asDouble(), TOL);
            assertEquals(-0.1072146011, hidden.get("db").get(1).asDouble(), TOL);
            assertEquals(-0.1531637158, out.get("delta").get(0).asDouble(), TOL);
            // f′(z) as printed in the step-through: relu′(1.2) = 1, σ′ = A2(1 − A2) = 0.8468362842 · 0.1531637158
            assertEquals(1.0, hidden.get("dadz").get(0).asDouble(), 0);
            assertEquals(0.1297045920, out.get("dadz").get(0).asDouble(), TOL);
            assertEquals(0.6, out.get("weights").get(0).get(0).asDouble(), 0);
            assertEquals("bce", r.get("lossFormula").asText());
            assertEquals("sigmoid", out.get("activation").asText());
            assertTrue(r.at("/after/loss").asDouble() < r.get("loss").asDouble());
            double lr = r.get("learningRate").asDouble();
            assertEquals(
                    0.6 + lr * 0.1837964589, r.at("/after/layers/1/weights/0/0").asDouble(), TOL);
            // the session's weights did not move
            c.send("{\"type\":\"inspect\",\"id\":\"again\",\"input\":[1,2],\"target\":[1]}");
            assertEquals(
                    0.166247892, reply(c, "inspection", "again").get("loss").asDouble(), TOL);
            // an inspection names the epoch its weights were taken at
            assertEquals(0, r.get("epoch").asLong());
            long since = c.mark();
            c.send("{\"type\":\"step\",\"epochs\":2}");
            c.frame(since, f -> f.get("epoch").asLong() >= 2, "epoch 2");
            c.send("{\"type\":\"inspect\",\"id\":\"later\",\"input\":[1,2],\"target\":[1]}");
            assertEquals(2, reply(c, "inspection", "later").get("epoch").asLong());
        }
    }

    @Test
    void inspect_of_a_training_point_and_its_refusals() {
        try (WsClient c = client(WORKED)) {
            c.send("{\"type\":\"inspect\",\"id\":\"p\",\"split\":\"test\",\"index\":3}");
            JsonNode r = reply(c, "inspection", "p");
            assertEquals("test", r.get("split").asText());
            assertEquals(3, r.get("index").asInt());
            assertEquals(2, r.get("coords").size());
            assertEquals(2, r.get("input").size());
            double t = r.get("target").get(0).asDouble();
            assertTrue(t == 0 || t == 1, "bce targets are 0/1");

            c.send("{\"type\":\"inspect\",\"id\":\"big\",\"split\":\"train\",\"index\":5000}");
            JsonNode e = reply(c, "inspection", "big");
            assertEquals("bad_value", e.get("code").asText());
            assertEquals("index", e.get("field").asText());
            c.send("{\"type\":\"inspect\",\"id\":\"w\",\"input\":[1,2,3],\"target\":[1]}");
            assertEquals("input", reply(c, "inspection", "w").get("field").asText());
            c.send("{\"type\":\"inspect\",\"id\":\"t\",\"input\":[1,2],\"target\":[1,0]}");
            assertEquals("target", reply(c, "inspection", "t").get("field").asText());
            c.send("{\"type\":\"inspect\",\"id\":\"n\",\"input\":[1,\"x\"],\"target\":[1]}");
            assertEquals("bad_value", reply(c, "inspection", "n").get("code").asText());
            c.send("{\"type\":\"inspect\",\"id\":\"s\",\"split\":\"all\",\"index\":0}");
            assertEquals("split", reply(c, "inspection", "s").get("field").asText());
        }
    }

    @Test
    void gradcheck_passes_on_every_preset() {
        for (Presets.Preset p : Presets.ALL) {
            try (WsClient c = client(p.query())) {
                c.send("{\"type\":\"gradcheck\",\"id\":\"g\"}");
                JsonNode r = reply(c, "gradcheck", "g");
                assertEquals("gradcheck", r.get("type").asText(), p.id() + ": " + r);
                assertTrue(r.get("samples").asInt() >= 1 && r.get("samples").asInt() <= 64);
                assertEquals(1e-5, r.get("epsilon").asDouble());
                for (JsonNode l : r.get("layers"))
                    assertEquals("correct", l.get("verdict").asText(), p.id() + ": " + l);
            }
        }
    }

    @Test
    void frames_carry_gradients_deltas_and_update_ratios() {
        try (WsClient c = client("dataset=xor&networkShape=4,2")) {
            long since = c.mark();
            c.send("{\"type\":\"step\",\"epochs\":3}");
            JsonNode h =
                    c.frame(since, f -> f.get("epoch").asLong() >= 3, "epoch 3").json();
            assertEquals(3, h.get("gradients").size());
            assertEquals(4, h.at("/gradients/0/dW").size());
            assertEquals(2, h.at("/gradients/0/dW/0").size());
            assertEquals(h.at("/gradients/1/db"), h.at("/deltas/1"));
            assertEquals(3, h.get("updateRatio").size());
            assertTrue(h.at("/updateRatio/0").asDouble() > 0);
            assertTrue(h.get("predictions").isNull());
        }
    }

    @Test
    void the_one_sample_sets_are_served_like_the_others() {
        for (String name : new String[] {"seed-neuron", "seed-update", "seed-guess"}) {
            assertEquals(200, server.get("/api/datasets/" + name).statusCode(), name);
            assertEquals(
                    200, server.get("/api/datasets/" + name + "?format=csv").statusCode(), name);
        }
    }

    @Test
    void presets_are_listed_with_their_titles_texts_and_samples_in_both_languages() {
        JsonNode list = server.ok(server.get("/api/presets"));
        assertEquals(Presets.ALL.size(), list.size());
        Set<String> ids = new HashSet<>();
        for (JsonNode p : list) {
            ids.add(p.get("id").asText());
            assertTrue(!p.get("titleEn").asText().isBlank()
                    && !p.get("titleKo").asText().isBlank());
            Presets.Preset own = Presets.byId(p.get("id").asText()).orElseThrow();
            for (String lang : List.of("en", "ko")) {
                assertEquals(
                        p.at("/title/" + lang).asText(),
                        p.get(lang.equals("en") ? "titleEn" : "titleKo").asText());
                for (String part : Presets.TEXTS) {
                    String text = p.at("/text/" + lang + "/" + part).asText();
                    assertTrue(!text.isBlank() && !text.equals(own.key(part)), p.get("id") + " " + lang + " " + part);
                }
            }
            assertTrue(
                    p.at("/text/ko/numbers").asText().codePoints().anyMatch(cp -> cp >= 0xAC00 && cp <= 0xD7A3),
                    "Korean words");
            if (own.sample() == null) {
                assertTrue(p.get("sample").isNull(), p.toString());
            } else {
                assertEquals(own.sample().input().size(), p.at("/sample/input").size(), p.toString());
                assertEquals(
                        own.sample().target().get(0), p.at("/sample/target/0").asDouble(), p.toString());
            }
            assertTrue(p.get("query").asText().matches(".*(dataset|regDataset)=seed-.*"), p.toString());
            assertTrue(p.get("warnings").isArray());
            assertEquals(0, p.get("warnings").size(), "under the default flags every preset runs as written: " + p);
        }
        assertTrue(
                ids.containsAll(Set.of(
                        "000-blobs",
                        "000-worked",
                        "001-xor",
                        "001-digits",
                        "002-regression",
                        "003-neuron",
                        "003-xor",
                        "004-neuron",
                        "004-relu",
                        "004-guess-42")),
                ids.toString());
    }

    /** The presets' warnings still say when this server cannot run one as written: here --max-neurons 4. */
    @Test
    void a_preset_wider_than_the_servers_limits_is_listed_with_a_warning() {
        try (TestServer narrow =
                new TestServer(AppConfig.defaults().withLimits(new PlaygroundLimits(6, 4, 1000, 10_000)))) {
            JsonNode list = narrow.ok(narrow.get("/api/presets"));
            for (JsonNode p : list) {
                String id = p.get("id").asText();
                if (id.equals("001-xor") || id.equals("003-xor")) {
                    assertEquals(1, p.get("warnings").size(), p.toString());
                    assertTrue(p.at("/warnings/0").asText().contains("limit of 4"), p.toString());
                } else {
                    assertEquals(0, p.get("warnings").size(), "digits keeps 32 on a set without a map: " + p);
                }
            }
        }
    }
}
