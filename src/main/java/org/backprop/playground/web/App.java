package org.backprop.playground.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;

/**
 * Builds the web app, unstarted, so {@code Main} starts it on $PORT and tests on port 0.
 * Static files come from {@code static/} on disk when it exists (edit and reload while
 * developing), else from the copy inside the jar; Chart.js comes from its webjar.
 */
public final class App {
    private App() {}

    public static Javalin create(AppConfig appConfig) {
        JsonBody json = new JsonBody(JsonBody.strictMapper());
        ErrorMapper errors = new ErrorMapper(json);
        return Javalin.create(config -> {
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
            config.routes.get("/", new HomePage());
            config.routes.get("/api/health", new HealthApi(json, appConfig.sessions()));
            config.routes.get("/api/datasets/{name}", new DatasetsApi(json));
            config.routes.post("/api/backprop", new BackpropApi(json));
            config.routes.post("/api/train", new TrainApi(json));
        });
    }
}
