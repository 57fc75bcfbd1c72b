package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.assertNoConsoleErrors;
import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.awaitSteady;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.backprop.playground.testsupport.Browser.number;
import static org.backprop.playground.testsupport.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backprop.playground.testsupport.PageServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 12 on the page: the speed control (60 epochs/s by default, max, a live change, +/-, step 10
 * and 100) and the goal banner that reads the server's goal in words and remembers when it was met.
 */
@Tag("browser")
class WatchItLearnBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    @Test
    void the_default_page_trains_at_sixty_epochs_a_second_and_draws_a_curve() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/");
            awaitFirstFrame(b);
            assertEquals(
                    "60",
                    new Select(b.findElement(By.id("speed")))
                            .getFirstSelectedOption()
                            .getAttribute("value"));
            assertEquals(
                    "60 epochs/s",
                    new Select(b.findElement(By.id("speed")))
                            .getFirstSelectedOption()
                            .getText());
            screenshot(b, "speedui-0s.png");
            body(b).sendKeys(Keys.SPACE);
            sleep(3000);
            body(b).sendKeys(Keys.SPACE);
            long epoch = awaitSteady(b);
            // the range: 3 s at 60/s is 180, with room for a slow start and a busy machine
            assertTrue(epoch >= 60 && epoch <= 400, "3 s of play at the default speed: epoch " + epoch);
            await(b, d -> number(d, "return window.playground.chartPoints()") >= 30);
            Map<String, Object> chart =
                    LossChartBrowserTest.measure(b, "Chart.getChart(document.getElementById('loss-chart'))");
            screenshot(b, "speedui-3s.png");
            int columns = ((Number) chart.get("columns")).intValue();
            int width = ((Number) chart.get("width")).intValue();
            assertTrue(columns > 0.9 * width, "a curve across the plot, not one column of pixels: " + chart);

            body(b).sendKeys(Keys.SPACE);
            sleep(7000);
            screenshot(b, "speedui-10s.png");
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void speed_max_trains_many_thousands_of_epochs_in_three_seconds() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?speed=max");
            awaitFirstFrame(b);
            assertEquals(
                    "max",
                    new Select(b.findElement(By.id("speed")))
                            .getFirstSelectedOption()
                            .getAttribute("value"));
            body(b).sendKeys(Keys.SPACE);
            sleep(3000);
            long epoch = number(b, "return window.playground.epoch()");
            assertTrue(epoch > 5000, "3 s at max: epoch " + epoch);
        });
    }

    @Test
    void a_live_speed_change_keeps_the_epoch_and_changes_the_pace_and_plus_minus_step_through_the_speeds() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?speed=10");
            awaitFirstFrame(b);
            body(b).sendKeys(Keys.SPACE);
            await(b, d -> number(d, "return window.playground.epoch()") >= 5);
            long slowStart = epochNow(b);
            sleep(2000);
            long slowEnd = epochNow(b);
            long slow = slowEnd - slowStart;

            new Select(b.findElement(By.id("speed"))).selectByValue("1000");
            await(b, d -> Long.valueOf(1000).equals(js(d, "return window.playground.state().speed")));
            long fastStart = epochNow(b);
            assertTrue(fastStart >= slowEnd, "the epoch goes on from " + slowEnd + ", not from 0: " + fastStart);
            sleep(2000);
            long fast = epochNow(b) - fastStart;
            assertTrue(slow <= 40, "2 s at 10/s: " + slow + " epochs");
            assertTrue(fast > 10 * slow, "2 s at 1000/s (" + fast + " epochs) against 2 s at 10/s (" + slow + ")");
            assertTrue(
                    b.findElement(By.id("play-pause-button"))
                            .getAttribute("class")
                            .contains("playing"),
                    "still playing");

            // + (and = without shift) one faster, - one slower; the menu follows the state
            body(b).sendKeys("+");
            await(b, d -> Long.valueOf(3000).equals(js(d, "return window.playground.state().speed")));
            body(b).sendKeys("=");
            await(b, d -> Long.valueOf(10000).equals(js(d, "return window.playground.state().speed")));
            body(b).sendKeys("+");
            await(b, d -> "max".equals(js(d, "return window.playground.state().speed")));
            body(b).sendKeys("+"); // max is the last: it stays
            body(b).sendKeys("-", "-", "-");
            await(b, d -> Long.valueOf(1000).equals(js(d, "return window.playground.state().speed")));
            assertEquals(
                    "1000",
                    new Select(b.findElement(By.id("speed")))
                            .getFirstSelectedOption()
                            .getAttribute("value"));
            assertTrue(
                    ((String) js(b, "return window.playground.query()")).contains("speed=1000"),
                    "the link holds the speed");
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void step_ten_and_a_hundred_advance_exactly_that_many_epochs() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/");
            awaitFirstFrame(b);
            WebElement ten = b.findElement(By.cssSelector(".step-more-button[data-epochs='10']"));
            assertEquals("+10", ten.getText());
            assertEquals("Train 10 epochs", ten.getAttribute("title"));
            ten.click();
            await(b, d -> number(d, "return window.playground.epoch()") == 10);
            assertEquals(10, awaitSteady(b));
            b.findElement(By.cssSelector(".step-more-button[data-epochs='100']"))
                    .click();
            await(b, d -> number(d, "return window.playground.epoch()") == 110);
            assertEquals(110, awaitSteady(b));
            body(b).sendKeys("s");
            await(b, d -> number(d, "return window.playground.epoch()") == 111);
            assertEquals(111, awaitSteady(b));
        });
    }

    @Test
    void a_locked_speed_looks_and_says_locked_and_a_hidden_one_is_gone() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?lock=speed");
            awaitFirstFrame(b);
            WebElement speed = b.findElement(By.id("speed"));
            assertFalse(speed.isEnabled(), "a locked speed cannot be changed");
            WebElement box = speed.findElement(By.xpath("ancestor::div[contains(@class,'control')][1]"));
            assertTrue(box.getAttribute("class").contains("is-locked"), box.getAttribute("class"));
            assertEquals("locked", box.getAttribute("data-locked"));
            assertEquals("Locked by this exercise", speed.getAttribute("title"));
            body(b).sendKeys("+");
            await(b, d -> !d.findElements(By.cssSelector("#status .toast")).isEmpty());
            assertEquals(60L, js(b, "return window.playground.state().speed"));

            b.get(server.base() + "/?speed_hide=true");
            awaitFirstFrame(b);
            assertFalse(b.findElement(By.id("speed")).isDisplayed(), "speed_hide hides the speed");
        });
    }

    /** "reached at epoch 1,234 (0.8 s); now 0.372" → 1234. */
    static final Pattern REACHED = Pattern.compile("^reached at epoch ([0-9,]+) \\([0-9.]+ s\\); now [0-9.]+$");

    @Test
    void the_goal_banner_reads_in_words_and_keeps_reached_at_epoch_n_after_the_loss_rises() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?networkShape=3&speed=max&goal=trainLoss<0.4&title=Circle");
            awaitFirstFrame(b);
            assertEquals(
                    "training loss below 0.4",
                    b.findElement(By.id("exercise-goal")).getText());
            assertTrue(status(b).startsWith("not reached yet"), status(b));
            body(b).sendKeys(Keys.SPACE);
            await(b, d -> Boolean.TRUE.equals(js(d, "return window.playground.goal().met")));
            body(b).sendKeys(Keys.SPACE);
            awaitSteady(b);
            long metAt = number(b, "return window.playground.goal().metAtEpoch");
            await(b, d -> REACHED.matcher(status(d)).matches());
            Matcher m = REACHED.matcher(status(b));
            assertTrue(m.matches());
            assertEquals(metAt, Long.parseLong(m.group(1).replace(",", "")), status(b));
            assertTrue(b.findElement(By.id("goal-status")).getAttribute("class").contains("met"));
            screenshot(b, "speedui-goal-met.png");

            // wreck the output bias: the loss rises well above the goal, and the banner remembers
            b.findElement(By.cssSelector("#network .bias[data-bias-layer='1'][data-bias-neuron='0']"))
                    .click();
            WebElement input = b.findElement(By.cssSelector("#network .weight-editor input"));
            input.clear();
            input.sendKeys("8", Keys.ENTER);
            await(b, d -> ((Number) js(d, "return window.playground.goal().now")).doubleValue() > 0.4);
            String after = status(b);
            assertTrue(REACHED.matcher(after).matches(), after);
            assertTrue(after.startsWith("reached at epoch " + m.group(1) + " "), after);
            double now = Double.parseDouble(after.substring(after.lastIndexOf(' ') + 1));
            assertTrue(now > 0.4, "the banner shows the risen loss: " + after);
            assertTrue(b.findElement(By.id("goal-status")).getAttribute("class").contains("met"));
            assertFalse(b.findElement(By.id("goal-reset")).isDisplayed(), "a met goal offers no reset");

            // and in Korean, the same facts
            b.findElement(By.cssSelector(".lang-button[data-lang='ko']")).click();
            await(
                    b,
                    d -> "학습 손실 0.4 미만"
                            .equals(d.findElement(By.id("exercise-goal")).getText()));
            await(b, d -> status(d).startsWith("에포크 " + m.group(1) + "에서 달성("));
            screenshot(b, "speedui-goal-met-ko.png");
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void a_spent_budget_says_so_pauses_and_offers_a_reset() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?goal=trainLoss<0.01&goalEpochs=20&title=Budget");
            awaitFirstFrame(b);
            assertEquals("not reached yet — best 0.521; the budget of 20 epochs ends at epoch 20", status(b));
            assertFalse(b.findElement(By.id("goal-reset")).isDisplayed());
            body(b).sendKeys(Keys.SPACE);
            await(b, d -> status(d).startsWith("the budget of 20 epochs ran out — best "));
            assertTrue(b.findElement(By.id("goal-status")).getAttribute("class").contains("spent"));
            // the session paused itself and says why, in words
            await(
                    b,
                    d -> d.findElements(By.cssSelector("#status .toast")).stream()
                            .anyMatch(t -> t.getText()
                                    .startsWith(
                                            "paused: the budget of 20 epochs for training loss below 0.01 ran out")));
            await(
                    b,
                    d -> !d.findElement(By.id("play-pause-button"))
                            .getAttribute("class")
                            .contains("playing"));
            WebElement reset = b.findElement(By.id("goal-reset"));
            assertTrue(reset.isDisplayed(), "the spent budget offers a reset");
            assertEquals("Reset and try again", reset.getText());
            screenshot(b, "speedui-goal-spent.png");
            reset.click();
            await(b, d -> number(d, "return window.playground.epoch()") == 0);
            await(b, d -> "not reached yet — best 0.521; the budget of 20 epochs ends at epoch 20".equals(status(d)));
            assertFalse(b.findElement(By.id("goal-reset")).isDisplayed());
        });
    }

    @Test
    void the_phone_view_with_the_banner_and_the_speed_has_no_horizontal_scroll_in_korean() {
        inBrowser(390, 844, true, b -> {
            b.get(server.base() + "/?lang=ko&goal=trainLoss<0.4&goalEpochs=500&title=%EC%97%B0%EC%8A%B5");
            awaitFirstFrame(b);
            assertEquals(
                    "초당 60 에포크",
                    new Select(b.findElement(By.id("speed")))
                            .getFirstSelectedOption()
                            .getText());
            assertEquals("학습 손실 0.4 미만", b.findElement(By.id("exercise-goal")).getText());
            long scrollWidth = number(b, "return document.documentElement.scrollWidth");
            assertTrue(scrollWidth <= 390, "the page is " + scrollWidth + " px wide on a 390 px phone");
            screenshot(b, "speedui-phone-ko.png");
        });
    }

    static String status(WebDriver d) {
        return d.findElement(By.id("goal-status")).getText();
    }

    static WebElement body(WebDriver d) {
        return d.findElement(By.tagName("body"));
    }

    static long epochNow(WebDriver d) {
        return number(d, "return window.playground.epoch()");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
