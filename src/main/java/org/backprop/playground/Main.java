package org.backprop.playground;

import io.javalin.Javalin;
import java.util.Arrays;
import org.backprop.playground.bench.Benchmark;
import org.backprop.playground.web.App;
import org.backprop.playground.web.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires and starts: the server by default, or a subcommand. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    static final int DEFAULT_PORT = 7070;
    private static final String USAGE = """
            usage: java -jar backprop-playground.jar [serve]       start the server on $PORT (default 7070)
                   java -jar backprop-playground.jar bench [args]  run the engine benchmark""";

    private Main() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> serve();
            case "bench" -> Benchmark.run(Arrays.copyOfRange(args, 1, args.length));
            case "-h", "--help", "help" -> System.out.println(USAGE);
            default -> {
                System.err.println("unknown command '" + command + "'\n" + USAGE);
                System.exit(2);
            }
        }
    }

    private static void serve() {
        int port = port(System.getenv("PORT"));
        Javalin app = App.create(AppConfig.defaults()).start(port);
        LOG.info("Backprop Playground at http://localhost:{}/", app.port());
    }

    /** Javalin does not read $PORT (Heroku-style hosts set it), so we do. */
    private static int port(String env) {
        if (env == null || env.isBlank()) return DEFAULT_PORT;
        try {
            int port = Integer.parseInt(env.trim());
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("PORT must be a port number (0-65535), got '" + env + "'");
        System.exit(2);
        return -1;
    }
}
