package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** A link or a config naming an exercise the store does not have: a warning in either language, and nothing else changes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class ExerciseFillTest {
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private static boolean warns(JsonNode state, String id) {
        for (JsonNode w : state.get("warnings")) if (w.at("/detail/id").asText().equals(id)) return true;
        return false;
    }

    /** The page's warnings banner (the whole page also holds every string, in its boot JSON). */
    private static String banner(String html) {
        int at = html.indexOf("id=\"warning-list\"");
        return html.substring(at, html.indexOf("</ul>", at));
    }

    @Test
    void the_page_warns_of_an_unknown_exercise_in_both_languages_and_opens_the_link_as_spelled_out() {
        String en = server.get("/?exercise=nope000000&dataset=xor&title=Mine").body();
        assertTrue(
                banner(en).contains("no such stored exercise (a mistyped link, or it was made on another server)"),
                "the banner says it");
        assertTrue(banner(en).contains("<code>exercise=nope000000</code>"), "and names the id");
        assertTrue(en.contains("<title>Mine"), "the link's own title stays");
        assertTrue(en.contains("\"dataset\":\"xor\""), "the rest of the link is read as ever");
        String ko = server.get("/?exercise=nope000000&dataset=xor&lang=ko").body();
        assertTrue(banner(ko).contains("저장된 연습 문제가 없습니다"), "in Korean too");

        String id = server.json(server.post("/api/exercises", "{\"state\":\"dataset=xor\",\"task\":\"Go *on*.\"}"))
                .get("id")
                .asText();
        String known = server.get("/?exercise=" + id + "&dataset=xor").body();
        assertFalse(banner(known).contains("no such stored exercise"), "a stored one fills without a word");
        assertTrue(known.contains("Go *on*."), "its task is filled");
    }

    @Test
    void the_socket_warns_on_connect_and_on_config_and_the_state_is_the_same_as_without() {
        try (WsClient c = WsClient.greeted(server.wsUrl() + "?exercise=nope000000&dataset=xor")) {
            c.send(
                    "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"exercise\":\"gone000000\",\"dataset\":\"xor\",\"noise\":5}}");
            JsonNode reply = c.stateFor("c");
            assertTrue(warns(reply, "state.exerciseNotFound"), reply::toString);
            assertEquals("xor", reply.at("/state/dataset").asText());
            assertEquals(5, reply.at("/state/noise").asDouble());
            c.send("{\"type\":\"config\",\"id\":\"d\",\"state\":{\"dataset\":\"xor\",\"noise\":5}}");
            JsonNode without = c.stateFor("d");
            assertFalse(warns(without, "state.exerciseNotFound"), without::toString);
            assertEquals(
                    without.get("query").asText(),
                    reply.get("query").asText().replace("&exercise=gone000000", ""),
                    "the same state but for the key itself");
        }
    }
}
