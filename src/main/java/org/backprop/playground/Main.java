package org.backprop.playground;

import io.javalin.Javalin;
import java.util.Arrays;
import org.backprop.playground.bench.Benchmark;
import org.backprop.playground.engine.EngineInfo;
import org.backprop.playground.load.LoadTest;
import org.backprop.playground.load.Warmup;
import org.backprop.playground.store.StoreOpenException;
import org.backprop.playground.web.ApiCostBench;
import org.backprop.playground.web.App;
import org.backprop.playground.web.ServerFlags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires and starts: the server by default, or a subcommand. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final String USAGE = """
            usage: java -jar backprop-playground.jar [serve] [flags]  start the server
                   (java --add-modules jdk.incubator.vector -jar ...: the engine's faster tanh, see README)
                   java -jar backprop-playground.jar bench [--seconds S] [--rounds R] [--only W1|W2|W3] [--same-jvm]
                                                                      the engine benchmark
                   java -jar backprop-playground.jar bench memory [--sessions N]
                                                                      heap per live session on the heaviest networks
                   java -jar backprop-playground.jar bench api-cost [--target S]
                                                                      the API's cost model: predicted against measured CPU
                   java -jar backprop-playground.jar loadtest [--sessions N] [--seconds S] [--speed max|1…10000] [--compress] [--board] [--url ws://host:port/ws]
                                                                      WebSocket clients against a running server
            server flags:
            """ + ServerFlags.HELP;

    private Main() {}

    public static void main(String[] args) throws Exception {
        // flags alone mean serve: java -jar backprop-playground.jar --max-sessions 500
        String command = args.length == 0 || args[0].startsWith("--") && !args[0].equals("--help") ? "serve" : args[0];
        String[] rest = args.length > 0 && args[0].equals(command) ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "serve" -> serve(rest);
            case "bench" -> {
                try {
                    if (rest.length > 0 && rest[0].equals("api-cost"))
                        ApiCostBench.run(Arrays.copyOfRange(rest, 1, rest.length), System.out);
                    else Benchmark.run(rest);
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage() + "\n" + USAGE);
                    System.exit(2);
                }
            }
            case "loadtest" -> LoadTest.run(rest);
            case "-h", "--help", "help" -> System.out.println(USAGE);
            default -> {
                System.err.println("unknown command '" + command + "'\n" + USAGE);
                System.exit(2);
            }
        }
    }

    private static void serve(String[] args) {
        ServerFlags flags;
        try {
            flags = ServerFlags.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        Javalin app;
        try {
            app = App.create(flags.config()).start(flags.port());
        } catch (StoreOpenException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        // SIGTERM (a platform's restart, Ctrl-C) stops the app, so every client gets its 1001 and resumes
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        if (EngineInfo.vectorized()) LOG.info("engine: {}", EngineInfo.describe());
        else LOG.warn("engine: {}", EngineInfo.describe());
        LOG.info(
                "Backprop Playground at http://localhost:{}/ ({} sessions at most, {} frames/s each)",
                app.port(),
                App.socket(app).maxSessions(),
                flags.config().scheduler().framesPerSecond());
        if (flags.warmup()) Warmup.startInBackground(app.port());
    }
}
