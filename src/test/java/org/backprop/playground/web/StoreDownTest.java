package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A database that stops answering: the API says 503 store_unavailable, a join says so on the socket, and sessions go on. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("socket")
class StoreDownTest {
    @Test
    void the_api_answers_503_and_a_join_gets_store_unavailable_while_the_session_trains_on() {
        try (TestServer server = new TestServer()) {
            JsonNode made = server.json(server.post("/api/boards", "{\"state\":\"\",\"task\":\"\"}"));
            String id = made.get("id").asText(), key = made.get("teacherKey").asText();
            server.classroom().store.close(); // the pool is shut: every call fails as with a database gone

            server.assertError(
                    server.post("/api/exercises", "{\"state\":\"\",\"task\":\"\"}"), 503, "store_unavailable", "");
            server.assertError(server.getWithKey("/api/boards/" + id, key), 503, "store_unavailable", "");
            assertEquals(
                    "5",
                    server.post("/api/boards", "{}")
                            .headers()
                            .firstValue("Retry-After")
                            .orElse(""));
            try (WsClient c = WsClient.greeted(server.wsUrl())) {
                c.send("{\"type\":\"config\",\"id\":\"c\",\"state\":{\"board\":\"" + id + "\",\"name\":\"Ada\"}}");
                assertEquals("store_unavailable", c.errorFor("c").get("code").asText());
                long since = c.mark();
                c.send("{\"type\":\"step\",\"epochs\":2}");
                c.frame(since, h -> h.get("epoch").asLong() == 2, "training goes on");
            }
            assertEquals(200, server.get("/").statusCode(), "the page still opens");
            var page = server.get("/?exercise=abcdefghij");
            assertEquals(200, page.statusCode(), "a link naming an exercise still opens");
            org.junit.jupiter.api.Assertions.assertTrue(
                    page.body().contains("<span>the class store cannot be reached now: opened without"),
                    "and says why it has no task");
        }
    }
}
