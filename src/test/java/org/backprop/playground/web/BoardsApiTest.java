package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.store.Join;
import org.backprop.playground.store.Nicknames;
import org.backprop.playground.store.Progress;
import org.backprop.playground.store.Reached;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The class API over HTTP: exercises, boards, the teacher key, CSV, and every refusal. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class BoardsApiTest {
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private ObjectNode body(String state, String task) {
        ObjectNode n = server.mapper.createObjectNode();
        n.put("state", state);
        n.put("task", task);
        return n;
    }

    private JsonNode created(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r::body);
        return server.json(r);
    }

    @Test
    void an_exercise_is_stored_normalized_without_class_keys_and_read_back() {
        JsonNode made = created(server.post(
                "/api/exercises",
                body("dataset=xor&title=XOR+drill&board=abc&name=Ada&noise=5", "Reach *0.05*.\nThen stop.")));
        String id = made.get("id").asText();
        assertEquals(10, id.length());
        assertTrue(made.get("url").asText().startsWith("/?exercise=" + id + "&"), made.toString());
        JsonNode e = server.ok(server.get("/api/exercises/" + id));
        assertEquals("XOR drill", e.get("title").asText());
        assertEquals("Reach *0.05*.\nThen stop.", e.get("task").asText());
        String state = e.get("state").asText();
        assertTrue(state.contains("dataset=xor") && state.contains("noise=5"), state);
        assertFalse(state.contains("board=") || state.contains("name="), state);
        server.assertError(server.get("/api/exercises/nope000000"), 404, "exercise_not_found", "");
        server.assertError(server.get("/api/exercises/%27%3B--"), 404, "exercise_not_found", "");
    }

    @Test
    void a_board_gives_a_student_link_without_the_key_and_only_the_key_reads_or_deletes_it() {
        JsonNode made = created(server.post("/api/boards", body("?dataset=circle&goal=testLoss<0.1", "Go")));
        String id = made.get("id").asText(), key = made.get("teacherKey").asText();
        assertTrue(key.length() >= 22, key);
        String student = made.get("studentUrl").asText();
        assertFalse(student.contains(key), student);
        assertTrue(
                student.startsWith("/?")
                        && student.endsWith("&exercise=" + made.get("exercise").asText() + "&board=" + id),
                student);
        assertEquals("/board/" + id + "?key=" + key, made.get("teacherUrl").asText());

        server.assertError(server.get("/api/boards/" + id), 403, "board_key", "key");
        server.assertError(server.get("/api/boards/" + id + "?key=" + key + "x"), 403, "board_key", "key");
        server.assertError(server.getWithKey("/api/boards/" + id, "wrong"), 403, "board_key", "key");
        server.assertError(server.get("/api/boards/" + id + "/results.csv"), 403, "board_key", "key");
        server.assertError(server.delete("/api/boards/" + id, "wrong"), 403, "board_key", "key");
        server.assertError(server.get("/api/boards/zzzzzzzzzz?key=" + key), 404, "board_not_found", "");

        JsonNode b = server.ok(server.getWithKey("/api/boards/" + id, key));
        assertEquals(id, b.get("id").asText());
        assertEquals("Go", b.get("task").asText());
        assertEquals(student, b.get("studentUrl").asText());
        assertEquals(0, b.get("students").size());
        assertFalse(b.toString().contains(key), "the board's own answer never repeats the key");
        server.ok(server.get("/api/boards/" + id + "?key=" + key));
        HttpResponse<String> csv = server.get("/api/boards/" + id + "/results.csv?key=" + key);
        assertEquals(200, csv.statusCode());
        assertEquals(BoardJson.CSV_HEADER + "\r\n", csv.body());

        assertEquals(204, server.delete("/api/boards/" + id, key).statusCode());
        server.assertError(server.getWithKey("/api/boards/" + id, key), 404, "board_not_found", "");
    }

    @Test
    void rows_come_back_as_json_and_csv_hostile_names_and_formulas_escaped() {
        JsonNode made = created(server.post("/api/boards", body("dataset=xor&goal=testLoss<0.1", "")));
        String id = made.get("id").asText(), key = made.get("teacherKey").asText();
        Classroom c = server.classroom();
        Instant now = c.clock.instant();
        assertEquals(Join.JOINED, c.store.join(id, "-Ada", "dataset=xor", 200, now, Classroom.HELD));
        c.store.report(
                id,
                Nicknames.key("-Ada"),
                new Progress(
                        40,
                        "testLoss",
                        0.08,
                        "dataset=xor&name=x,\"y\"",
                        "AAAA",
                        new Reached(33, 1.5, "dataset=xor&weights=0.5,-1", List.of(0.5, -1.0))),
                now);
        JsonNode row = server.ok(server.getWithKey("/api/boards/" + id, key))
                .get("students")
                .get(0);
        assertEquals("-Ada", row.get("name").asText());
        assertTrue(row.get("online").asBoolean());
        assertTrue(row.get("leftAt").isNull());
        assertEquals(40, row.get("epoch").asLong());
        assertEquals("testLoss", row.get("metric").asText());
        assertEquals(0.08, row.get("best").asDouble());
        assertEquals(33, row.at("/reached/epoch").asLong());
        assertEquals(-1.0, row.at("/reached/weights/1").asDouble());
        assertEquals("/?dataset=xor&weights=0.5,-1", row.get("runUrl").asText());
        String[] lines = server.get("/api/boards/" + id + "/results.csv?key=" + key)
                .body()
                .split("\r\n");
        assertEquals(2, lines.length);
        assertTrue(lines[1].startsWith("'-Ada,"), "a leading '-' would be a formula in a spreadsheet: " + lines[1]);
        assertTrue(lines[1].contains(",\"dataset=xor&name=x,\"\"y\"\"\","), lines[1]);
        assertTrue(
                lines[1].endsWith(
                        ",,40,testLoss,0.08,33,1.5,\"dataset=xor&name=x,\"\"y\"\"\",\"/?dataset=xor&weights=0.5,-1\""),
                lines[1]);
    }

    @Test
    void bad_bodies_are_refused_with_their_field() {
        server.assertError(
                server.post("/api/boards", body("", "x".repeat(TaskText.MAX_CHARS + 1))), 413, "too_large", "task");
        assertEquals(
                201,
                server.post("/api/boards", body("", "한".repeat(TaskText.MAX_CHARS)))
                        .statusCode(),
                "2,000 characters, not bytes");
        server.assertError(server.post("/api/exercises", body("", "a\u0000b")), 422, "invalid_value", "task");
        server.assertError(
                server.post("/api/exercises", body("x=" + "1".repeat(BoardsApi.MAX_STATE_CHARS), "")),
                413,
                "too_large",
                "state");
        server.assertError(server.post("/api/exercises", "{\"state\": 5}"), 400, "wrong_type", "state");
        server.assertError(server.post("/api/exercises", "[1]"), 400, "wrong_type", "");
        server.assertError(server.post("/api/exercises", "{"), 400, "malformed_json", "");
        JsonNode hostile = created(server.post(
                "/api/exercises", body("title=%3Cscript%3Ealert(1)%3C/script%3E", "<img src=x onerror=alert(1)>")));
        JsonNode e = server.ok(server.get("/api/exercises/" + hostile.get("id").asText()));
        assertEquals("<img src=x onerror=alert(1)>", e.get("task").asText(), "kept as text; pages render it as text");
        assertEquals("<script>alert(1)</script>", e.get("title").asText());
    }
}
