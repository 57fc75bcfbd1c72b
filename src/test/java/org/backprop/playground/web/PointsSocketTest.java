package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.data.Domain;
import org.backprop.playground.data.Point;
import org.backprop.playground.data.ProblemKind;
import org.backprop.playground.state.CustomPoints;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A person's own data over /ws: addPoint, removePoint and clearPoints change the session's points
 * while it trains, the state says the counts and carries the points in its link, and every bad
 * request is refused with its field and changes nothing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class PointsSocketTest {
    private final TestServer server = new TestServer();
    private final StateCodec codec = new StateCodec(PlaygroundLimits.defaults());

    @AfterAll
    void stop() {
        server.close();
    }

    private WsClient client() {
        return WsClient.greeted(server.wsUrl()).watchedBy(server::socketDiagnostics);
    }

    /** The points a state message holds (its link may name a stored set instead). */
    private CustomPoints pointsOf(JsonNode state) {
        String link = state.get("query").asText().replaceAll("&data=[^&]*", "");
        return codec.parse(link + "&points=" + state.at("/state/points").asText())
                .state()
                .points();
    }

    @Test
    void the_first_point_on_a_data_set_keeps_its_points_adds_one_and_training_goes_on() {
        try (WsClient c = client()) {
            c.send("c", "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"circle\",\"speed\":\"max\"}}");
            c.send("p", "{\"type\":\"play\",\"id\":\"p\"}");
            JsonNode s = c.send("a", "{\"type\":\"addPoint\",\"id\":\"a\",\"x\":1.5,\"y\":-2.25,\"label\":1}");
            assertEquals("state", s.get("type").asText(), s.toString());
            // 501 points: the link names a stored set (data) instead of them
            assertEquals(List.of("points", "data"), strings(s.get("changed")));
            assertEquals(251, s.at("/derived/trainPoints").asInt());
            assertEquals(250, s.at("/derived/testPoints").asInt());
            assertTrue(s.at("/derived/ownPoints").asBoolean());
            assertTrue(s.at("/status/playing").asBoolean(), "training goes on");
            CustomPoints p = pointsOf(s);
            assertEquals(501, p.size());
            assertEquals(250, p.testCount());
            // the last training point is the new one, within half a step of the 16-bit grid
            Point added = p.train(Domain.PLAYGROUND, ProblemKind.BINARY).get(250);
            assertEquals(1.5, added.x(), 12.0 / 65535);
            assertEquals(-2.25, added.y(), 12.0 / 65535);
            assertEquals(1, added.label());
            // the points changed: a data message of the new version, and frames from further epochs
            long version = s.at("/status/dataVersion").asLong();
            long epoch = s.at("/status/epoch").asLong();
            c.await(
                    m -> m.binary()
                            && m.type().equals("data")
                            && m.json().get("dataVersion").asLong() == version,
                    "data");
            c.frame(
                    0,
                    h -> h.get("dataVersion").asLong() == version
                            && h.get("epoch").asLong() > epoch + 10,
                    "training on");
        }
    }

    @Test
    void clear_then_add_and_erase_by_place_and_say_when_nothing_is_there() {
        try (WsClient c = client()) {
            c.send("c", "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\"}}");
            JsonNode cleared = c.send("clear", "{\"type\":\"clearPoints\",\"id\":\"clear\"}");
            assertEquals(0, cleared.at("/derived/trainPoints").asInt());
            assertEquals(0, cleared.at("/derived/testPoints").asInt());
            assertEquals(0, pointsOf(cleared).size());
            c.send("a1", "{\"type\":\"addPoint\",\"id\":\"a1\",\"x\":1,\"y\":2,\"label\":1}");
            JsonNode two = c.send("a2", "{\"type\":\"addPoint\",\"id\":\"a2\",\"x\":-3,\"y\":-3,\"label\":-1}");
            assertEquals(2, two.at("/derived/trainPoints").asInt());
            JsonNode one = c.send("r", "{\"type\":\"removePoint\",\"id\":\"r\",\"x\":1.2,\"y\":2.2}");
            assertEquals(1, one.at("/derived/trainPoints").asInt());
            Point left =
                    pointsOf(one).train(Domain.PLAYGROUND, ProblemKind.BINARY).get(0);
            assertEquals(-3, left.x(), 1e-3);
            assertEquals(-1, left.label());
            JsonNode none = c.send("r2", "{\"type\":\"removePoint\",\"id\":\"r2\",\"x\":1.2,\"y\":2.2}");
            assertEquals("no_point", none.get("code").asText(), none.toString());
            assertEquals("removePoint", none.get("cause").asText());
            assertEquals(
                    "no point within 0.5 of (1.2, 2.2) to erase",
                    none.get("message").asText());
            assertEquals(
                    1,
                    c.send("s", "{\"type\":\"pause\",\"id\":\"s\"}")
                            .at("/derived/trainPoints")
                            .asInt());
        }
    }

    @Test
    void bad_points_are_refused_with_their_field_and_change_nothing() {
        try (WsClient c = client()) {
            c.send("c", "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"blobs\",\"numClasses\":3}}");
            String[][] cases = {
                {"{\"x\":\"a\",\"y\":0,\"label\":0}", "bad_value", "x"},
                {"{\"x\":0,\"y\":6.5,\"label\":0}", "bad_value", "y"},
                {"{\"x\":0,\"y\":0}", "bad_value", "label"},
                {"{\"x\":0,\"y\":0,\"label\":3}", "bad_value", "label"},
                {"{\"x\":0,\"y\":0,\"label\":0.5}", "bad_value", "label"},
                {"{\"x\":1e400,\"y\":0,\"label\":0}", "bad_value", "x"},
            };
            for (String[] k : cases) {
                String msg = "{\"type\":\"addPoint\",\"id\":\"b\"," + k[0].substring(1);
                JsonNode e = c.send("b", msg);
                assertEquals("error", e.get("type").asText(), msg + " -> " + e);
                assertEquals(k[1], e.get("code").asText(), msg + " -> " + e);
                assertEquals(k[2], e.get("field").asText(), msg + " -> " + e);
                c.received.clear();
            }
            JsonNode label = c.send("l", "{\"type\":\"addPoint\",\"id\":\"l\",\"x\":0,\"y\":0,\"label\":3}");
            assertEquals(
                    "a point's label here is a class from 0 to 2, not 3",
                    label.get("message").asText());
            JsonNode s = c.send("s", "{\"type\":\"pause\",\"id\":\"s\"}");
            assertFalse(s.at("/derived/ownPoints").asBoolean(), "nothing changed: " + s);
            assertEquals("", s.at("/state/points").asText());
            // a class in range is taken
            assertEquals(
                    251,
                    c.send("ok", "{\"type\":\"addPoint\",\"id\":\"ok\",\"x\":0,\"y\":0,\"label\":2}")
                            .at("/derived/trainPoints")
                            .asInt());
            // a set without a 2-D map has no place to put a point
            c.send("d", "{\"type\":\"config\",\"id\":\"d\",\"state\":{\"dataset\":\"seed-digits\"}}");
            JsonNode digits = c.send("e", "{\"type\":\"addPoint\",\"id\":\"e\",\"x\":0,\"y\":0,\"label\":0}");
            assertEquals("conflict", digits.get("code").asText(), digits.toString());
            assertEquals("dataset", digits.get("field").asText());
        }
    }

    @Test
    void a_set_holds_at_most_the_cap() {
        CustomPoints full = CustomPoints.empty(CustomPoints.Kind.CLASSES);
        for (int i = 0; i < CustomPoints.MAX_POINTS; i++) {
            full = full.with(
                    -6 + 12.0 * (i % 50) / 49,
                    -6 + 12.0 * (i / 50) / 39,
                    i % 2 == 0 ? 1 : -1,
                    Domain.PLAYGROUND,
                    ProblemKind.BINARY);
        }
        try (WsClient c = client()) {
            JsonNode s = c.send(
                    "c",
                    "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\",\"points\":\"" + full.text()
                            + "\"}}");
            assertEquals(
                    CustomPoints.MAX_POINTS,
                    s.at("/derived/trainPoints").asInt(),
                    s.at("/warnings").toString());
            JsonNode e = c.send("a", "{\"type\":\"addPoint\",\"id\":\"a\",\"x\":0,\"y\":0,\"label\":1}");
            assertEquals("too_many_points", e.get("code").asText(), e.toString());
            assertEquals(
                    "a set has at most 2000 points: erase some first",
                    e.get("message").asText());
        }
    }

    @Test
    void a_lock_on_points_refuses_every_edit_and_a_data_set_that_would_replace_them() {
        String own = CustomPoints.empty(CustomPoints.Kind.CLASSES)
                .with(1, 1, 1, Domain.PLAYGROUND, ProblemKind.BINARY)
                .text();
        try (WsClient c = client()) {
            JsonNode locked = c.send(
                    "c",
                    "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\",\"lock\":\"points\",\"points\":\""
                            + own + "\"}}");
            // what the page shows locked: the points, and what would replace them
            assertEquals(
                    List.of("points", "dataset", "regDataset", "problem", "numClasses"),
                    strings(locked.at("/derived/locked")));
            for (String m : List.of(
                    "{\"type\":\"addPoint\",\"id\":\"x\",\"x\":0,\"y\":0,\"label\":1}",
                    "{\"type\":\"removePoint\",\"id\":\"x\",\"x\":1,\"y\":1}",
                    "{\"type\":\"clearPoints\",\"id\":\"x\"}",
                    "{\"type\":\"set\",\"id\":\"x\",\"state\":{\"points\":\"\"}}")) {
                JsonNode e = c.send("x", m);
                assertEquals("locked", e.get("code").asText(), m + " -> " + e);
                assertEquals("points", e.get("field").asText(), m + " -> " + e);
                c.received.clear();
            }
            JsonNode e = c.send("d", "{\"type\":\"set\",\"id\":\"d\",\"state\":{\"dataset\":\"circle\"}}");
            assertEquals("locked", e.get("code").asText(), e.toString());
            assertEquals("dataset", e.get("field").asText());
            assertEquals(
                    1,
                    c.send("s", "{\"type\":\"pause\",\"id\":\"s\"}")
                            .at("/derived/trainPoints")
                            .asInt());
        }
    }

    @Test
    void the_link_carries_the_points_and_a_data_set_picked_again_brings_its_own_back() {
        String query;
        try (WsClient c = client()) {
            c.send("c", "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"gauss\"}}");
            c.send("clear", "{\"type\":\"clearPoints\",\"id\":\"clear\"}");
            c.send("a1", "{\"type\":\"addPoint\",\"id\":\"a1\",\"x\":2,\"y\":2,\"label\":1}");
            JsonNode s = c.send("a2", "{\"type\":\"addPoint\",\"id\":\"a2\",\"x\":-2,\"y\":-2,\"label\":-1}");
            query = s.get("query").asText();
            assertTrue(query.contains("&points="), query);
            // the data set's thumbnail again: its own points, the person's go (a dependent change)
            JsonNode back = c.send("g", "{\"type\":\"set\",\"id\":\"g\",\"state\":{\"dataset\":\"gauss\"}}");
            assertEquals(List.of("points"), strings(back.get("changed")));
            assertEquals(250, back.at("/derived/trainPoints").asInt());
            assertFalse(back.get("query").asText().contains("points="));
        }
        try (WsClient c = WsClient.connect(server.wsUrl() + "?" + query)) {
            JsonNode s = c.await(m -> m.type().equals("state"), "first state").json();
            assertEquals(2, s.at("/derived/trainPoints").asInt(), s.toString());
            assertEquals(0, s.at("/derived/testPoints").asInt());
            assertEquals(query, s.get("query").asText());
            PlaygroundState st = codec.parse(query).state();
            assertNotNull(st.points());
        }
    }

    @Test
    void over_two_hundred_points_go_in_a_stored_data_set_whose_short_id_the_link_names() {
        CustomPoints many = CustomPoints.empty(CustomPoints.Kind.CLASSES);
        for (int i = 0; i <= CustomPoints.LINK_POINTS; i++) {
            many = many.with(-5 + i * 0.05, 1, i % 2 == 0 ? 1 : -1, Domain.PLAYGROUND, ProblemKind.BINARY);
        }
        String query;
        try (WsClient c = client()) {
            JsonNode s = c.send(
                    "c",
                    "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\",\"points\":\"" + many.text()
                            + "\"}}");
            query = s.get("query").asText();
            assertFalse(query.contains("points="), query);
            assertTrue(query.matches(".*&data=[A-Za-z0-9_-]{12}$"), query);
            assertTrue(
                    strings(s.get("changed")).contains("data"), s.get("changed").toString());
            assertEquals(many.text(), s.at("/state/points").asText(), "the page still has the points");
            // one point fewer: 200 travel in the link again
            JsonNode fewer = c.send("r", "{\"type\":\"removePoint\",\"id\":\"r\",\"x\":-5,\"y\":1}");
            assertTrue(
                    fewer.get("query").asText().contains("&points="),
                    fewer.get("query").asText());
            assertFalse(fewer.get("query").asText().contains("data="));
        }
        // the short link opens the same points, from the store
        try (WsClient c = WsClient.connect(server.wsUrl() + "?" + query)) {
            JsonNode s = c.await(m -> m.type().equals("state"), "first state").json();
            assertEquals(
                    CustomPoints.LINK_POINTS + 1, s.at("/derived/trainPoints").asInt(), s.toString());
            assertEquals(query, s.get("query").asText());
            assertEquals(0, s.get("warnings").size(), s.get("warnings").toString());
        }
        // an id the store has not: the data set's own points, and a warning saying so
        try (WsClient c = WsClient.connect(server.wsUrl() + "?dataset=xor&data=AAAAAAAAAAAA")) {
            JsonNode s = c.await(m -> m.type().equals("state"), "first state").json();
            assertEquals(250, s.at("/derived/trainPoints").asInt());
            assertEquals(
                    "state.dataNotFound",
                    s.at("/warnings/0/detail/id").asText(),
                    s.get("warnings").toString());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
