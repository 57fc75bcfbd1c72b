package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.assertNoConsoleErrors;
import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.awaitSteady;
import static org.backprop.playground.testsupport.Browser.consoleErrors;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.backprop.playground.testsupport.Browser.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.web.App;
import org.backprop.playground.web.AppConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * A server restart costs a student nothing: the page trains, the server stops (1001) and starts again
 * on the same port, and the page reconnects and goes on at its own epoch with its own weights, not 0.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@Tag("browser")
class RestartBrowserTest {
    @Test
    void after_a_restart_the_page_resumes_at_its_epoch_with_its_weights() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Javalin[] app = {App.create(AppConfig.defaults()).start(port)};
        try {
            String base = "http://localhost:" + port;
            inBrowser(1400, 900, false, b -> {
                b.get(base + "/?dataset=spiral&networkShape=6,4&learningRate=0.03&speed=max&seed=restart.1");
                awaitFirstFrame(b);
                // watch every epoch the page shows from now on: a restart from 0 would show in the minimum
                js(
                        b,
                        "window.seenAfter = []; setInterval(() => window.seenAfter.push(window.playground.epoch()), 10);");
                b.findElement(By.id("play-pause-button")).click();
                await(b, d -> number(d, "return window.playground.epoch()") > 300);
                b.findElement(By.id("play-pause-button")).click();
                long epoch = awaitSteady(b);
                String weights = (String) js(b, "return JSON.stringify(window.playground.layers())");

                assertNoConsoleErrors(b);
                js(
                        b,
                        "window.toastsSeen = []; new MutationObserver((ms) => ms.forEach((m) => m.addedNodes.forEach("
                                + "(n) => window.toastsSeen.push(n.textContent)))).observe(document.getElementById('status'),"
                                + " { childList: true, subtree: true });");
                app[0].stop();
                await(b, d -> !(Boolean) js(d, "return window.playground.connected()"));
                js(b, "window.seenAfter = [];");
                app[0] = App.create(AppConfig.defaults()).start(port);

                await(b, d -> (Boolean) js(d, "return window.playground.connected()"));
                String notice;
                try {
                    // every toast the page adds is kept: a 5 s toast on a loaded machine may come and go between two
                    // looks
                    notice = await(b, d -> (String)
                            js(d, "return window.toastsSeen.find((t) => t.includes('goes on from epoch')) ?? null"));
                } catch (org.openqa.selenium.TimeoutException e) {
                    throw new AssertionError(
                            "no 'goes on from epoch'; the page said "
                                    + js(b, "return JSON.stringify(window.toastsSeen)")
                                    + "; console " + consoleErrors(b) + "; epoch "
                                    + js(b, "return window.playground.epoch()"),
                            e);
                }
                assertTrue(notice.contains(String.format("%,d", epoch)), notice);
                // while the server was down, Chromium logs each retry the port refused; nothing else
                List<String> whileDown = consoleErrors(b);
                whileDown.removeIf(m -> m.contains("/ws?") && m.contains("ERR_CONNECTION_REFUSED"));
                assertEquals(List.of(), whileDown, "console errors while the server restarted");
                assertEquals(epoch, awaitSteady(b), "the page is at its own epoch again");
                assertEquals(
                        weights,
                        js(b, "return JSON.stringify(window.playground.layers())"),
                        "the same weights, bit for bit");
                long lowest = number(b, "return Math.min(...window.seenAfter.filter((e) => e !== null))");
                assertEquals(epoch, lowest, "no frame from epoch 0 was shown after the restart");

                // and it trains on from there
                b.findElement(By.id("play-pause-button")).click();
                await(b, d -> number(d, "return window.playground.epoch()") > epoch + 100);
                assertNoConsoleErrors(b);
            });
        } finally {
            app[0].stop();
        }
    }
}
