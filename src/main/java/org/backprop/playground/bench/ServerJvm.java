package org.backprop.playground.bench;

import java.util.List;

/**
 * The java options the server is started with: the Procfile's, the README's and docs/deploy.md's
 * commands say them (ServerJvmTest holds the three to this list), and {@code bench} starts each
 * workload's JVM with them, so the engine is timed as the server runs it. A heap of its own, and an
 * exit when it runs out, so a platform restarts the server rather than leave it thrashing.
 *
 * <p>The Serial collector, not the G1 the JVM picks on two cores and 2 GB: under G1 the engine's
 * arrays land where its parallel copying puts them, and W1 ran 14% slower at the median (and from
 * 8.4 to 12 µs a training pass from one JVM to the next); for 200 students on 512 MB Serial paused
 * and served no worse (docs/performance.md, "The server's collector").
 */
public final class ServerJvm {
    private ServerJvm() {}

    public static final List<String> OPTIONS = List.of(
            "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "--add-modules", "jdk.incubator.vector");

    /** The options as one would type them. */
    public static String text() {
        return String.join(" ", OPTIONS);
    }
}
