package org.backprop.playground.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.backprop.playground.session.SchedulerConfig;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.store.StoreConfig;

/**
 * What the app factory needs from outside. Server flags ({@link ServerFlags}) fill it from the command line.
 *
 * @param staticDir        where the page's files are on disk during development
 * @param sessions         the live-session figure for /api/health (null: the WebSocket layer's own count; a test may fix it)
 * @param socket           the {@code /ws} limits
 * @param scheduler        how the training scheduler shares its threads
 * @param limits           what one session may ask for
 * @param frameAncestors   who may frame the page ({@code frame-ancestors} of {@link SecurityHeaders})
 * @param heapBudgetMb     the heap sessions are admitted by (0: follow -Xmx, see {@link HeapAdmission})
 * @param access           who may open a session ({@link SocketAccess})
 * @param maxHeavyRequests heavy API requests computing at once ({@link HeavyGate}; 0: the cores)
 * @param bodyTimeout      how long a request body may take to arrive in full ({@link SlowBodies})
 * @param store            where exercises and class boards are kept ({@link StoreConfig}; null: a database in memory)
 */
public record AppConfig(
        Path staticDir,
        IntSupplier sessions,
        SocketLimits socket,
        SchedulerConfig scheduler,
        PlaygroundLimits limits,
        String frameAncestors,
        long heapBudgetMb,
        SocketAccess access,
        int maxHeavyRequests,
        Duration bodyTimeout,
        StoreConfig store) {
    public static final String VERSION = "0.1.0";
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(20);

    public AppConfig {
        if (staticDir == null) staticDir = Path.of("static");
        if (socket == null) socket = SocketLimits.defaults();
        if (scheduler == null) scheduler = SchedulerConfig.defaults();
        if (limits == null) limits = PlaygroundLimits.defaults();
        frameAncestors = SecurityHeaders.checkFrameAncestors(
                frameAncestors == null ? SecurityHeaders.DEFAULT_FRAME_ANCESTORS : frameAncestors);
        if (heapBudgetMb < 0)
            throw new IllegalArgumentException("heapBudgetMb must be 0 (follow -Xmx) or positive, got " + heapBudgetMb);
        if (access == null) access = SocketAccess.defaults();
        if (maxHeavyRequests <= 0) maxHeavyRequests = Runtime.getRuntime().availableProcessors();
        if (bodyTimeout == null) bodyTimeout = DEFAULT_BODY_TIMEOUT;
        if (store == null) store = StoreConfig.inMemory();
    }

    public AppConfig(Path staticDir, IntSupplier sessions) {
        this(staticDir, sessions, null, null, null, null, 0, null, 0, null, null);
    }

    /** {@code static/} in the working directory, the default limits, sessions counted live. */
    public static AppConfig defaults() {
        return new AppConfig(Path.of("static"), null);
    }

    public AppConfig withSessions(IntSupplier next) {
        return new AppConfig(
                staticDir,
                next,
                socket,
                scheduler,
                limits,
                frameAncestors,
                heapBudgetMb,
                access,
                maxHeavyRequests,
                bodyTimeout,
                store);
    }

    public AppConfig withSocket(SocketLimits next) {
        return new AppConfig(
                staticDir,
                sessions,
                next,
                scheduler,
                limits,
                frameAncestors,
                heapBudgetMb,
                access,
                maxHeavyRequests,
                bodyTimeout,
                store);
    }

    public AppConfig withMaxSessions(int n) {
        return withSocket(socket.withMaxSessions(n));
    }

    public AppConfig withScheduler(SchedulerConfig next) {
        return new AppConfig(
                staticDir,
                sessions,
                socket,
                next,
                limits,
                frameAncestors,
                heapBudgetMb,
                access,
                maxHeavyRequests,
                bodyTimeout,
                store);
    }

    public AppConfig withLimits(PlaygroundLimits next) {
        return new AppConfig(
                staticDir,
                sessions,
                socket,
                scheduler,
                next,
                frameAncestors,
                heapBudgetMb,
                access,
                maxHeavyRequests,
                bodyTimeout,
                store);
    }

    /** Who may frame the page: CSP frame-ancestors sources, e.g. {@code 'self' https://school.example}. */
    public AppConfig withFrameAncestors(String next) {
        return new AppConfig(
                staticDir,
                sessions,
                socket,
                scheduler,
                limits,
                next,
                heapBudgetMb,
                access,
                maxHeavyRequests,
                bodyTimeout,
                store);
    }

    /** The heap sessions are admitted by, in MB; 0 follows -Xmx. */
    public AppConfig withHeapBudgetMb(long mb) {
        return new AppConfig(
                staticDir,
                sessions,
                socket,
                scheduler,
                limits,
                frameAncestors,
                mb,
                access,
                maxHeavyRequests,
                bodyTimeout,
                store);
    }

    public AppConfig withAccess(SocketAccess next) {
        return new AppConfig(
                staticDir,
                sessions,
                socket,
                scheduler,
                limits,
                frameAncestors,
                heapBudgetMb,
                next,
                maxHeavyRequests,
                bodyTimeout,
                store);
    }

    public AppConfig withMaxHeavyRequests(int n) {
        return new AppConfig(
                staticDir,
                sessions,
                socket,
                scheduler,
                limits,
                frameAncestors,
                heapBudgetMb,
                access,
                n,
                bodyTimeout,
                store);
    }

    public AppConfig withStore(StoreConfig next) {
        return new AppConfig(
                staticDir,
                sessions,
                socket,
                scheduler,
                limits,
                frameAncestors,
                heapBudgetMb,
                access,
                maxHeavyRequests,
                bodyTimeout,
                next);
    }

    public AppConfig withBodyTimeout(Duration next) {
        return new AppConfig(
                staticDir,
                sessions,
                socket,
                scheduler,
                limits,
                frameAncestors,
                heapBudgetMb,
                access,
                maxHeavyRequests,
                next,
                store);
    }
}
