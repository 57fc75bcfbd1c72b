package org.backprop.playground.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The page's pure modules (static/js: the store, the envelope and blocks, the colour table and
 * painter, the loss chart's history, the epoch format) under Node's built-in test runner: every
 * {@code src/test/js/*.test.mjs}, no server, no browser. Node is Debian's {@code nodejs}, which
 * .ci/run installs; a machine without it fails here with that said, rather than passing.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@Tag("unit")
class JsUnitTest {
    static final Path TESTS = Path.of("src", "test", "js");

    @Test
    void the_page_modules_pass_their_node_tests() throws IOException, InterruptedException {
        List<String> files;
        try (Stream<Path> all = Files.list(TESTS)) {
            files = all.map(Path::toString)
                    .filter(f -> f.endsWith(".test.mjs"))
                    .sorted()
                    .toList();
        }
        assertFalse(files.isEmpty(), "no *.test.mjs under " + TESTS);
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=tap"));
        command.addAll(files);
        Process node;
        try {
            node = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(
                    "node is missing: the page's JS unit tests need Node.js 20+ on the PATH"
                            + " (apt-get install nodejs; .ci/run installs it)",
                    e);
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(90, TimeUnit.SECONDS), "node --test did not finish:\n" + out);
        // the counts node prints last, so a failure names its test and a pass says how many ran
        System.out.println(out.lines()
                .filter(l -> l.matches("# (tests|pass|fail) .*") || l.startsWith("not ok"))
                .reduce("", (a, l) -> a + l + "\n"));
        assertEquals(0, node.exitValue(), "node --test failed:\n" + out);
        assertTrue(out.contains("# fail 0") && !out.contains("# pass 0"), out);
    }
}
