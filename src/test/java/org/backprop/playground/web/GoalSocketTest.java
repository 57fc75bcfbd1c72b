package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.session.TrainingSession;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The goal over /ws: frames and state messages carry it, the server checks it. Known epoch
 * counts come from {@code step}, never from how fast playing trains.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class GoalSocketTest {
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private WsClient client() {
        return WsClient.greeted(server.wsUrl()).watchedBy(server::socketDiagnostics);
    }

    /** The default circle's training loss after each of epochs 0..n, trained here: the server trains the same bits. */
    private static double[] trainLosses(int n) {
        TrainingSession probe = new TrainingSession(
                new StateCodec(PlaygroundLimits.defaults()).parse("").state());
        double[] losses = new double[n + 1];
        for (int e = 0; e <= n; e++) {
            if (e > 0) probe.runEpochs(1);
            losses[e] = probe.snapshot().trainLoss();
        }
        return losses;
    }

    @Test
    void frames_and_states_carry_the_goal_met_stays_met_after_a_wrecked_weight_and_a_new_goal_clears_it() {
        double[] losses = trainLosses(60);
        double target = losses[40];
        int first = 0;
        while (!(losses[first] < target)) first++;
        try (WsClient c = client()) {
            JsonNode configured =
                    c.send("c", "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"goal\":\"trainLoss<" + target + "\"}}");
            JsonNode g = configured.get("goal");
            assertEquals("trainLoss", g.get("metric").asText());
            assertEquals("<", g.get("comparison").asText());
            assertEquals(target, g.get("value").asDouble());
            assertFalse(g.get("met").asBoolean());
            assertTrue(g.get("metAtEpoch").isNull()
                    && g.get("metAtSeconds").isNull()
                    && g.get("budget").isNull());
            assertEquals(losses[0], g.get("best").asDouble(), 0, "the state message measures epoch 0");
            assertEquals("goal.words", g.at("/words/id").asText());
            assertEquals(
                    "goal.metric.trainLoss", g.at("/words/params/metric/id").asText());
            assertEquals("goal.status.notMet", g.at("/status/id").asText());
            assertEquals("pending", g.get("kind").asText());

            long since = c.mark();
            c.send("{\"type\":\"step\",\"epochs\":60}");
            JsonNode at60 = c.frame(since, h -> h.get("epoch").asLong() == 60, "epoch 60")
                    .json();
            JsonNode met = at60.get("goal");
            assertTrue(met.get("met").asBoolean(), met.toString());
            assertEquals(first, met.get("metAtEpoch").asLong(), "the exact epoch, though no frame showed it");
            assertTrue(met.get("metAtSeconds").asDouble() >= 0);
            assertEquals(at60.get("trainLoss").asDouble(), met.get("now").asDouble(), 0);
            assertEquals("met", met.get("kind").asText());
            assertEquals("goal.status.met", met.at("/status/id").asText());
            assertEquals(
                    String.format(java.util.Locale.ROOT, "%,d", first),
                    met.at("/status/params/epoch").asText());

            since = c.mark();
            c.send("{\"type\":\"setWeight\",\"layer\":2,\"to\":0,\"from\":0,\"value\":50}");
            JsonNode wrecked = c.frame(
                            since,
                            h -> h.get("layers")
                                            .get(2)
                                            .get("weights")
                                            .get(0)
                                            .get(0)
                                            .asDouble()
                                    == 50,
                            "the wrecked weight")
                    .json();
            JsonNode after = wrecked.get("goal");
            assertTrue(after.get("met").asBoolean(), "met stays met");
            assertEquals(first, after.get("metAtEpoch").asLong(), "at the same epoch");
            assertTrue(
                    after.get("now").asDouble() > met.get("now").asDouble()
                            && after.get("now").asDouble() > target,
                    "a worse now: " + after.get("now"));

            JsonNode reset = c.send("g", "{\"type\":\"set\",\"id\":\"g\",\"state\":{\"goal\":\"trainLoss<0.0001\"}}");
            assertTrue(reset.get("changed").toString().contains("\"goal\""));
            assertFalse(reset.at("/goal/met").asBoolean(), "a set of the goal clears it");
            assertEquals(0.0001, reset.at("/goal/value").asDouble());
        }
    }

    @Test
    void a_spent_budget_pauses_the_session_with_a_notice_in_words() {
        try (WsClient c = client()) {
            c.send(
                    "c",
                    "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"goal\":\"trainLoss<0.0001\",\"goalEpochs\":5}}");
            long since = c.mark();
            c.send("{\"type\":\"step\",\"epochs\":50}");
            JsonNode paused = c.await(
                            since,
                            m -> m.type().equals("state")
                                    && m.json().path("cause").asText().equals("paused"),
                            "the pause")
                    .json();
            assertEquals(
                    "session.goalBudgetSpent", paused.at("/noticeDetail/id").asText());
            assertTrue(
                    paused.get("notice").asText().contains("budget of 5 epochs"),
                    paused.get("notice").asText());
            assertEquals(5, paused.at("/status/epoch").asLong(), "stopped where the budget ran out, not after 50");
            assertTrue(paused.at("/goal/budgetSpent").asBoolean());
            assertEquals("spent", paused.at("/goal/kind").asText());
            JsonNode frame = c.frame(since, h -> h.get("epoch").asLong() == 5, "the frame at epoch 5")
                    .json();
            assertEquals(5, frame.at("/goal/budget").asInt());
            assertEquals(5, frame.at("/goal/budgetEndsAt").asLong());

            JsonNode cleared = c.send("r", "{\"type\":\"reset\",\"id\":\"r\"}");
            assertFalse(cleared.at("/goal/budgetSpent").asBoolean(), "reset gives a new try");
        }
    }

    @Test
    void no_goal_is_null_and_a_budget_without_a_goal_is_refused() {
        try (WsClient c = client()) {
            JsonNode state = c.send("c", "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"goalEpochs\":100}}");
            assertTrue(state.get("goal").isNull());
            assertTrue(state.at("/state/goalEpochs").isNull(), "dropped");
            assertEquals("goalEpochs", state.at("/warnings/0/key").asText(), "with a warning");
            long since = c.mark();
            c.send("{\"type\":\"step\",\"epochs\":1}");
            assertTrue(c.frame(since, h -> h.get("epoch").asLong() == 1, "epoch 1")
                    .json()
                    .get("goal")
                    .isNull());
            JsonNode refused = c.send("s", "{\"type\":\"set\",\"id\":\"s\",\"state\":{\"goalEpochs\":100}}");
            assertEquals("error", refused.get("type").asText());
            assertEquals("goalEpochs", refused.get("field").asText());
            assertEquals("state.goalEpochsNoGoal", refused.at("/detail/id").asText());
        }
    }
}
