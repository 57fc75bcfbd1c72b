package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.assertNoConsoleErrors;
import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.backprop.playground.testsupport.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.PageServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** "Share as trained" copies a link with the network's weights; opening it starts from exactly those and says so. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@Tag("browser")
class ShareTrainedBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    @Test
    void a_shared_trained_link_opens_with_the_same_weights_and_says_from_which_epoch() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=xor&networkShape=3&seed=st16");
            awaitFirstFrame(b);
            WebElement button = b.findElement(By.id("share-trained-button"));
            assertFalse(button.isEnabled(), "nothing trained to share at epoch 0");
            assertEquals("Train the network first: until then this is the same as Share", button.getAttribute("title"));
            js(
                    b,
                    "window.copied = null; Object.defineProperty(navigator, 'clipboard', {value: {writeText: async (t) => { window.copied = t; }}})");
            b.findElement(By.cssSelector(".step-more-button[data-epochs='100']"))
                    .click();
            await(b, d -> Long.valueOf(100).equals(js(d, "return window.playground.epoch()")));
            await(b, d -> button.isEnabled());
            String trained = (String) js(b, "return JSON.stringify(window.playground.layers())");
            button.click();
            String link = await(b, d -> (String) js(d, "return window.copied"));
            assertTrue(
                    link.startsWith(server.base() + "/?")
                            && link.endsWith("&weightsEpoch=100")
                            && link.contains("&weights="),
                    link);
            assertTrue(
                    b.findElement(By.id("status")).getText().contains("weights at epoch 100"),
                    "says what the link holds");

            b.get(link);
            awaitFirstFrame(b);
            assertEquals(0L, js(b, "return window.playground.epoch()"), "training starts over from the shared weights");
            assertEquals(
                    trained,
                    js(b, "return JSON.stringify(window.playground.layers())"),
                    "the very weights of epoch 100");
            await(
                    b,
                    d -> d.findElement(By.id("status"))
                            .getText()
                            .contains("Started from shared weights at epoch 100."));
            screenshot(b, "share-trained-opened.png");
            assertNoConsoleErrors(b);
        });
    }
}
