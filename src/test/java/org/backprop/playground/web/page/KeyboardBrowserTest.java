package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.assertNoConsoleErrors;
import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.backprop.playground.testsupport.Browser.number;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The page without a mouse: every weight and bias reached with Tab and the arrow keys and edited
 * with Enter; and space still playing after a mouse click on a checkbox. Screenshot:
 * {@code keyboard-weight.png}, the focus on a weight.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@Tag("browser")
class KeyboardBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    static String active(org.openqa.selenium.WebDriver b) {
        return (String) js(
                b,
                "const a = document.activeElement; return a.getAttribute('class') + ' ' + (a.dataset.layer ?? '') + ','"
                        + " + (a.dataset.to ?? '') + ',' + (a.dataset.from ?? '')");
    }

    @Test
    void weights_and_biases_are_reached_and_edited_from_the_keyboard() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=circle&networkShape=3");
            awaitFirstFrame(b);
            // Tab from the gradient switch, the control before the network, lands on the first weight
            b.findElement(By.id("gradient-view")).sendKeys("");
            new Actions(b).sendKeys(Keys.TAB).perform();
            int tabs = 0;
            while (!active(b).startsWith("link-hit") && tabs++ < 60)
                new Actions(b).sendKeys(Keys.TAB).perform();
            assertEquals("link-hit 0,0,0", active(b));
            String label = (String) js(b, "return document.activeElement.getAttribute('aria-label')");
            assertTrue(label.startsWith("Weight from X₁ to neuron 1 of layer 1: "), label);
            // one tab stop: the next Tab leaves the weights
            new Actions(b).sendKeys(Keys.ARROW_RIGHT).perform();
            assertEquals("link-hit 0,0,1", active(b));
            screenshot(b, "keyboard-weight.png");
            new Actions(b).sendKeys(Keys.ENTER).perform();
            assertTrue(b.findElement(By.cssSelector("#network .weight-editor")).isDisplayed());
            assertEquals("input", js(b, "return document.activeElement.tagName.toLowerCase()"));
            new Actions(b)
                    .keyDown(Keys.CONTROL)
                    .sendKeys("a")
                    .keyUp(Keys.CONTROL)
                    .sendKeys("-2.5", Keys.ENTER)
                    .perform();
            await(b, d -> number(d, "return Math.round(window.playground.layers()[0].weights[0][1] * 10)") == -25);
            // the focus is back on that weight
            assertEquals("link-hit 0,0,1", active(b));

            // back past the first item: the last one, the output's bias
            new Actions(b).sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT).perform();
            assertEquals("bias-hit 1,0,", active(b));
            assertTrue(((String) js(b, "return document.activeElement.getAttribute('aria-label')"))
                    .startsWith("Bias of output 1: "));
            new Actions(b).sendKeys(Keys.SPACE).perform();
            assertEquals(
                    "Bias",
                    b.findElement(By.cssSelector("#network .weight-editor .editor-label"))
                            .getText());
            new Actions(b)
                    .keyDown(Keys.CONTROL)
                    .sendKeys("a")
                    .keyUp(Keys.CONTROL)
                    .sendKeys("1.5", Keys.ENTER)
                    .perform();
            await(b, d -> number(d, "return Math.round(window.playground.layers()[1].biases[0] * 10)") == 15);
            // and space on a weight edited it rather than playing
            assertFalse((Boolean)
                    js(b, "return document.getElementById('play-pause-button').classList.contains('playing')"));
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void the_map_chart_and_network_say_how_training_goes() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=xor&networkShape=4");
            awaitFirstFrame(b);
            b.findElement(By.id("play-pause-button")).click();
            await(b, d -> number(d, "return window.playground.epoch()") > 100);
            await(
                    b,
                    d -> ((String) js(d, "return document.getElementById('heatmap-grid').getAttribute('aria-label')"))
                            .contains("At epoch"));
            String map = (String) js(b, "return document.getElementById('heatmap-grid').getAttribute('aria-label')");
            assertTrue(map.matches(".*At epoch [0-9,]+ it gets [0-9.]+% of the test points right.*"), map);
            String chart = (String) js(b, "return document.getElementById('loss-chart').getAttribute('aria-label')");
            assertTrue(chart.startsWith("Loss chart: the test loss was "), chart);
            String network = (String) js(b, "return document.getElementById('network-summary').textContent");
            assertTrue(network.contains("hidden layers of 4 neurons"), network);
            assertEquals("network-summary", b.findElement(By.id("network")).getAttribute("aria-describedby"));
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void space_plays_after_a_mouse_click_on_a_checkbox() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=circle");
            awaitFirstFrame(b);
            b.findElement(By.id("showTestData")).click();
            await(b, d -> (Boolean) js(d, "return window.playground.state().showTestData === true"));
            new Actions(b).sendKeys(Keys.SPACE).perform();
            await(b, d -> (Boolean)
                    js(d, "return document.getElementById('play-pause-button').classList.contains('playing')"));
            assertTrue(b.findElement(By.id("showTestData")).isSelected(), "space ticked the box instead of playing");
            assertNoConsoleErrors(b);
        });
    }
}
