package org.backprop.playground.web;

import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import java.nio.file.Files;
import java.time.Clock;
import java.util.EnumSet;
import java.util.function.IntSupplier;
import org.backprop.playground.session.Scheduler;
import org.backprop.playground.session.SessionCost;
import org.eclipse.jetty.ee10.servlet.FilterHolder;

/**
 * Builds the web app, unstarted, so {@code Main} starts it on $PORT and tests on port 0.
 * Static files come from {@code static/} on disk when it exists (edit and reload while
 * developing), else from the copy inside the jar; Chart.js comes from its webjar.
 */
public final class App {
    /** The app's {@code /ws} endpoint, kept in the app's data for {@link #socket(Javalin)}. */
    private static final Key<PlaygroundSocket> SOCKET = new Key<>("playground-socket");

    private static final Key<HeavyGate> HEAVY = new Key<>("heavy-gate");
    private static final Key<Classroom> CLASSROOM = new Key<>("classroom");

    private App() {}

    /** The {@code /ws} endpoint of an app made here: its live sessions and counters (for tests and operators). */
    public static PlaygroundSocket socket(Javalin app) {
        return app.unsafe.appDataManager.get(SOCKET);
    }

    /** The class side of an app made here: its store (for tests). */
    static Classroom classroom(Javalin app) {
        return app.unsafe.appDataManager.get(CLASSROOM);
    }

    /** The gate of an app made here: heavy API requests computing now (for tests). */
    static HeavyGate heavyGate(Javalin app) {
        return app.unsafe.appDataManager.get(HEAVY);
    }

    public static Javalin create(AppConfig appConfig) {
        JsonBody json = new JsonBody(JsonBody.strictMapper());
        ErrorMapper errors = new ErrorMapper(json);
        // one scheduler for every session of this app; it stops with the app
        Scheduler scheduler = new Scheduler(appConfig.scheduler());
        // each session counted at the most one may hold; the cap follows the heap unless --max-sessions is lower
        Classroom classroom = new Classroom(
                appConfig.store().open(), Clock.systemUTC(), appConfig.store().boardLifetime());
        org.backprop.playground.state.StateCodec codec =
                new org.backprop.playground.state.StateCodec(appConfig.limits());
        BoardMembers members =
                new BoardMembers(classroom, codec, appConfig.store().reportLook());
        LinkFill exercises = new LinkFill(new ExerciseFill(classroom), new RunFill(classroom), new DataFill(classroom));
        HeapAdmission heap = HeapAdmission.forThisJvm(
                appConfig.heapBudgetMb(),
                SessionCost.heaviest(appConfig.limits()),
                SessionCost.idlePasses(appConfig.limits()));
        SocketLimits socketLimits =
                appConfig.socket().withMaxSessions(heap.cap(appConfig.socket().maxSessions()));
        BoardSocket boardSocket = new BoardSocket(
                classroom, json.mapper(), socketLimits, appConfig.store().boardPoll());
        PlaygroundSocket socket = new PlaygroundSocket(
                scheduler,
                socketLimits,
                appConfig.access(),
                appConfig.limits(),
                json.mapper(),
                heap,
                members,
                exercises);
        IntSupplier sessions = appConfig.sessions() != null ? appConfig.sessions() : socket::liveSessions;
        HeavyGate heavy = new HeavyGate(appConfig.maxHeavyRequests());
        return Javalin.create(config -> {
            config.appData(SOCKET, socket);
            // clients first (1001, so pages resume), then the scheduler once Jetty has stopped
            config.events.serverStopping(socket::closeAll);
            config.appData(HEAVY, heavy);
            config.appData(CLASSROOM, classroom);
            config.events.serverStopped(scheduler::close);
            config.events.serverStartFailed(scheduler::close);
            config.events.serverStopped(socket::close);
            config.events.serverStartFailed(socket::close);
            config.events.serverStopped(boardSocket::close);
            config.events.serverStartFailed(boardSocket::close);
            config.events.serverStopped(members::close);
            config.events.serverStartFailed(members::close);
            config.events.serverStopped(classroom::close);
            config.events.serverStartFailed(classroom::close);
            config.jetty.modifyWebSocketServletFactory(socket::configureFactory);
            // the one connector, as Javalin's default (host, port), whose sockets close without a reset
            config.jetty.addConnector((server, http) -> {
                LingeringConnector connector = new LingeringConnector(server, http);
                connector.setHost(config.jetty.host);
                connector.setPort(config.jetty.port);
                return connector;
            });
            config.jetty.modifyServletContextHandler(handler -> handler.addFilter(
                    new FilterHolder(new NoHttpSessions()), "/*", EnumSet.of(DispatcherType.REQUEST)));
            config.routes.wsBeforeUpgrade("/ws", appConfig.access()::beforeUpgrade);
            config.jetty.modifyServletContextHandler(context -> SlowBodies.install(context, appConfig.bodyTimeout()));
            config.jetty.modifyServer(socket::configureServer);
            config.routes.ws("/ws", socket::configure);
            config.routes.wsBeforeUpgrade("/ws/board/{id}", appConfig.access()::beforeUpgrade);
            config.routes.ws("/ws/board/{id}", boardSocket::configure);
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
            // on every answer, Jetty's own errors included
            SecurityHeaders headers = new SecurityHeaders(appConfig.frameAncestors());
            config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(headers));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(headers)));
            // one copy of the words: the page and /api/presets (the tutorials' texts) read the same strings.json
            org.backprop.playground.web.page.I18n i18n =
                    org.backprop.playground.web.page.I18n.load(appConfig.staticDir(), json.mapper());
            config.routes.get(
                    "/",
                    new org.backprop.playground.web.page.PlaygroundPage(
                            new org.backprop.playground.state.StateCodec(appConfig.limits()),
                            i18n,
                            json.mapper(),
                            exercises::fill));
            config.routes.get("/about", new HomePage(i18n));
            config.routes.get("/api/health", new HealthApi(json, sessions, socketLimits.maxSessions(), heap));
            config.routes.get("/api/datasets/{name}", new DatasetsApi(json));
            config.routes.get(
                    "/api/presets",
                    new PresetsApi(json, new org.backprop.playground.state.StateCodec(appConfig.limits()), i18n));
            config.routes.get("/api/qr", new QrApi());
            config.routes.get(
                    "/board/{id}",
                    new org.backprop.playground.web.page.BoardPage(
                            classroom::teachersBoard, codec, i18n, json.mapper()));
            config.routes.get(
                    "/build",
                    new org.backprop.playground.web.page.BuilderPage(
                            new org.backprop.playground.state.StateCodec(appConfig.limits()), i18n, json.mapper()));
            config.routes.post("/api/backprop", new BackpropApi(json, heavy));
            config.routes.post("/api/train", new TrainApi(json, heavy));
            config.routes.get("/api/export/numpy", new ExportApi(codec, heavy, json.mapper()));
            ModelApi models = new ModelApi(json, codec);
            config.routes.post("/api/model/export", models.export());
            config.routes.post("/api/model/import", models.importer());
            new BoardsApi(
                            json,
                            classroom,
                            new org.backprop.playground.state.StateCodec(appConfig.limits()),
                            appConfig.access())
                    .register(config);
            new ShortLinks(classroom).register(config);
        });
    }
}
