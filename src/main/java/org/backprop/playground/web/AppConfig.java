package org.backprop.playground.web;

import java.nio.file.Path;
import java.util.function.IntSupplier;

/**
 * What the app factory needs from outside: where the page's files are on disk during
 * development, and the live session count (the WebSocket layer supplies it; 0 until then).
 */
public record AppConfig(Path staticDir, IntSupplier sessions) {
    public static final String VERSION = "0.1.0";

    public AppConfig {
        if (staticDir == null) staticDir = Path.of("static");
        if (sessions == null) sessions = () -> 0;
    }

    /** {@code static/} in the working directory, no sessions. */
    public static AppConfig defaults() {
        return new AppConfig(Path.of("static"), () -> 0);
    }

    public AppConfig withSessions(IntSupplier next) {
        return new AppConfig(staticDir, next);
    }
}
