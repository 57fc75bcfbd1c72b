package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.assertNoConsoleErrors;
import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.backprop.playground.testsupport.Browser.number;
import static org.backprop.playground.testsupport.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * "Download model" and "Import model": a trained network saved, the page reset, the file imported
 * again gives back the same network at its epoch (the second download is the first, weights and
 * all); a model of another shape is explained and applied once confirmed; a file that is no model
 * is refused with a message, changing nothing.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@Tag("browser")
class ModelFileBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path downloads;

    static void allowDownloads(ChromeDriver b, Path dir) {
        b.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", dir.toString()));
    }

    /** Waits for a finished download of that name and reads it (then deletes it, so the next has the same name). */
    static byte[] downloaded(WebDriver b, Path dir, String name) {
        Path file = dir.resolve(name);
        await(b, d -> Files.isRegularFile(file) && !Files.exists(dir.resolve(name + ".crdownload")));
        try {
            await(b, d -> {
                try {
                    return Files.size(file) > 0;
                } catch (IOException e) {
                    return false;
                }
            });
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return bytes;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(bytes), e);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path p = Files.createTempDirectory("models").resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String toasts(WebDriver b) {
        return (String) js(b, "return document.getElementById('status').textContent");
    }

    @Test
    void a_saved_model_imported_again_gives_back_the_same_network_and_another_shape_is_asked_first() throws Exception {
        inBrowser(1400, 900, false, b -> {
            try {
                b.get(server.base() + "/?dataset=xor&networkShape=3&activation=relu&seed=model16");
                awaitFirstFrame(b);
                allowDownloads(b, downloads);
                b.findElement(By.cssSelector(".step-more-button[data-epochs='100']"))
                        .click();
                await(b, d -> number(d, "return window.playground.epoch()") == 100);
                await(b, d -> b.findElement(By.id("model-download-button")).isEnabled());
                b.findElement(By.id("model-download-button")).click();
                JsonNode first = json(downloaded(b, downloads, "backprop-playground-xor-epoch-100.json"));
                assertEquals("backprop-playground/model", first.get("format").asText());
                assertEquals(100, first.get("epoch").asInt());
                assertEquals(
                        MAPPER.valueToTree(js(b, "return window.playground.layers()[1].weights")),
                        first.get("layers").get(1).get("weights"),
                        "the file holds the weights on screen");

                b.findElement(By.id("reset-button")).click();
                await(b, d -> number(d, "return window.playground.epoch()") == 0);
                assertNotEquals(
                        first.get("layers").get(1).get("weights"),
                        MAPPER.valueToTree(js(b, "return window.playground.layers()[1].weights")));

                Path file = write("trained.json", first.toString());
                b.findElement(By.id("model-file")).sendKeys(file.toString());
                await(b, d -> number(d, "return window.playground.epoch()") == 100);
                await(b, d -> toasts(d).contains("goes on from its weights at epoch 100"));
                b.findElement(By.id("model-download-button")).click();
                JsonNode second = json(downloaded(b, downloads, "backprop-playground-xor-epoch-100.json"));
                assertEquals(first.get("layers"), second.get("layers"), "the same network, bit for bit");
                assertEquals(first.get("state"), second.get("state"), "under the same state");
                assertNoConsoleErrors(b);

                // another shape: explained, applied only once confirmed
                String wider = "{\"format\":\"backprop-playground/model\",\"version\":1,\"inputs\":[\"x\",\"y\"],"
                        + "\"loss\":\"square\",\"layers\":["
                        + "{\"activation\":\"relu\",\"weights\":[[1,2],[3,4],[5,6],[7,8]],\"biases\":[0,0,0,0]},"
                        + "{\"activation\":\"relu\",\"weights\":[[1,0,0,0],[0,1,0,0],[0,0,1,0],[0,0,0,1]],\"biases\":[0,0,0,0]},"
                        + "{\"activation\":\"relu\",\"weights\":[[1,1,1,1],[0.5,0.5,0.5,0.5]],\"biases\":[0,0.25]},"
                        + "{\"activation\":\"tanh\",\"weights\":[[0.1,0.2]],\"biases\":[0.3]}]}";
                b.findElement(By.id("model-file"))
                        .sendKeys(write("wider.json", wider).toString());
                await(b, d -> b.findElement(By.id("model-dialog")).isDisplayed());
                String text = b.findElement(By.id("model-dialog-text")).getText();
                assertTrue(text.contains("3 hidden layers of 4, 4, 2 neurons"), text);
                assertTrue(text.contains("importing sets the network to that shape"), text);
                assertEquals(
                        "[3]",
                        MAPPER.valueToTree(js(b, "return window.playground.state().networkShape"))
                                .toString(),
                        "nothing yet");
                screenshot(b, "model-import-dialog.png");
                b.findElement(By.id("model-dialog-apply")).click();
                await(
                        b,
                        d -> "[4,4,2]"
                                .equals(MAPPER.valueToTree(js(d, "return window.playground.state().networkShape"))
                                        .toString()));
                await(
                        b,
                        d -> Double.valueOf(0.25)
                                .equals(
                                        js(
                                                d,
                                                "const l = window.playground.layers(); return l.length === 4 ? l[2].biases[1] : null")));

                // a file that is no model: said, and nothing changes
                b.findElement(By.id("model-file"))
                        .sendKeys(write("notes.json", "this is not json").toString());
                await(b, d -> toasts(d).contains("This file is not JSON"));
                String keras = first.toString().replace("backprop-playground/model", "keras");
                b.findElement(By.id("model-file"))
                        .sendKeys(write("keras.json", keras).toString());
                await(
                        b,
                        d -> toasts(d).contains("This model could not be imported")
                                && toasts(d).contains("'model.format' must be"));
                assertEquals(
                        "[4,4,2]",
                        MAPPER.valueToTree(js(b, "return window.playground.state().networkShape"))
                                .toString(),
                        "unchanged");
                assertEquals(
                        0.25,
                        ((Number) js(b, "return window.playground.layers()[2].biases[1]")).doubleValue(),
                        "the weights unchanged");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
