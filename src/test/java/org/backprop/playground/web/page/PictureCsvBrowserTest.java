package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.SCREENSHOTS;
import static org.backprop.playground.testsupport.Browser.assertNoConsoleErrors;
import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.awaitSteady;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.backprop.playground.testsupport.Browser.number;
import static org.backprop.playground.web.page.ModelFileBrowserTest.allowDownloads;
import static org.backprop.playground.web.page.ModelFileBrowserTest.downloaded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.backprop.playground.testsupport.PageServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * "Picture" saves the output map and the network view as PNG files of their size on screen, with
 * something drawn in them; "Loss history" saves a CSV of every epoch the page saw, ending on the
 * loss the page shows; a set without a map has its map picture off, saying why.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@Tag("browser")
class PictureCsvBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    @TempDir
    Path downloads;

    /** The file as a picture, kept among the screenshots for a person to look at. */
    private static BufferedImage png(byte[] bytes, String keepAs) {
        try {
            Files.write(SCREENSHOTS.resolve(keepAs), bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(
                bytes.length > 8 && bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G',
                "a PNG signature");
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2)
            for (int x = 0; x < image.getWidth(); x += 2) seen.add(image.getRGB(x, y));
        return seen.size();
    }

    private static void click(WebDriver b, String id) {
        await(b, d -> d.findElement(By.id(id)).isEnabled());
        b.findElement(By.id(id)).click();
    }

    @Test
    void pictures_are_pngs_of_the_views_and_the_csv_is_the_run_the_chart_shows() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=xor&networkShape=4,2&seed=png16&showTestData=true");
            awaitFirstFrame(b);
            allowDownloads(b, downloads);
            b.findElement(By.cssSelector(".step-more-button[data-epochs='100']"))
                    .click();
            await(b, d -> number(d, "return window.playground.epoch()") == 100);
            awaitSteady(b);

            click(b, "map-png-button");
            BufferedImage map =
                    png(downloaded(b, downloads, "backprop-playground-xor-map-epoch-100.png"), "saved-map.png");
            assertEquals(number(b, "return document.getElementById('heatmap-points').width"), map.getWidth());
            assertEquals(number(b, "return document.getElementById('heatmap-points').height"), map.getHeight());
            assertTrue(colours(map) > 20, "the map's colours and its points, not a blank: " + colours(map));

            click(b, "network-png-button");
            BufferedImage net =
                    png(downloaded(b, downloads, "backprop-playground-xor-network-epoch-100.png"), "saved-network.png");
            assertEquals(
                    number(
                            b,
                            "return Math.round(document.getElementById('network').getBoundingClientRect().width * devicePixelRatio)"),
                    net.getWidth());
            assertEquals(
                    number(
                            b,
                            "return Math.round(document.getElementById('network').getBoundingClientRect().height * devicePixelRatio)"),
                    net.getHeight());
            assertTrue(colours(net) > 20, "links, neurons' maps and labels, not a blank: " + colours(net));

            // a played run: a frame for most epochs, and the CSV has a row for each one seen
            b.findElement(By.id("play-pause-button")).click();
            await(b, d -> number(d, "return window.playground.epoch()") >= 200);
            b.findElement(By.id("play-pause-button")).click();
            long epoch = awaitSteady(b);
            click(b, "loss-csv-button");
            String csv = new String(
                    downloaded(b, downloads, "backprop-playground-xor-loss-history.csv"), StandardCharsets.UTF_8);
            List<String> lines = csv.lines().toList();
            assertEquals("epoch,train_loss,test_loss,train_accuracy,test_accuracy", lines.get(0));
            assertEquals(
                    number(b, "return window.playground.chartPoints()"),
                    lines.size() - 1,
                    "one row for every epoch the page saw, as many as the chart's points");
            String[] last = lines.get(lines.size() - 1).split(",");
            assertTrue(lines.size() > 50, "a row per frame of the played run: " + lines.size());
            assertEquals(String.valueOf(epoch), last[0], Arrays.toString(last));
            String shown = b.findElement(By.id("loss-train")).getText();
            assertEquals(
                    Double.parseDouble(shown),
                    Double.parseDouble(last[1]),
                    0.0005,
                    "the last row's train loss is the one shown: " + shown);
            assertEquals(
                    js(b, "return window.playground.losses()[" + epoch + "].trainLoss"),
                    Double.parseDouble(last[1]),
                    "in full precision");
            assertNoConsoleErrors(b);

            // regression: no accuracy columns; a set without a map: its picture is off and says why
            b.get(server.base() + "/?problem=regression&regDataset=reg-plane&seed=png16");
            awaitFirstFrame(b);
            allowDownloads(b, downloads);
            b.findElement(By.id("step-button")).click();
            await(b, d -> number(d, "return window.playground.epoch()") == 1);
            click(b, "loss-csv-button");
            String reg = new String(
                    downloaded(b, downloads, "backprop-playground-reg-plane-loss-history.csv"), StandardCharsets.UTF_8);
            assertTrue(reg.startsWith("epoch,train_loss,test_loss\n"), reg);

            b.get(server.base() + "/?dataset=seed-digits&networkShape=8");
            awaitFirstFrame(b);
            await(b, d -> !d.findElement(By.id("map-png-button")).isEnabled());
            assertEquals(
                    "This data set has no 2-D map to draw",
                    b.findElement(By.id("map-png-button")).getAttribute("title"));
            assertFalse(
                    b.findElement(By.id("network-png-button")).getAttribute("disabled") != null,
                    "the network has a picture");
        });
    }
}
