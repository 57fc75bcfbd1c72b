package org.backprop.playground.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backprop.playground.session.SessionCost;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.StateCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What `bench memory` prints. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("slow")
class MemoryBenchTest {
    @Test
    void prints_the_heap_per_session_of_each_heaviest_network() {
        String out = run("memory", "--sessions", "4");
        assertTrue(out.startsWith("Backprop Playground memory per session: "), out);
        for (String name : new String[] {"spiral 8x6, 7 features", "seed-digits 32x6"}) {
            Matcher row = Pattern.compile(
                            "(?m)^" + Pattern.quote(name)
                                    + " +(-?[\\d.]+) KB per session \\([\\d.]+ MB\\); of its own data +(-?[\\d.]+) KB \\([\\d.]+ MB\\)$")
                    .matcher(out);
            assertTrue(row.find(), name + " row missing or malformed in:\n" + out);
        }
    }

    /** Adam's moments, a batch of 64 and a penalty's derivative: what makes a session's arrays the most. */
    private static final String COSTLIEST = "&optimizer=adam&batchSize=64&regularization=L2&regularizationRate=0.01";

    /**
     * The target: what a frame draws and what training needs, no more (before: 3.7 and 4.9 MB;
     * 1.37 MB on digits at the costliest settings while each session kept its passes and data).
     */
    @Test
    void a_session_on_the_heaviest_allowed_networks_holds_at_most_one_megabyte() {
        for (String[] network : MemoryBench.NETWORKS) {
            long shared = MemoryBench.perSession(network[1] + COSTLIEST, 20, false),
                    own = MemoryBench.perSession(network[1] + COSTLIEST, 20, true);
            System.out.printf(
                    "%s at the costliest settings: %.1f KB per session of one class, %.1f KB of its own data%n",
                    network[0], shared / 1024.0, own / 1024.0);
            assertTrue(own <= 1024 * 1024, network[0] + " holds " + own + " bytes a session of its own data");
            // its points and rows are a fifth (spiral, 7 features) to a half (digits) of a session of its own data
            assertTrue(
                    shared < own * 0.9,
                    network[0] + ": a class on one data set shares it (" + shared + " vs " + own + " bytes)");
        }
    }

    /**
     * Admission counts sessions at SessionCost's estimate: at or a little above what is measured,
     * on each heaviest network at its costliest settings (Adam, a batch of 64, a penalty) and on the default.
     */
    @Test
    void the_estimate_admission_counts_by_is_at_or_a_little_above_what_a_session_holds() {
        PlaygroundLimits limits = PlaygroundLimits.defaults();
        long heaviest = SessionCost.heaviest(limits);
        for (String query : new String[] {
            MemoryBench.NETWORKS.get(0)[1] + COSTLIEST, MemoryBench.NETWORKS.get(1)[1] + COSTLIEST, ""
        }) {
            long
                    estimate =
                            SessionCost.bytes(
                                    new StateCodec(limits).parse(query).state()),
                    measured = MemoryBench.perSession(query, 20, true);
            System.out.printf("estimate %d KB, measured %d KB: %s%n", estimate / 1024, measured / 1024, query);
            assertTrue(
                    measured <= estimate && estimate <= measured * 3 / 2 + 64 * 1024,
                    query + ": estimate " + estimate + ", measured " + measured);
            assertTrue(estimate <= heaviest, "the heaviest is the most");
        }
    }

    @Test
    void bad_arguments_are_refused_with_a_reason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("memory", "--frobnicate"))
                .getMessage()
                .contains("--sessions N"));
        assertThrows(IllegalArgumentException.class, () -> run("memory", "--sessions", "0"));
        assertThrows(IllegalArgumentException.class, () -> run("memory", "--sessions"));
        assertThrows(IllegalArgumentException.class, () -> run("memory", "--sessions", "abc"));
    }

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Benchmark.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
