package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** An exercise's lock outlives every message of its session: config keeps it, lock=weights refuses setWeight. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class LockSocketTest {
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private WsClient client(String query) {
        return WsClient.greeted(server.wsUrl() + "?" + query).watchedBy(server::socketDiagnostics);
    }

    private static boolean hasWarning(JsonNode state, String id) {
        for (JsonNode w : state.get("warnings")) if (w.at("/detail/id").asText().equals(id)) return true;
        return false;
    }

    @Test
    void config_keeps_the_locked_keys_values_and_the_lock_itself() {
        try (WsClient c = client("dataset=xor&learningRate=0.1&lock=dataset,learningRate")) {
            c.send(
                    "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"circle\",\"learningRate\":0.3,\"noise\":10,\"lock\":\"\"}}");
            JsonNode reply = c.stateFor("c");
            assertEquals("xor", reply.at("/state/dataset").asText(), reply::toString);
            assertEquals(0.1, reply.at("/state/learningRate").asDouble(), reply::toString);
            assertEquals(10, reply.at("/state/noise").asDouble(), "an unlocked key takes the config's value");
            assertEquals(
                    "[\"dataset\",\"learningRate\"]", reply.at("/state/lock").toString());
            assertTrue(hasWarning(reply, "state.lockKept"), reply::toString);
            // and a set of the lock is still refused afterwards
            c.send("{\"type\":\"set\",\"id\":\"s\",\"state\":{\"lock\":\"\"}}");
            assertEquals("locked", c.errorFor("s").get("code").asText());
        }
    }

    @Test
    void locking_one_feature_locks_that_feature_only() {
        try (WsClient c = client("dataset=xor&x=true&y=true&xTimesY=false&lock=x")) {
            c.send("{\"type\":\"set\",\"id\":\"x\",\"state\":{\"x\":false}}");
            JsonNode error = c.errorFor("x");
            assertEquals("locked", error.get("code").asText(), error::toString);
            assertEquals("x", error.get("field").asText(), error::toString);
            c.send("{\"type\":\"set\",\"id\":\"y\",\"state\":{\"y\":false,\"xTimesY\":true}}");
            JsonNode other = c.stateFor("y");
            assertEquals(false, other.at("/state/y").asBoolean(), "another feature is free: " + other);
            assertEquals(true, other.at("/state/xTimesY").asBoolean(), other::toString);
            assertEquals(true, other.at("/state/x").asBoolean(), "the locked one stays on: " + other);
            // a config keeps the locked feature only
            c.send(
                    "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"xor\",\"x\":false,\"y\":true,\"sinX\":true}}");
            JsonNode reply = c.stateFor("c");
            assertEquals(true, reply.at("/state/x").asBoolean(), reply::toString);
            assertEquals(true, reply.at("/state/sinX").asBoolean(), reply::toString);
            assertEquals("[\"x\"]", reply.at("/state/lock").toString());
        }
    }

    @Test
    void config_that_needs_a_locked_key_changed_is_refused_and_changes_nothing() {
        try (WsClient c = client("dataset=spiral-multi&loss=ce&noise=5&lock=loss")) {
            c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"dataset\":\"circle\",\"noise\":20}}");
            JsonNode error = c.errorFor("c");
            assertEquals("locked", error.get("code").asText(), error::toString);
            assertEquals("loss", error.get("field").asText(), error::toString);
            c.send("{\"type\":\"set\",\"id\":\"s\",\"state\":{\"showTestData\":true}}");
            JsonNode after = c.stateFor("s");
            assertEquals("spiral-multi", after.at("/state/dataset").asText());
            assertEquals(5, after.at("/state/noise").asDouble());
            assertEquals("ce", after.at("/state/loss").asText());
        }
    }

    @Test
    void lock_weights_refuses_set_weight_and_bias_and_changes_nothing() {
        try (WsClient c = client("dataset=xor&lock=weights")) {
            JsonNode before = c.frame(0, h -> true, "the first frame").json();
            double w = before.at("/layers/0/weights/0/0").asDouble(),
                    b = before.at("/layers/0/biases/0").asDouble();
            c.send("{\"type\":\"setWeight\",\"id\":\"w\",\"layer\":0,\"to\":0,\"from\":0,\"value\":0.75}");
            JsonNode error = c.errorFor("w");
            assertEquals("locked", error.get("code").asText(), error::toString);
            assertEquals("weights", error.get("field").asText(), error::toString);
            assertEquals("state.weightsLocked", error.at("/detail/id").asText(), error::toString);
            c.send("{\"type\":\"setWeight\",\"id\":\"b\",\"layer\":0,\"to\":0,\"bias\":true,\"value\":0.75}");
            assertEquals("locked", c.errorFor("b").get("code").asText());
            // the session's own weights, read back by an inspection, are the ones before
            c.send("{\"type\":\"inspect\",\"id\":\"i\",\"input\":[0.5,0.5],\"target\":[1]}");
            JsonNode after = c.await(m -> "i".equals(m.json().path("id").asText(null)), "the inspection")
                    .json();
            assertEquals("inspection", after.get("type").asText(), after::toString);
            assertEquals(w, after.at("/layers/0/weights/0/0").asDouble());
            assertEquals(b, after.at("/layers/0/biases/0").asDouble());
        }
    }

    @Test
    void without_the_lock_set_weight_applies() {
        try (WsClient c = client("dataset=xor&lock=dataset")) {
            c.frame(0, h -> true, "the first frame");
            long since = c.mark();
            c.send("{\"type\":\"setWeight\",\"id\":\"w\",\"layer\":0,\"to\":0,\"from\":0,\"value\":0.75}");
            assertEquals("state", c.replyTo("w").get("type").asText());
            c.frame(since, h -> h.at("/layers/0/weights/0/0").asDouble() == 0.75, "the edited weight");
        }
    }
}
