package org.backprop.playground.web;

import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.util.function.IntSupplier;
import org.backprop.playground.session.Scheduler;

/**
 * Builds the web app, unstarted, so {@code Main} starts it on $PORT and tests on port 0.
 * Static files come from {@code static/} on disk when it exists (edit and reload while
 * developing), else from the copy inside the jar; Chart.js comes from its webjar.
 */
public final class App {
    /** The app's {@code /ws} endpoint, kept in the app's data for {@link #socket(Javalin)}. */
    private static final Key<PlaygroundSocket> SOCKET = new Key<>("playground-socket");

    private App() {}

    /** The {@code /ws} endpoint of an app made here: its live sessions and counters (for tests and operators). */
    public static PlaygroundSocket socket(Javalin app) {
        return app.unsafe.appDataManager.get(SOCKET);
    }

    public static Javalin create(AppConfig appConfig) {
        JsonBody json = new JsonBody(JsonBody.strictMapper());
        ErrorMapper errors = new ErrorMapper(json);
        // one scheduler for every session of this app; it stops with the app
        Scheduler scheduler = new Scheduler(appConfig.scheduler());
        PlaygroundSocket socket = new PlaygroundSocket(scheduler, appConfig.socket(), appConfig.limits(), json.mapper());
        IntSupplier sessions = appConfig.sessions() != null ? appConfig.sessions() : socket::liveSessions;
        return Javalin.create(config -> {
            config.appData(SOCKET, socket);
            config.events.serverStopped(scheduler::close);
            config.events.serverStartFailed(scheduler::close);
            config.jetty.modifyWebSocketServletFactory(socket::configureFactory);
            config.jetty.modifyServer(socket::configureServer);
            config.routes.ws("/ws", socket::configure);
            config.http.maxRequestSize = Limits.MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.staticFiles.enableWebjars();
            // Javalin refuses a static folder that does not exist, so add only the one that does
            if (Files.isDirectory(appConfig.staticDir())) {
                config.staticFiles.add(appConfig.staticDir().toAbsolutePath().toString(), Location.EXTERNAL);
            } else if (App.class.getResource("/static") != null) {
                config.staticFiles.add("/static", Location.CLASSPATH);
            }
            errors.register(config);
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(json.mapper())));
            // one copy of the words: the page and /api/presets (the tutorials' texts) read the same strings.json
            org.backprop.playground.web.page.I18n i18n = org.backprop.playground.web.page.I18n.load(appConfig.staticDir(), json.mapper());
            config.routes.get("/", new org.backprop.playground.web.page.PlaygroundPage(
                    new org.backprop.playground.state.StateCodec(appConfig.limits()), i18n, json.mapper()));
            config.routes.get("/about", new HomePage());
            config.routes.get("/api/health", new HealthApi(json, sessions));
            config.routes.get("/api/datasets/{name}", new DatasetsApi(json));
            config.routes.get("/api/presets", new PresetsApi(json, new org.backprop.playground.state.StateCodec(appConfig.limits()), i18n));
            config.routes.post("/api/backprop", new BackpropApi(json));
            config.routes.post("/api/train", new TrainApi(json));
        });
    }
}
