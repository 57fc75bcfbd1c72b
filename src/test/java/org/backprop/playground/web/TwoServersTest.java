package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.store.StoreConfig;
import org.backprop.playground.store.TestPostgres;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two playground servers on one PostgreSQL, as behind a load balancer: a board made on A, its
 * teacher watching on B, a student on A — the student shows on B's board socket (skipped, saying
 * so, without TEST_DATABASE_URL).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("socket")
class TwoServersTest {
    @Test
    void a_student_on_server_a_shows_on_the_teachers_board_on_server_b() {
        try (TestPostgres pg = TestPostgres.require()) {
            StoreConfig shared = StoreConfig.inMemory().withDatabaseUrl(pg.jdbcUrl());
            try (TestServer a = new TestServer(AppConfig.defaults().withStore(shared));
                    TestServer b = new TestServer(AppConfig.defaults().withStore(shared))) {
                JsonNode made = a.json(a.post("/api/boards", "{\"state\":\"goal=trainLoss<10\",\"task\":\"Go\"}"));
                String id = made.get("id").asText(),
                        key = made.get("teacherKey").asText();
                assertEquals(200, b.getWithKey("/api/boards/" + id, key).statusCode(), "B reads A's board");
                try (WsClient teacher = WsClient.connect(b.wsUrl() + "/board/" + id + "?key=" + key);
                        WsClient student = WsClient.greeted(a.wsUrl())) {
                    teacher.await(m -> m.type().equals("board"), "the board on B");
                    student.send(
                            "c",
                            "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"board\":\"" + id
                                    + "\",\"name\":\"Ada\",\"goal\":\"trainLoss<10\"}}");
                    JsonNode row = teacher.await(
                                    m -> m.type().equals("student")
                                            && !m.json().at("/student/reached").isNull(),
                                    "Ada's goal reached, on B")
                            .json()
                            .get("student");
                    assertEquals("Ada", row.get("name").asText());
                    assertEquals(0, row.at("/reached/epoch").asLong(), "trainLoss<10 is met at once");
                    student.close();
                    teacher.await(
                            m -> m.type().equals("student")
                                    && !m.json().at("/student/leftAt").isNull(),
                            "Ada left, on B");
                }
            }
        }
    }
}
