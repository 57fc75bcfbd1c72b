package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** /b/{id} and /e/{id}: a short link for a QR code, redirecting to the full link; one naming nothing still opens the page, which says so. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class ShortLinksTest {
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private static String location(HttpResponse<String> r) {
        assertEquals(303, r.statusCode(), r::body);
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        return r.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void a_boards_short_link_opens_its_student_link_and_never_its_key() {
        JsonNode made = server.json(server.post(
                "/api/boards", "{\"state\":\"dataset=xor&networkShape=8,8,8&goal=testLoss<0.1\",\"task\":\"Go\"}"));
        String id = made.get("id").asText(), key = made.get("teacherKey").asText();
        String shortUrl = made.get("shortStudentUrl").asText();
        assertEquals("/b/" + id, shortUrl);
        String to = location(server.get(shortUrl));
        assertEquals(made.get("studentUrl").asText(), to);
        assertTrue(!to.contains(key), to);
        assertEquals(
                shortUrl,
                server.ok(server.getWithKey("/api/boards/" + id, key))
                        .get("shortStudentUrl")
                        .asText(),
                "the board's answer has it too");
        System.out.printf("short links: a student link of %d characters in %d%n", to.length(), shortUrl.length());
    }

    @Test
    void an_exercises_short_link_opens_its_link() {
        JsonNode made =
                server.json(server.post("/api/exercises", "{\"state\":\"dataset=xor&title=T\",\"task\":\"Do it\"}"));
        String shortUrl = made.get("shortUrl").asText();
        assertEquals("/e/" + made.get("id").asText(), shortUrl);
        assertEquals(made.get("url").asText(), location(server.get(shortUrl)));
    }

    @Test
    void a_short_link_naming_nothing_opens_the_page_naming_the_id_so_the_page_says_what_is_wrong() {
        assertEquals("/?board=zzzzzzzzzz", location(server.get("/b/zzzzzzzzzz")));
        assertEquals("/?exercise=zzzzzzzzzz", location(server.get("/e/zzzzzzzzzz")));
        assertEquals(
                "/?board=%3Cb%3E%26x%3D1", location(server.get("/b/%3Cb%3E&x=1")), "a bad id stays one escaped value");
        String page = server.get("/?exercise=zzzzzzzzzz").body();
        assertTrue(page.contains("<span>no such stored exercise"), "the exercise's warning");
    }
}
