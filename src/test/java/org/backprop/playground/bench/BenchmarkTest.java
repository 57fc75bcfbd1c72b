package org.backprop.playground.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What `bench` prints, not how fast it is (speed is never asserted: these machines are shared). */
@Tag("slow")
class BenchmarkTest {
    @Test
    void prints_one_row_per_workload_with_figures_beside_tf_playground_and_the_target() {
        String out = run("--seconds", "0.05", "--rounds", "1");
        for (String[] w : new String[][] {
            {"W1", "2-4-2-1", "250/250", "4512.0", "90000"},
            {"W2", "2-8-8-8-8-8-8-1", "500/500", "226.0", "4500"},
            {"W3", "2-8-8-8-8-8-8-1", "500/500", "19.7", "400"}
        }) {
            Matcher row = Pattern.compile("(?m)^" + w[0] + " +" + Pattern.quote(w[1]) + " +" + w[2] + " +(\\d+) +"
                            + Pattern.quote(w[3]) + " +([\\d.]+)x +" + w[4] + " +(met|BELOW) +(\\d+)$")
                    .matcher(out);
            assertTrue(row.find(), w[0] + " row missing or malformed in:\n" + out);
            double epochs = Double.parseDouble(row.group(1)), ratio = Double.parseDouble(row.group(2));
            assertTrue(epochs > 0 && Long.parseLong(row.group(4)) > 0, out);
            assertEquals(epochs / Double.parseDouble(w[3]), ratio, 0.051, "ratio is epochs/s over TF Playground's");
            assertEquals(epochs >= Double.parseDouble(w[4]) ? "met" : "BELOW", row.group(3));
        }
    }

    @Test
    void each_workload_runs_in_a_jvm_of_its_own_unless_asked_to_share_one() {
        String forked = run("--only", "W1", "--seconds", "0.05", "--rounds", "1");
        assertTrue(
                forked.lines()
                        .findFirst()
                        .orElse("")
                        .endsWith("each workload in a JVM of its own, started as the server is: -Xmx512m"
                                + " -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC --add-modules jdk.incubator.vector"),
                forked);
        String same = run("--only", "W1", "--seconds", "0.05", "--rounds", "1", "--same-jvm");
        // the tests' JVM has the Vector API, as the README's commands give it (surefire's argLine)
        assertTrue(
                same.lines()
                        .findFirst()
                        .orElse("")
                        .matches(
                                ".*all workloads in this JVM; Vector API on: tanh and the wide layers' kernels in vectors of \\d doubles$"),
                same);
        // both print the same row layout: header, column names, one row
        assertEquals(3, forked.lines().count(), forked);
        assertEquals(3, same.lines().count(), same);
        String rowOnly = run("--only", "W1", "--seconds", "0.05", "--rounds", "1", "--same-jvm", "--no-header");
        assertTrue(rowOnly.startsWith("W1 ") && rowOnly.lines().count() == 1, rowOnly);
    }

    @Test
    void only_runs_the_named_workload() {
        String out = run("--only", "w2", "--seconds", "0.05", "--rounds", "1");
        assertTrue(out.contains("\nW2 "), out);
        assertTrue(!out.contains("\nW1 ") && !out.contains("\nW3 "), out);
    }

    @Test
    void bad_arguments_are_refused_with_a_reason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("--only", "W9"))
                .getMessage()
                .contains("W1, W2 or W3"));
        assertThrows(IllegalArgumentException.class, () -> run("--rounds", "0"));
        assertThrows(IllegalArgumentException.class, () -> run("--seconds"));
        assertThrows(IllegalArgumentException.class, () -> run("--frobnicate", "1"));
        assertThrows(IllegalArgumentException.class, () -> run("--seconds", "abc"));
        assertThrows(IllegalArgumentException.class, () -> run("--only"));
    }

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Benchmark.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
