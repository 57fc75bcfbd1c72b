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

/** {@code gradcheck} over /ws runs as the session's own work on the scheduler: one at a time, one a second. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class GradcheckSocketTest {
    /** The heaviest default network on every feature: a check of ~450 parameters on 64 points. */
    private static final String HEAVY = "dataset=spiral&networkShape=8,8,8,8,8,8"
            + "&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true";

    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private static JsonNode reply(WsClient c, String type, String id) {
        return c.await(
                        m -> (m.type().equals(type) || m.type().equals("error"))
                                && id.equals(m.json().path("id").asText(null)),
                        type + " " + id)
                .json();
    }

    @Test
    void two_quick_gradchecks_get_one_answer_from_a_training_thread_and_one_busy_error() throws Exception {
        try (WsClient c = WsClient.connect(server.wsUrl() + "?" + HEAVY)) {
            c.hello();
            c.await(m -> m.type().equals("state"), "first state");
            c.send("{\"type\":\"gradcheck\",\"id\":\"a\"}");
            c.send("{\"type\":\"gradcheck\",\"id\":\"b\"}");
            JsonNode a = reply(c, "gradcheck", "a"), b = reply(c, "gradcheck", "b");
            System.out.println("first: " + a.get("type").asText() + " on " + a.get("samples")
                    + " samples, computed on thread '" + server.socket().stats.lastGradcheckThread + "'; second: " + b);
            assertEquals("gradcheck", a.get("type").asText(), a::toString);
            for (JsonNode l : a.get("layers"))
                assertEquals("correct", l.get("verdict").asText(), a::toString);
            assertEquals("error", b.get("type").asText(), b::toString);
            assertEquals("busy", b.get("code").asText(), b::toString);
            assertTrue(b.get("message").asText().contains("one gradcheck at a time"), b::toString);
            assertTrue(
                    server.socket().stats.lastGradcheckThread.startsWith("training-"),
                    "computed on the scheduler, not on Jetty's thread: " + server.socket().stats.lastGradcheckThread);
            // the session lives on; a check asked within the second of the last waits for it and is answered
            assertEquals(
                    "state",
                    c.send("p", "{\"type\":\"pause\",\"id\":\"p\"}").get("type").asText());
            long asked = System.nanoTime();
            c.send("{\"type\":\"gradcheck\",\"id\":\"c\"}");
            JsonNode next = reply(c, "gradcheck", "c");
            System.out.println("the next check, asked at once after the answer: "
                    + next.get("type").asText() + " after " + (System.nanoTime() - asked) / 1_000_000 + " ms");
            assertEquals("gradcheck", next.get("type").asText(), next::toString);
        }
    }

    @Test
    void a_check_asked_within_the_second_of_the_last_waits_for_it_and_is_answered() throws Exception {
        try (WsClient c = WsClient.connect(
                server.wsUrl() + "?dataset=xor")) { // a small network: its check answers in milliseconds
            c.hello();
            c.await(m -> m.type().equals("state"), "first state");
            c.send("{\"type\":\"gradcheck\",\"id\":\"a\"}");
            assertEquals("gradcheck", reply(c, "gradcheck", "a").get("type").asText());
            long asked = System.nanoTime();
            c.send("{\"type\":\"gradcheck\",\"id\":\"b\"}");
            JsonNode b = reply(c, "gradcheck", "b");
            System.out.println("asked right after the first answer: "
                    + b.get("type").asText() + " after " + (System.nanoTime() - asked) / 1_000_000 + " ms");
            assertEquals("gradcheck", b.get("type").asText(), b::toString);
        }
    }
}
