package org.backprop.playground.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.backprop.playground.session.SchedulerConfig;
import org.backprop.playground.state.PlaygroundLimits;

/**
 * What the app factory needs from outside: where the page's files are on disk during development,
 * the live-session figure for /api/health (null: the WebSocket layer's own count; a test may fix
 * it), the {@code /ws} limits, how the training scheduler shares its threads, and what one session
 * may ask for, and how many heavy API requests may compute at once ({@link HeavyGate}; the cores by
 * default), and how long a request body may take to arrive. Server flags ({@link ServerFlags}) fill it from the command line.
 */
public record AppConfig(Path staticDir, IntSupplier sessions, SocketLimits socket, SchedulerConfig scheduler,
                        PlaygroundLimits limits, int maxHeavyRequests, Duration bodyTimeout) {
    /** How long a request body may take to arrive in full (SlowBodies). */
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(20);

    public static final String VERSION = "0.1.0";

    public AppConfig {
        if (staticDir == null) staticDir = Path.of("static");
        if (socket == null) socket = SocketLimits.defaults();
        if (scheduler == null) scheduler = SchedulerConfig.defaults();
        if (limits == null) limits = PlaygroundLimits.defaults();
        if (maxHeavyRequests <= 0) maxHeavyRequests = Runtime.getRuntime().availableProcessors();
        if (bodyTimeout == null) bodyTimeout = DEFAULT_BODY_TIMEOUT;
    }

    public AppConfig(Path staticDir, IntSupplier sessions) {
        this(staticDir, sessions, null, null, null, 0, null);
    }

    /** {@code static/} in the working directory, the default limits, sessions counted live. */
    public static AppConfig defaults() {
        return new AppConfig(Path.of("static"), null);
    }

    public AppConfig withSessions(IntSupplier next) {
        return new AppConfig(staticDir, next, socket, scheduler, limits, maxHeavyRequests, bodyTimeout);
    }

    public AppConfig withSocket(SocketLimits next) {
        return new AppConfig(staticDir, sessions, next, scheduler, limits, maxHeavyRequests, bodyTimeout);
    }

    public AppConfig withMaxSessions(int n) {
        return withSocket(socket.withMaxSessions(n));
    }

    public AppConfig withScheduler(SchedulerConfig next) {
        return new AppConfig(staticDir, sessions, socket, next, limits, maxHeavyRequests, bodyTimeout);
    }

    public AppConfig withLimits(PlaygroundLimits next) {
        return new AppConfig(staticDir, sessions, socket, scheduler, next, maxHeavyRequests, bodyTimeout);
    }

    public AppConfig withMaxHeavyRequests(int n) {
        return new AppConfig(staticDir, sessions, socket, scheduler, limits, n, bodyTimeout);
    }

    public AppConfig withBodyTimeout(Duration next) {
        return new AppConfig(staticDir, sessions, socket, scheduler, limits, maxHeavyRequests, next);
    }
}
