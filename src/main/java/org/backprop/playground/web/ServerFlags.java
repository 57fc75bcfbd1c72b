package org.backprop.playground.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.backprop.playground.session.SchedulerConfig;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.store.StoreConfig;

/**
 * The server's flags, each with an environment variable for hosts that set only those; a flag
 * wins over its variable. {@code --max-sessions 500 --fps 30} and {@code --max-sessions=500} both work.
 *
 * @param port   where to listen
 * @param config the app's configuration
 */
public record ServerFlags(int port, AppConfig config, boolean warmup) {
    public static final int DEFAULT_PORT = 7070;

    /** Each flag, its variable, and what it sets (for the usage text). */
    public static final String HELP = """
              --port N               listen on port N (env PORT; default 7070)
              --max-sessions N       live WebSocket sessions (env MAX_SESSIONS; default 200)
              --fps N                frames per second per session, 1-1000 (env FPS; default 30)
              --threads N            training threads shared by all sessions (env THREADS; default: cores)
              --max-hidden-layers N  hidden layers a network may have, 0-32 (env MAX_HIDDEN_LAYERS; default 6)
              --max-neurons N        neurons per hidden layer on a 2-D data set, 1-256 (env MAX_NEURONS;
                                     default 8); a set without a 2-D map allows max(N, 32)
              --frame-ancestors S    who may embed the page in a frame: CSP sources separated by spaces, e.g.
                                     "'self' https://school.example" (env FRAME_ANCESTORS; default 'self')
              --heap-budget-mb N     heap the sessions are admitted by, 16-1000000 (env HEAP_BUDGET_MB;
                                     default: -Xmx less a quarter, at least 64 MB less); it caps the
                                     sessions below --max-sessions when they would not fit
              --allowed-origins A,B  pages of these origins (scheme://host[:port]) may open WebSocket sessions,
                                     besides the server's own (env ALLOWED_ORIGINS; default none)
              --max-sessions-per-address N
                                     live sessions one client address may hold, 0 = no cap (env
                                     MAX_SESSIONS_PER_ADDRESS; default 0: a class often shares one address)
              --trust-proxy          the client's address is the last one in X-Forwarded-For; only behind a
                                     proxy that sets it (env TRUST_PROXY=true; default off)
              --max-heavy-requests N /api/train and gradcheck requests computing at once; more get 429
                                     (env MAX_HEAVY_REQUESTS; default: cores)
              --body-timeout S       seconds a request body may take to arrive in full, 1-3600; a slower
                                     one is cut (env BODY_TIMEOUT; default 20)
              --data-dir DIR         where the embedded database keeps exercises and class boards, created
                                     at start (env DATA_DIR; default ./playground-data)
              --database-url URL     share them in PostgreSQL instead: postgres://user:password@host:port/db
                                     (env DATABASE_URL; default none: the embedded database)
              --board-days N         days a class board lasts, 1-3650 (env BOARD_DAYS; default 30)
              --board-poll-ms N      how often board screens read the store for students on other servers,
                                     10-60000 ms (env BOARD_POLL_MS; default 250)
              --warmup=false         skip the first seconds' warm-up (20 students of its own for 5 s, so a class
                                     joining a just-started server is served warm; env WARMUP; default true)""";

    private static final Map<String, String> ENV = new LinkedHashMap<>();

    static {
        ENV.put("port", "PORT");
        ENV.put("max-sessions", "MAX_SESSIONS");
        ENV.put("fps", "FPS");
        ENV.put("threads", "THREADS");
        ENV.put("max-hidden-layers", "MAX_HIDDEN_LAYERS");
        ENV.put("max-neurons", "MAX_NEURONS");
        ENV.put("frame-ancestors", "FRAME_ANCESTORS");
        ENV.put("heap-budget-mb", "HEAP_BUDGET_MB");
        ENV.put("allowed-origins", "ALLOWED_ORIGINS");
        ENV.put("max-sessions-per-address", "MAX_SESSIONS_PER_ADDRESS");
        ENV.put("trust-proxy", "TRUST_PROXY");
        ENV.put("max-heavy-requests", "MAX_HEAVY_REQUESTS");
        ENV.put("body-timeout", "BODY_TIMEOUT");
        ENV.put("data-dir", "DATA_DIR");
        ENV.put("database-url", "DATABASE_URL");
        ENV.put("board-days", "BOARD_DAYS");
        ENV.put("board-poll-ms", "BOARD_POLL_MS");
        ENV.put("warmup", "WARMUP");
    }

    /** Flags that are on when named without a value ({@code --trust-proxy}); {@code --trust-proxy=false} turns one off. */
    private static final Set<String> SWITCHES = Set.of("trust-proxy", "warmup");

    /** Reads {@code args} (flags only) over {@code env}; throws IllegalArgumentException with a message for people. */
    public static ServerFlags parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : ENV.entrySet()) {
            String v = env.get(e.getValue());
            if (v != null && !v.isBlank()) values.put(e.getKey(), v.trim());
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            String name = arg.substring(2), value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (SWITCHES.contains(name)) {
                value = "true";
            } else {
                if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
                value = args[++i];
            }
            if (!ENV.containsKey(name)) throw new IllegalArgumentException("unknown flag --" + name);
            values.put(name, value.trim());
        }
        int port = number(values, "port", DEFAULT_PORT, 0, 65535);
        SocketLimits socket = SocketLimits.defaults();
        socket = socket.withMaxSessions(number(values, "max-sessions", socket.maxSessions(), 1, 100_000));
        SchedulerConfig scheduler = SchedulerConfig.defaults();
        scheduler = scheduler.withFramesPerSecond(number(values, "fps", scheduler.framesPerSecond(), 1, 1000));
        scheduler = scheduler.withThreads(number(values, "threads", scheduler.threads(), 1, 1024));
        PlaygroundLimits d = PlaygroundLimits.defaults();
        PlaygroundLimits limits = new PlaygroundLimits(
                number(values, "max-hidden-layers", d.maxHiddenLayers(), 0, PlaygroundLimits.CEILING_HIDDEN_LAYERS),
                number(values, "max-neurons", d.maxNeurons(), 1, PlaygroundLimits.CEILING_NEURONS),
                d.maxBatchSize(),
                d.maxStepEpochs());
        SocketAccess access = new SocketAccess(
                origins(values),
                bool(values, "trust-proxy"),
                number(values, "max-sessions-per-address", 0, 0, 100_000));
        AppConfig config = AppConfig.defaults()
                .withSocket(socket)
                .withScheduler(scheduler)
                .withLimits(limits)
                .withAccess(access);
        if (values.containsKey("frame-ancestors")) config = config.withFrameAncestors(values.get("frame-ancestors"));
        config = config.withHeapBudgetMb(number(values, "heap-budget-mb", 0, 16, 1_000_000)); // 0: follow -Xmx
        config = config.withMaxHeavyRequests(number(values, "max-heavy-requests", config.maxHeavyRequests(), 1, 1024));
        config = config.withBodyTimeout(java.time.Duration.ofSeconds(
                number(values, "body-timeout", (int) config.bodyTimeout().toSeconds(), 1, 3600)));
        boolean warmup = !values.containsKey("warmup") || bool(values, "warmup");
        return new ServerFlags(port, config.withStore(store(values)), warmup);
    }

    private static StoreConfig store(Map<String, String> values) {
        StoreConfig store = StoreConfig.defaults()
                .withBoardLifetime(java.time.Duration.ofDays(
                        number(values, "board-days", (int) StoreConfig.DEFAULT_BOARD_LIFETIME.toDays(), 1, 3650)))
                .withBoardPoll(java.time.Duration.ofMillis(
                        number(values, "board-poll-ms", (int) StoreConfig.DEFAULT_BOARD_POLL.toMillis(), 10, 60_000)));
        if (values.containsKey("data-dir")) store = store.withDataDir(java.nio.file.Path.of(values.get("data-dir")));
        if (values.containsKey("database-url")) {
            try {
                store = store.withDatabaseUrl(values.get("database-url"));
                store.url(); // its form is checked now, so a typo stops the start with a message
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--database-url (env DATABASE_URL): " + e.getMessage());
            }
        }
        return store;
    }

    private static Set<String> origins(Map<String, String> values) {
        String raw = values.get("allowed-origins");
        try {
            return raw == null ? Set.of() : SocketAccess.origins(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--allowed-origins (env ALLOWED_ORIGINS): " + e.getMessage());
        }
    }

    private static boolean bool(Map<String, String> values, String name) {
        String raw = values.get(name);
        if (raw == null) return false;
        if (raw.equalsIgnoreCase("true")) return true;
        if (raw.equalsIgnoreCase("false")) return false;
        throw new IllegalArgumentException(
                "--" + name + " (env " + ENV.get(name) + ") is true or false, got '" + raw + "'");
    }

    private static int number(Map<String, String> values, String name, int fallback, int min, int max) {
        String raw = values.get(name);
        if (raw == null) return fallback;
        try {
            int v = Integer.parseInt(raw);
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " (env " + ENV.get(name) + ") must be a whole number from "
                + min + " to " + max + ", got '" + raw + "'");
    }
}
