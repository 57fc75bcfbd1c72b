package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backprop.playground.Main;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stopping server closes every client with 1001 "server restarting" (a page reconnects and resumes), never 1006. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@Tag("socket")
class ShutdownTest {
    private static final Pattern LISTENING = Pattern.compile("Backprop Playground at http://localhost:(\\d+)/");

    @Test
    void stopping_the_app_closes_every_client_with_1001() {
        Javalin app = App.create(AppConfig.defaults()).start(0);
        List<WsClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) clients.add(WsClient.greeted("ws://localhost:" + app.port() + "/ws"));
            clients.get(0).send("{\"type\":\"play\"}");
            clients.get(0).assertStreaming(2);
        } finally {
            app.stop();
        }
        for (WsClient c : clients) {
            assertEquals(1001, c.awaitClose(), "close reason " + c.closeReason);
            assertEquals("server restarting", c.closeReason);
            c.close();
        }
    }

    @Test
    void sigterm_closes_every_client_with_1001() throws Exception {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .start();
        StringBuilder log = new StringBuilder();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (java.io.IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new AssertionError("the server ended before listening"));
        });
        reader.setDaemon(true);
        reader.start();
        try {
            int p = port.get(60, TimeUnit.SECONDS);
            try (WsClient c = WsClient.greeted("ws://localhost:" + p + "/ws")) {
                child.destroy(); // SIGTERM
                assertEquals(1001, c.awaitClose(), () -> "close reason " + c.closeReason + "; server log:\n" + log);
                assertEquals("server restarting", c.closeReason);
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the server did not exit after SIGTERM");
        } finally {
            child.destroyForcibly();
        }
    }
}
