package org.backprop.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md, held: each package of the server refers only to the packages
 * below it (imports and fully qualified names alike). The engine knows nothing of data sets, the
 * state nothing of sessions, the session nothing of the web; the store stands alone.
 */
@Tag("unit")
class LayeringTest {
    static final Map<String, Set<String>> MAY_USE = Map.of(
            "engine", Set.of(),
            "protocol", Set.of(),
            "data", Set.of("engine"),
            "state", Set.of("engine", "data"),
            "store", Set.of(),
            "session", Set.of("engine", "data", "state", "protocol"),
            "export", Set.of("engine", "data", "state", "session"),
            "web", Set.of("engine", "data", "state", "session", "store", "protocol", "export"),
            "load", Set.of("state", "protocol"),
            "bench", Set.of("engine", "data", "state", "session"));
    private static final Path ROOT = Path.of("src/main/java/org/backprop/playground");
    private static final Pattern USE = Pattern.compile("org\\.backprop\\.playground\\.([a-z]+)\\.");

    @Test
    void every_package_refers_only_to_the_packages_below_it() throws IOException {
        List<String> wrong = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(ROOT)) {
            for (Path file : (Iterable<Path>) all.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Path relative = ROOT.relativize(file);
                if (relative.getNameCount() < 2) continue; // Main: the one place that wires the tools together
                String layer = relative.getName(0).toString();
                Set<String> allowed = MAY_USE.get(layer);
                assertTrue(allowed != null, "a package docs/architecture.md does not place: " + layer);
                files++;
                Matcher m = USE.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(layer) && !allowed.contains(used)) wrong.add(relative + " uses " + used);
                }
            }
        }
        assertTrue(files > 100, "read " + files + " files");
        assertEquals(List.of(), wrong, "references against the layering");
    }
}
