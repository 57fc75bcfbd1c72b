package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.backprop.playground.session.TrainingSession;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.store.Join;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Students' sessions on a class board over real sockets: joining by state keys, the refusals, what
 * the server records (best, goal reached with its weights, left), and the exercise key's task and title.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class BoardSessionTest {
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private record Made(String id, String key) {}

    private Made board(String state) {
        JsonNode b = server.json(server.post("/api/boards", "{\"state\":\"" + state + "\",\"task\":\"Go\"}"));
        return new Made(b.get("id").asText(), b.get("teacherKey").asText());
    }

    private WsClient student() {
        return WsClient.greeted(server.wsUrl()).watchedBy(server::socketDiagnostics);
    }

    private static String config(String id, String board, String name, String more) {
        return "{\"type\":\"config\",\"id\":\"" + id + "\",\"state\":{\"board\":\"" + board + "\",\"name\":" + name
                + more + "}}";
    }

    /** The teacher's view of the board until a row matches, within the deadline. */
    private JsonNode rowWhen(Made b, String name, Predicate<JsonNode> wanted, String what) {
        long deadline = System.nanoTime() + WsClient.DEADLINE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            JsonNode board = server.ok(server.getWithKey("/api/boards/" + b.id(), b.key()));
            for (JsonNode row : board.get("students")) {
                if (row.get("name").asText().equals(name)) {
                    last = row;
                    if (wanted.test(row)) return row;
                }
            }
            WsClient.sleep(120); // under the reads limit of 10 a second
        }
        throw new AssertionError("timed out waiting for " + what + "; last row: " + last);
    }

    @Test
    void a_session_with_board_and_name_joins_and_leaves_and_the_key_never_reaches_it() {
        Made b = board("dataset=xor");
        try (WsClient ada = student()) {
            JsonNode state = ada.send("c", config("c", b.id(), "\"  Ada \"", ""));
            assertEquals("state", state.get("type").asText(), state::toString);
            JsonNode row = rowWhen(b, "Ada", r -> r.get("online").asBoolean(), "Ada online");
            assertTrue(row.get("leftAt").isNull());
            assertFalse(
                    row.get("state").asText().contains("name=")
                            || row.get("state").asText().contains("board="),
                    row.toString());
            for (WsClient.Message m : ada.received)
                assertFalse(m.json().toString().contains(b.key()), "the key reached a student: " + m.json());
        }
        JsonNode left = rowWhen(b, "Ada", r -> !r.get("leftAt").isNull(), "Ada left");
        assertFalse(left.get("online").asBoolean());
    }

    @Test
    void the_refusals_come_as_errors_with_their_codes_and_the_session_goes_on() {
        Made b = board("dataset=xor");
        try (WsClient a = student();
                WsClient twin = student();
                WsClient other = student()) {
            a.send("c", config("c", b.id(), "\"Kim\"", ""));
            rowWhen(b, "Kim", r -> r.get("online").asBoolean(), "Kim online");
            twin.send(config("t", b.id(), "\"KIM\"", ""));
            JsonNode taken = twin.errorFor("t");
            assertEquals("name_taken", taken.get("code").asText(), taken::toString);
            assertEquals("name", taken.get("field").asText());
            assertEquals("board.nameTaken", taken.at("/detail/id").asText());

            other.send(config("h", b.id(), "\"<script>alert(1)</script>\"", ""));
            assertEquals("name_invalid", other.errorFor("h").get("code").asText());
            other.send(config("n", "zzzzzzzzzz", "\"Lee\"", ""));
            assertEquals("board_not_found", other.errorFor("n").get("code").asText());
            other.send(config("x", "'; DROP TABLE boards; --", "\"Lee\"", ""));
            JsonNode odd = other.replyTo("x");
            assertEquals("state", odd.get("type").asText(), "an id that is not one is dropped with a warning: " + odd);

            // a board that has its 200
            Made full = board("dataset=xor");
            Instant now = server.classroom().clock.instant();
            for (int i = 0; i < Classroom.MAX_STUDENTS; i++) {
                assertEquals(
                        Join.JOINED,
                        server.classroom()
                                .store
                                .join(full.id(), "s" + i, "s", Classroom.MAX_STUDENTS, now, Classroom.HELD));
            }
            other.send(config("f", full.id(), "\"Lee\"", ""));
            assertEquals("board_full", other.errorFor("f").get("code").asText());

            // tries to join, one after another: five at once, then one a second
            int refusedAt = -1;
            long start = System.nanoTime();
            for (int i = 0; i < 40 && refusedAt < 0; i++) {
                twin.send(config("r" + i, b.id(), "\"kim\"", ""));
                if (twin.errorFor("r" + i).get("code").asText().equals("rate_limited")) refusedAt = i;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // the twin's first try spent one of the five; then one a second of the time the tries took
            assertTrue(
                    refusedAt >= 3 && refusedAt <= 4 + seconds + 1,
                    "rate_limited at try " + refusedAt + " after " + seconds + " s");

            long since = other.mark();
            other.send("{\"type\":\"step\",\"epochs\":3}");
            other.frame(since, h -> h.get("epoch").asLong() == 3, "the refused session still trains");
        }
    }

    @Test
    void the_server_records_best_and_the_goal_reached_with_the_weights_it_was_reached_with() {
        TrainingSession probe = new TrainingSession(
                new StateCodec(PlaygroundLimits.defaults()).parse("").state());
        double[] losses = new double[61];
        for (int e = 0; e <= 60; e++) {
            if (e > 0) probe.runEpochs(1);
            losses[e] = probe.snapshot().trainLoss();
        }
        double target = losses[40];
        int first = 0;
        while (!(losses[first] < target)) first++;
        TrainingSession atFirst = new TrainingSession(
                new StateCodec(PlaygroundLimits.defaults()).parse("").state());
        atFirst.runEpochs(first);
        double[] expected = atFirst.network().params;

        Made b = board("");
        try (WsClient c = student()) {
            c.send("c", config("c", b.id(), "\"Ada\"", ",\"goal\":\"trainLoss<" + target + "\""));
            long since = c.mark();
            c.send("{\"type\":\"step\",\"epochs\":60}");
            c.frame(since, h -> h.get("epoch").asLong() == 60, "epoch 60");
            JsonNode row = rowWhen(
                    b, "Ada", r -> !r.get("reached").isNull() && r.get("epoch").asLong() == 60, "Ada's reach at 60");
            assertEquals(first, row.at("/reached/epoch").asLong(), "the exact epoch, though no frame showed it");
            assertEquals("trainLoss", row.get("metric").asText());
            assertTrue(row.get("best").asDouble() < target, row.toString());
            double[] weights = new double[row.at("/reached/weights").size()];
            for (int i = 0; i < weights.length; i++)
                weights[i] = row.at("/reached/weights").get(i).asDouble();
            assertArrayEquals(expected, weights, 0, "the weights at the reaching epoch, bit for bit");
            String run = row.get("runUrl").asText();
            assertTrue(
                    run.startsWith("/?")
                            && run.contains("weights=")
                            && !run.contains("board=")
                            && !run.contains("name="),
                    run);
            assertEquals(
                    400,
                    java.util.Base64.getDecoder().decode(row.get("thumbnail").asText()).length);
            // the run opens as the reached network: its initial weights are the reached ones
            var opened = new StateCodec(PlaygroundLimits.defaults())
                    .parse(run.substring(2))
                    .state();
            assertEquals(weights.length, opened.weights().size());
            for (int i = 0; i < weights.length; i++)
                assertEquals(weights[i], opened.weights().get(i), 0, "weight " + i);
        }
    }

    @Test
    void an_exercise_id_fills_title_and_task_on_the_socket_and_on_the_page() {
        JsonNode e = server.json(server.post(
                "/api/exercises", "{\"state\":\"dataset=xor&title=Stored%20%3Cb%3Etitle\",\"task\":\"Do it\"}"));
        String id = e.get("id").asText();
        try (WsClient c = student()) {
            JsonNode state = c.send("c", "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"exercise\":\"" + id + "\"}}");
            assertEquals("Stored <b>title", state.at("/state/title").asText(), state::toString);
            assertEquals(id, state.at("/state/exercise").asText());
            assertEquals("Do it", state.at("/state/task").asText(), "the stored task, through the task key");
            JsonNode own = c.send(
                    "o",
                    "{\"type\":\"config\",\"id\":\"o\",\"state\":{\"exercise\":\"" + id + "\",\"title\":\"Mine\"}}");
            assertEquals("Mine", own.at("/state/title").asText(), "the link's own title wins");
        }
        String page = server.get("/?exercise=" + id).body();
        assertTrue(page.contains("<title>Stored &lt;b&gt;title · "), "escaped in the page's title");
        assertFalse(page.contains("<b>title"));
        assertTrue(page.contains("Do it"), "the page shows the stored task");
    }
}
