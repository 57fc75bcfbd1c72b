package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.assertNoConsoleErrors;
import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.backprop.playground.testsupport.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.PageServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * "Export as NumPy" downloads the run on screen: after a live change and some training, the script
 * the page's link downloads is the server's export of the page's state for the epochs it has run.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@Tag("browser")
class NumpyExportBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    @TempDir
    Path downloads;

    @Test
    void the_export_link_downloads_the_script_of_the_state_and_epochs_on_screen() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=xor&networkShape=3&seed=np16&lang=ko");
            awaitFirstFrame(b);
            b.executeCdpCommand(
                    "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            // a live change the link must follow, then training the file must cover
            js(
                    b,
                    "const s = document.getElementById('learningRate'); s.value = '0.1'; s.dispatchEvent(new Event('change', {bubbles: true}))");
            await(b, d -> Double.valueOf(0.1).equals(js(d, "return window.playground.state().learningRate")));
            b.findElement(By.cssSelector(".step-more-button[data-epochs='100']"))
                    .click();
            await(b, d -> Long.valueOf(100).equals(js(d, "return window.playground.epoch()")));
            String query = (String) js(b, "return window.playground.query()");
            assertTrue(query.contains("learningRate=0.1"), query);

            b.findElement(By.id("numpy-script-link")).click();
            Path file = downloads.resolve("backprop-playground-xor.py");
            await(
                    b,
                    d -> Files.isRegularFile(file)
                            && !Files.exists(downloads.resolve("backprop-playground-xor.py.crdownload")));
            String script = read(file);
            assertEquals(
                    get("/api/export/numpy?" + query + "&epochs=100"),
                    script,
                    "the download is the export of the page's state for its 100 epochs");
            assertTrue(
                    script.contains("\nLEARNING_RATE = 0.1\n") && script.contains("\nEPOCHS = 100\n"),
                    "the rate changed live and the epochs run");
            assertTrue(script.contains("NumPy로"), "in the page's language");
            b.findElement(By.id("numpy-notebook-link")).click();
            Path ipynb = downloads.resolve("backprop-playground-xor.ipynb");
            await(
                    b,
                    d -> Files.isRegularFile(ipynb)
                            && !Files.exists(downloads.resolve("backprop-playground-xor.ipynb.crdownload")));
            assertEquals(
                    get("/api/export/numpy?" + query + "&epochs=100&format=ipynb"),
                    read(ipynb),
                    "the notebook of the same run");
            assertEquals(
                    "NumPy로 내보내기:",
                    b.findElement(By.cssSelector(".numpy-export-label")).getText());
            screenshot(b, "numpy-export-ko.png");
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void a_diverged_run_has_no_file_to_export_until_reset() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base()
                    + "/?regDataset=reg-plane&problem=regression&activation=relu&learningRate=10&networkShape=8,8");
            awaitFirstFrame(b);
            WebElement script = b.findElement(By.id("numpy-script-link"));
            assertTrue(script.getAttribute("href").contains("&epochs=20"), "a fresh page's file trains 20 epochs");
            b.findElement(By.cssSelector(".step-more-button[data-epochs='10']")).click();
            // the frame that says so turns the links off: no link to a file that would be an error
            await(b, d -> d.findElement(By.id("numpy-script-link")).getAttribute("href") == null);
            assertEquals(null, b.findElement(By.id("numpy-notebook-link")).getAttribute("href"));
            assertEquals("true", script.getAttribute("aria-disabled"));
            assertTrue(script.getAttribute("title").startsWith("This run diverged"), script.getAttribute("title"));
            b.findElement(By.id("reset-button")).click();
            await(b, d -> d.findElement(By.id("numpy-script-link")).getAttribute("href") != null);
            assertEquals(null, script.getAttribute("aria-disabled"));
            screenshot(b, "numpy-export-reset.png");
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("could not read the download " + file, e);
        }
    }

    private static String get(String path) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.base() + path))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), r.body());
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("GET " + path, e);
        }
    }
}
