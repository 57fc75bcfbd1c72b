package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md's curl examples "work as printed": each one is sent to a real server and its answer
 * compared with the block printed under it, character for character. Three kinds of block are
 * compared by their meaning instead, because the doc says they vary or abbreviate:
 * /api/health's {@code process} (the server's own load), a list with {@code "…"} for values left
 * out, and an answer piped through {@code python3} (Python prints the doubles; we compare them
 * as doubles).
 */
@Tag("socket")
class ApiDocExamplesTest {
    private static final Path DOC = Path.of("docs", "api.md");
    private static final Pattern EXAMPLE = Pattern.compile("```sh\\n(.*?)```\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern URL = Pattern.compile("'?http://localhost:7070(/[^'\\s]*)'?");
    private static final Pattern BODY = Pattern.compile(" -d '([^']*)'");
    private static final Pattern PYTHON_VALUE = Pattern.compile("r\\[\"(\\w+)\"]\\[(-?\\d+)]");

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Example(String command, String printed) {}

    @Test
    void every_curl_example_answers_what_the_doc_prints() throws IOException {
        List<Example> examples = examples();
        assertTrue(examples.size() >= 10, "docs/api.md should hold its curl examples; found " + examples.size());
        for (Example example : examples) {
            String command = example.command(), printed = example.printed().strip();
            Matcher url = URL.matcher(command);
            assertTrue(url.find(), "no URL in " + command);
            Matcher body = BODY.matcher(command);
            HttpResponse<String> response =
                    body.find() ? server.post(url.group(1), body.group(1)) : server.get(url.group(1));
            String answer = response.body();
            if (command.contains("%{http_code}")) answer += "\nHTTP " + response.statusCode();
            String where = "docs/api.md example " + command.substring(0, Math.min(120, command.length()));
            if (command.contains("| python3")) {
                assertPythonPrint(command, answer, printed, where);
            } else if (url.group(1).equals("/api/health")) {
                assertSameButProcess(server.mapper.readTree(answer), server.mapper.readTree(printed), where);
            } else if (printed.contains("…")) {
                assertListedFields(server.mapper.readTree(answer), printed, where);
            } else {
                assertEquals(printed, answer.strip(), where);
            }
        }
    }

    private static List<Example> examples() throws IOException {
        Matcher m = EXAMPLE.matcher(Files.readString(DOC));
        List<Example> found = new ArrayList<>();
        while (m.find()) found.add(new Example(m.group(1).strip(), m.group(2)));
        return found;
    }

    /** /api/health: everything equal but {@code process}, whose numbers are the moment's; its fields still match. */
    private static void assertSameButProcess(JsonNode answer, JsonNode printed, String where) {
        List<String> answerFields = new ArrayList<>(), printedFields = new ArrayList<>();
        answer.get("process").fieldNames().forEachRemaining(answerFields::add);
        printed.get("process").fieldNames().forEachRemaining(printedFields::add);
        assertEquals(printedFields, answerFields, where + ": process's fields");
        ((ObjectNode) answer).remove("process");
        ((ObjectNode) printed).remove("process");
        assertEquals(printed, answer, where);
    }

    /** A list printed one object a line, "…" for what it leaves out: each printed object's fields, bar the "…" ones. */
    private static void assertListedFields(JsonNode answer, String printed, String where) throws IOException {
        int checked = 0;
        for (String line : printed.split("\n")) {
            String object =
                    line.strip().replaceAll("^\\[", "").replaceAll(",$", "").replaceAll("]$", "");
            if (!object.startsWith("{")) continue;
            JsonNode expected = server.mapper.readTree(object);
            JsonNode actual = null;
            for (JsonNode item : answer) if (item.get("id").equals(expected.get("id"))) actual = item;
            assertNotNull(actual, where + ": no item with id " + expected.get("id"));
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!expected.get(field).asText().equals("…"))
                    assertEquals(expected.get(field), actual.get(field), where + ": " + field);
            }
            checked++;
        }
        assertTrue(checked > 0, where + ": no printed object to compare");
    }

    /** {@code | python3 -c '... print(r["k"][i], ...)'}: the printed numbers are those values, as doubles. */
    private static void assertPythonPrint(String command, String answer, String printed, String where)
            throws IOException {
        JsonNode r = server.mapper.readTree(answer);
        Matcher value = PYTHON_VALUE.matcher(command.substring(command.indexOf("| python3")));
        String[] numbers = printed.split("\\s+");
        int i = 0;
        while (value.find()) {
            JsonNode list = r.get(value.group(1));
            int index = Integer.parseInt(value.group(2));
            double expected = list.get(index < 0 ? list.size() + index : index).asDouble();
            assertTrue(i < numbers.length, where + ": fewer numbers printed than asked for");
            assertEquals(expected, Double.parseDouble(numbers[i++]), 0.0, where + ": " + value.group());
        }
        assertEquals(numbers.length, i, where + ": numbers printed");
    }
}
