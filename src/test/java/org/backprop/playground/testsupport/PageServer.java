package org.backprop.playground.testsupport;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import org.backprop.playground.web.App;
import org.backprop.playground.web.AppConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on port 0 for one test class, started before its first test and stopped after its
 * last: {@code @RegisterExtension static final PageServer server = new PageServer();}. It also
 * makes the screenshots' folder, which every browser test writes to.
 */
public final class PageServer implements BeforeAllCallback, AfterAllCallback {
    private final AppConfig config;
    private Javalin app;

    public PageServer() {
        this(AppConfig.defaults());
    }

    public PageServer(AppConfig config) {
        this.config = config;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        app = App.create(config).start(0);
        Files.createDirectories(Browser.SCREENSHOTS);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (app != null) app.stop();
    }

    /** {@code http://localhost:<port>}, to which a test adds a path. */
    public String base() {
        return "http://localhost:" + app.port();
    }

    public Javalin app() {
        return app;
    }
}
