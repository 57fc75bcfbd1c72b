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
import org.backprop.playground.testsupport.RawWs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stopping server closes every client with 1001 "server restarting" (a page reconnects and resumes), never 1006. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@Tag("socket")
class ShutdownTest {
    private static final Pattern LISTENING = Pattern.compile("Backprop Playground at http://localhost:(\\d+)/");

    @Test
    void stopping_the_app_closes_every_client_with_1001() throws Exception {
        Javalin app = App.create(AppConfig.defaults()).start(0);
        List<RawWs> clients = new ArrayList<>();
        Thread stopping = new Thread(app::stop);
        try {
            for (int i = 0; i < 3; i++) clients.add(RawWs.upgrade("ws://localhost:" + app.port() + "/ws"));
            RawWs playing = clients.get(0);
            playing.sendText("{\"type\":\"play\"}");
            for (int binaries = 0; binaries < 4; ) if (playing.readFrame().opcode() == 0x2) binaries++;
            stopping.start();
            for (RawWs c : clients) assertClosedForRestart(c, "");
        } finally {
            if (stopping.getState() == Thread.State.NEW) app.stop(); // failed before the stop began
            else stopping.join(30_000);
            clients.forEach(RawWs::close);
        }
    }

    /**
     * The close frame on the wire, read with a raw socket: what a browser reads. (A client library may
     * report 1006 instead when the server drops the socket before the client's close reply is out.)
     */
    private static void assertClosedForRestart(RawWs c, String log) throws java.io.IOException {
        RawWs.Frame close = c.readUntilClose();
        assertEquals(1001, close.closeCode(), () -> "close reason " + close.closeReason() + log);
        assertEquals("server restarting", close.closeReason());
        c.sendClose(1001);
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
            try (RawWs c = RawWs.upgrade("ws://localhost:" + p + "/ws")) {
                c.readFrame(); // hello: the session is live
                child.destroy(); // SIGTERM
                assertClosedForRestart(c, "; server log:\n" + log);
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the server did not exit after SIGTERM");
        } finally {
            child.destroyForcibly();
        }
    }
}
