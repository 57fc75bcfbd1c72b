package org.backprop.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every test class is in one tier, so `mvn test -Dgroups=unit` runs the fast tier alone and a new
 * test cannot fall out of every tier but the whole run: {@code unit} (no server, no process, no
 * waiting), {@code socket} (a real server, sockets, a database or a child process), {@code slow}
 * (benchmarks and long sweeps of pure code), {@code browser} (headless Chromium).
 */
@Tag("unit")
class TierTest {
    static final Set<String> TIERS = Set.of("unit", "socket", "slow", "browser");
    private static final Pattern TAG = Pattern.compile("@Tag\\(\"(\\w+)\"\\)");

    @Test
    void every_test_class_names_exactly_one_tier() throws IOException {
        List<String> wrong = new ArrayList<>();
        int classes = 0;
        try (Stream<Path> all = Files.walk(Path.of("src/test/java"))) {
            for (Path file : (Iterable<Path>) all.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String text = Files.readString(file);
                if (!text.contains("@Test") && !text.contains("@ParameterizedTest")) continue;
                classes++;
                List<String> tiers = new ArrayList<>();
                Matcher m = TAG.matcher(text);
                while (m.find()) if (TIERS.contains(m.group(1))) tiers.add(m.group(1));
                if (tiers.size() != 1) wrong.add(file.getFileName() + " " + tiers);
            }
        }
        assertTrue(classes > 100, "read " + classes + " test classes");
        assertEquals(List.of(), wrong, "test classes without exactly one tier of " + TIERS);
    }
}
