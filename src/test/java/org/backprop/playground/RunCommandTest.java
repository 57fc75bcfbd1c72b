package org.backprop.playground;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Procfile and the README's run command give the server a heap and end it when that runs out, so a platform restarts it. */
@Tag("unit")
class RunCommandTest {
    @Test
    void the_procfile_and_the_readme_run_command_set_a_heap_and_exit_on_out_of_memory() throws IOException {
        String procfile = Files.readString(Path.of("Procfile")).strip();
        String readme = Files.readString(Path.of("README.md"));
        String run = readme.lines()
                .filter(l -> l.contains("java ") && l.contains("-jar target/backprop-playground.jar"))
                .findFirst()
                .orElseThrow();
        for (String command : new String[] {procfile, run}) {
            assertTrue(
                    command.matches(
                            ".*\\bjava -Xmx\\d+[mg] -XX:\\+ExitOnOutOfMemoryError .*-jar target/backprop-playground\\.jar.*"),
                    command);
        }
    }
}
