package org.backprop.playground.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A second server on the same data directory says so in one line and exits, instead of a stack trace. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("socket")
class DataDirInUseTest {
    @TempDir
    Path dir;

    @Test
    void a_second_server_on_a_taken_data_directory_says_which_and_what_to_do() throws Exception {
        Process first = server();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; )
                if (line.contains("Backprop Playground at")) break; // it owns the file
            Process second = server();
            assertTrue(second.waitFor(30, TimeUnit.SECONDS), "the second server ends");
            String said = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println("the second server said: "
                    + said.lines()
                            .filter(l -> l.contains("data directory"))
                            .findFirst()
                            .orElse(said));
            assertEquals(1, second.exitValue());
            assertTrue(
                    said.contains(
                            "the data directory " + dir.toAbsolutePath() + " is in use by another playground server"),
                    said);
            assertTrue(said.contains("--data-dir"), said);
            assertTrue(!said.contains("\tat org.h2"), "no stack trace: " + said);
        } finally {
            first.destroyForcibly().waitFor();
        }
    }

    private Process server() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.backprop.playground.Main",
                        "--port",
                        "0",
                        "--data-dir",
                        dir.toString())
                .redirectErrorStream(true)
                .start();
    }
}
