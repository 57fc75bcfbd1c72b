package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.state.Speed;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The {@code speed} key over /ws: in config, set, state and query, and what a paced session's frames show. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class PacingSocketTest {
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private WsClient client() {
        return WsClient.greeted(server.wsUrl()).watchedBy(server::socketDiagnostics);
    }

    @Test
    void speed_travels_in_config_set_state_and_query() {
        try (WsClient c = client()) {
            c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"speed\":1000}}");
            JsonNode state = c.stateFor("c");
            assertEquals(1000, state.at("/state/speed").asInt());
            assertTrue(
                    state.get("query").asText().contains("speed=1000"),
                    state.get("query").asText());
            c.send("{\"type\":\"set\",\"id\":\"s\",\"state\":{\"speed\":\"max\"}}");
            JsonNode set = c.stateFor("s");
            assertEquals("max", set.at("/state/speed").asText());
            assertEquals(List.of("speed"), strings(set.get("changed")));
            assertTrue(set.get("query").asText().contains("speed=max"));
            c.send("{\"type\":\"config\",\"id\":\"bad\",\"state\":{\"speed\":\"fast\"}}");
            JsonNode fallback = c.stateFor("bad");
            assertEquals(60, fallback.at("/state/speed").asInt(), "a bad config value falls back to 60");
            assertTrue(fallback.toString().contains(Speed.CHOICES_TEXT), "with a warning listing the choices");
        }
        try (WsClient c = WsClient.greeted(server.wsUrl() + "?speed=3")) {
            JsonNode state =
                    c.await(m -> m.type().equals("state"), "the first state").json();
            assertEquals(3, state.at("/state/speed").asInt(), "the socket URL's speed");
        }
    }

    @Test
    void a_bad_speed_in_a_set_is_refused_on_field_speed_and_changes_nothing() {
        try (WsClient c = client()) {
            c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"speed\":300}}");
            c.stateFor("c");
            c.send("{\"type\":\"set\",\"id\":\"bad\",\"state\":{\"speed\":7,\"learningRate\":0.3}}");
            JsonNode error = c.errorFor("bad");
            assertEquals("speed", error.get("field").asText(), error.toString());
            assertEquals("bad_value", error.get("code").asText());
            assertTrue(error.toString().contains(Speed.CHOICES_TEXT), error.toString());
            c.send("{\"type\":\"pause\",\"id\":\"after\"}");
            JsonNode after = c.stateFor("after");
            assertEquals(300, after.at("/state/speed").asInt());
            assertEquals(0.03, after.at("/state/learningRate").asDouble(), "nothing else changed either");
        }
    }

    @Test
    void at_3_epochs_a_second_each_frame_shows_the_next_epoch() {
        try (WsClient c = client()) {
            c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"speed\":3}}");
            c.stateFor("c");
            long since = c.mark();
            c.send("{\"type\":\"play\",\"id\":\"p\"}");
            c.frame(since, h -> h.get("epoch").asLong() >= 4, "epoch 4");
            c.send("{\"type\":\"pause\",\"id\":\"stop\"}");
            c.stateFor("stop");
            List<Long> epochs = playingEpochs(c, since);
            assertEquals(1, epochs.get(0), "play shows its first epoch at once: " + epochs);
            assertTrue(epochs.size() >= 4, "a frame per epoch: " + epochs);
            for (int i = 1; i < epochs.size(); i++) {
                assertEquals(epochs.get(i - 1) + 1, epochs.get(i), "one epoch a frame: " + epochs);
            }
        }
    }

    @Test
    void at_the_default_pace_frames_advance_by_a_few_epochs_and_at_max_by_many() {
        try (WsClient c = client()) {
            long since = c.mark();
            c.send("{\"type\":\"play\",\"id\":\"p\"}");
            c.frame(since, h -> h.get("epoch").asLong() >= 30, "epoch 30");
            c.send("{\"type\":\"pause\",\"id\":\"stop\"}");
            c.stateFor("stop");
            List<Long> paced = playingEpochs(c, since);
            assertTrue(paced.get(0) <= 3 && paced.size() >= 10, "30 epochs in many frames: " + paced);
            // 60/s at 30 frames/s is 2 a frame; a turn is never owed more than 1 + 60/30 epochs
            for (int i = 1; i < paced.size(); i++) {
                long step = paced.get(i) - paced.get(i - 1);
                assertTrue(step >= 0 && step <= 6, "60/s: " + paced);
            }
            c.send("{\"type\":\"set\",\"id\":\"s\",\"state\":{\"speed\":\"max\"}}");
            c.stateFor("s");
            long fast = c.mark();
            c.send("{\"type\":\"play\",\"id\":\"p2\"}");
            c.frame(fast, h -> h.get("epoch").asLong() >= 5000, "5000 epochs at max");
            c.send("{\"type\":\"pause\",\"id\":\"stop2\"}");
            c.stateFor("stop2");
            List<Long> unpaced = playingEpochs(c, fast);
            long most = 0;
            for (int i = 1; i < unpaced.size(); i++) most = Math.max(most, unpaced.get(i) - unpaced.get(i - 1));
            assertTrue(most > 50, "max trains many epochs a frame: " + most);
        }
    }

    /** The epochs of the frames after {@code since} that were sent while playing. */
    private static List<Long> playingEpochs(WsClient c, long since) {
        List<Long> epochs = new ArrayList<>();
        for (WsClient.Message m : c.frames()) {
            if (m.seq() > since && m.json().get("playing").asBoolean())
                epochs.add(m.json().get("epoch").asLong());
        }
        assertFalse(epochs.isEmpty(), "frames while playing");
        return epochs;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
