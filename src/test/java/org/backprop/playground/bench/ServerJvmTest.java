package org.backprop.playground.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The server's java options are written once (ServerJvm): the commands people run say the same. */
@Tag("unit")
class ServerJvmTest {
    private static final String COMMAND = "java " + ServerJvm.text() + " -jar target/backprop-playground.jar";

    @Test
    void the_procfile_the_readme_and_the_deploy_page_start_the_server_with_the_bench_s_options() throws IOException {
        assertTrue(
                Files.readString(Path.of("Procfile")).startsWith("web: " + COMMAND + "\n"),
                "Procfile: web: " + COMMAND);
        for (String doc : new String[] {"README.md", "docs/deploy.md"}) {
            // the first command that starts the jar: the README's run command
            String run = Files.readString(Path.of(doc))
                    .lines()
                    .filter(l -> l.contains("java ") && l.contains("-jar target/backprop-playground.jar"))
                    .findFirst()
                    .orElse("none");
            assertTrue(run.endsWith(COMMAND), doc + " runs " + COMMAND + ", not: " + run);
        }
    }
}
