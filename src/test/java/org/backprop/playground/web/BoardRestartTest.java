package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.store.StoreConfig;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A board survives a server restart on the default embedded store: its rows, and its students coming back to them. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("socket")
class BoardRestartTest {
    @TempDir
    Path dataDir;

    @Test
    void the_board_its_rows_and_a_returning_student_survive_a_restart() {
        AppConfig config = AppConfig.defaults().withStore(StoreConfig.defaults().withDataDir(dataDir.resolve("data")));
        String id, key;
        long reachedEpoch;
        try (TestServer before = new TestServer(config)) {
            JsonNode made =
                    before.json(before.post("/api/boards", "{\"state\":\"goal=trainLoss<10\",\"task\":\"Go\"}"));
            id = made.get("id").asText();
            key = made.get("teacherKey").asText();
            try (WsClient ada = WsClient.greeted(before.wsUrl())) {
                ada.send(
                        "c",
                        "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"board\":\"" + id
                                + "\",\"name\":\"Ada\",\"goal\":\"trainLoss<10\"}}");
                reachedEpoch = awaitRow(before, id, key, r -> !r.get("reached").isNull())
                        .at("/reached/epoch")
                        .asLong();
            }
        }
        assertTrue(
                dataDir.resolve("data").resolve("playground.mv.db").toFile().isFile(),
                "the data directory was made and holds the file");
        try (TestServer after = new TestServer(config)) {
            JsonNode row = awaitRow(after, id, key, r -> true);
            assertEquals(reachedEpoch, row.at("/reached/epoch").asLong());
            assertFalse(row.get("online").asBoolean(), "the stopping server wrote Ada's leave");
            try (WsClient back = WsClient.greeted(after.wsUrl())) {
                JsonNode reply = back.send(
                        "c",
                        "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"board\":\"" + id + "\",\"name\":\"ada\"}}");
                assertEquals("state", reply.get("type").asText(), "Ada back under her name: " + reply);
                JsonNode again = awaitRow(after, id, key, r -> r.get("online").asBoolean());
                assertEquals(reachedEpoch, again.at("/reached/epoch").asLong(), "with her results");
            }
        }
    }

    private static JsonNode awaitRow(
            TestServer server, String id, String key, java.util.function.Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + WsClient.DEADLINE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            JsonNode students =
                    server.ok(server.getWithKey("/api/boards/" + id, key)).get("students");
            if (students.size() > 0) {
                last = students.get(0);
                if (wanted.test(last)) return last;
            }
            WsClient.sleep(150);
        }
        throw new AssertionError("timed out; last row " + last);
    }
}
