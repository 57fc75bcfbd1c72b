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
        return edit(c -> c.sessions = next);
    }

    public AppConfig withSocket(SocketLimits next) {
        return edit(c -> c.socket = next);
    }

    public AppConfig withMaxSessions(int n) {
        return withSocket(socket.withMaxSessions(n));
    }

    public AppConfig withScheduler(SchedulerConfig next) {
        return edit(c -> c.scheduler = next);
    }

    public AppConfig withLimits(PlaygroundLimits next) {
        return edit(c -> c.limits = next);
    }

    public AppConfig withFrameAncestors(String next) {
        return edit(c -> c.frameAncestors = next);
    }

    public AppConfig withHeapBudgetMb(long mb) {
        return edit(c -> c.heapBudgetMb = mb);
    }

    public AppConfig withAccess(SocketAccess next) {
        return edit(c -> c.access = next);
    }

    public AppConfig withMaxHeavyRequests(int n) {
        return edit(c -> c.maxHeavyRequests = n);
    }

    public AppConfig withBodyTimeout(Duration next) {
        return edit(c -> c.bodyTimeout = next);
    }

    public AppConfig withStore(StoreConfig next) {
        return edit(c -> c.store = next);
    }

    /** This config with one value changed: each {@code with…} above names the value. */
    private AppConfig edit(java.util.function.Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return new AppConfig(
                c.staticDir,
                c.sessions,
                c.socket,
                c.scheduler,
                c.limits,
                c.frameAncestors,
                c.heapBudgetMb,
                c.access,
                c.maxHeavyRequests,
                c.bodyTimeout,
                c.store);
    }

    /** The values of a config being edited. */
    private static final class Copy {
        Path staticDir;
        IntSupplier sessions;
        SocketLimits socket;
        SchedulerConfig scheduler;
        PlaygroundLimits limits;
        String frameAncestors;
        long heapBudgetMb;
        SocketAccess access;
        int maxHeavyRequests;
        Duration bodyTimeout;
        StoreConfig store;

        Copy(AppConfig from) {
            staticDir = from.staticDir;
            sessions = from.sessions;
            socket = from.socket;
            scheduler = from.scheduler;
            limits = from.limits;
            frameAncestors = from.frameAncestors;
            heapBudgetMb = from.heapBudgetMb;
            access = from.access;
            maxHeavyRequests = from.maxHeavyRequests;
            bodyTimeout = from.bodyTimeout;
            store = from.store;
        }
    }
}
