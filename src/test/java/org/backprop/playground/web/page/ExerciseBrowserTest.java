package org.backprop.playground.web.page;

import static org.backprop.playground.web.page.PageBrowserTest.assertNoConsoleErrors;
import static org.backprop.playground.web.page.PageBrowserTest.await;
import static org.backprop.playground.web.page.PageBrowserTest.awaitFirstFrame;
import static org.backprop.playground.web.page.PageBrowserTest.inBrowser;
import static org.backprop.playground.web.page.PageBrowserTest.js;
import static org.backprop.playground.web.page.PageBrowserTest.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.backprop.playground.web.App;
import org.backprop.playground.web.AppConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Issue 14 on the student's page: the task text beside the goal, and a goal pill that remembers it was met. */
class ExerciseBrowserTest {
    static Javalin app;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        app = App.create(AppConfig.defaults()).start(0);
        base = "http://localhost:" + app.port();
        Files.createDirectories(PageBrowserTest.SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.stop();
    }

    static final String TASK = "Train the network until the *test loss* is below 0.4.\n\n"
            + "Then <b>explain</b> <img src=x onerror=alert(1)> what the *second layer* does.";

    @Test
    void the_task_shows_its_line_breaks_and_emphasis_as_text_and_the_pill_remembers_a_met_goal() {
        inBrowser(1400, 900, false, b -> {
            b.get(base + "/?networkShape=3&speed=max&goal=trainLoss<0.4&title=Circle&task="
                    + URLEncoder.encode(TASK, StandardCharsets.UTF_8));
            awaitFirstFrame(b);
            WebElement task = b.findElement(By.id("exercise-task"));
            assertEquals(TASK.replace("*", ""), js(b, "return arguments[0].textContent", task), "every character as text");
            List<WebElement> ems = task.findElements(By.tagName("em"));
            assertEquals(List.of("test loss", "second layer"), ems.stream().map(WebElement::getText).toList());
            assertTrue(task.findElements(By.cssSelector("b, img")).isEmpty(), "no markup from the link");
            assertTrue(task.getRect().getHeight() > 3 * 18, "the blank line stays: " + task.getRect().getHeight());
            screenshot(b, "exercise-task.png");

            WebElement before = b.findElement(By.id("goal-before"));
            assertFalse(before.isDisplayed());
            body(b).sendKeys(Keys.SPACE);
            await(b, d -> Boolean.TRUE.equals(js(d, "return window.playground.goal().met")));
            body(b).sendKeys(Keys.SPACE);
            String epoch = String.format("%,d", ((Number) js(b, "return window.playground.goal().metAtEpoch")).longValue());
            // a reset starts the server's progress over; the pill still says it was met, and when
            body(b).sendKeys("r");
            await(b, d -> Boolean.FALSE.equals(js(d, "return window.playground.goal().met")));
            await(b, d -> d.findElement(By.id("goal-before")).isDisplayed());
            assertTrue(before.getText().startsWith("✓ reached before, at epoch " + epoch + " ("), before.getText());
            // and so does a reload of the same link in this tab
            b.navigate().refresh();
            awaitFirstFrame(b);
            await(b, d -> d.findElement(By.id("goal-before")).isDisplayed());
            assertTrue(b.findElement(By.id("goal-before")).getText().contains("epoch " + epoch + " ("));
            b.findElement(By.cssSelector(".lang-button[data-lang='ko']")).click();
            await(b, d -> d.findElement(By.id("goal-before")).getText().startsWith("✓ 앞서 에포크 " + epoch + "에서 달성("));
            screenshot(b, "exercise-met-before-ko.png");
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void locked_controls_look_and_say_locked_and_one_locked_feature_locks_only_itself() {
        inBrowser(1400, 900, false, b -> {
            b.get(base + "/?lock=x,networkShape,noise,dataset,seed,showTestData,learningRate&title=Locks");
            awaitFirstFrame(b);
            for (String box : List.of("#noise", "#showTestData", "#learningRate")) {
                WebElement input = b.findElement(By.cssSelector(box));
                assertFalse(input.isEnabled(), box + " is disabled, not enabled-then-refused");
                WebElement locked = input.findElement(By.xpath("ancestor::*[contains(@class,'is-locked')][1]"));
                assertEquals("locked", locked.getAttribute("data-locked"), box);
                assertEquals("Locked by this exercise", input.getAttribute("title"), box);
            }
            assertEquals("locked", b.findElement(By.cssSelector(".dataset-list")).getAttribute("data-locked"));
            assertTrue(b.findElements(By.cssSelector(".dataset[data-key='dataset']")).stream().noneMatch(WebElement::isEnabled));
            WebElement regenerate = b.findElement(By.id("regenerate-button"));
            assertFalse(regenerate.isEnabled(), "a locked seed locks regenerate");
            assertTrue(regenerate.getAttribute("class").contains("is-locked"));
            assertTrue(b.findElements(By.cssSelector("#network [data-add-neuron], #network [data-remove-neuron], #add-layer, #remove-layer"))
                    .stream().noneMatch(WebElement::isEnabled), "a locked networkShape locks every +/-");
            assertEquals("locked", b.findElement(By.id("layers-label")).getAttribute("data-locked"));

            // x is locked, so clicking it changes nothing; y is not, so clicking it takes it out
            WebElement x = b.findElement(By.cssSelector("#network .node.input[data-feature='x']"));
            assertTrue(x.getAttribute("class").contains("locked"), x.getAttribute("class"));
            assertEquals("X₁: locked by this exercise", x.getAttribute("title"));
            x.click();
            b.findElement(By.cssSelector("#network .node.input[data-feature='y']")).click();
            await(b, d -> Boolean.FALSE.equals(js(d, "return window.playground.state().y")));
            assertEquals(Boolean.TRUE, js(b, "return window.playground.state().x"));
            assertTrue(b.findElements(By.cssSelector("#network .node.input[data-feature='xSquared']")).size() == 1,
                    "the other features stay on offer");
            screenshot(b, "exercise-locks.png");
            assertNoConsoleErrors(b);
            assertTrue(b.findElements(By.cssSelector(".toast.error")).isEmpty(), "no refusal was needed");
        });
    }

    private static WebElement body(org.openqa.selenium.WebDriver b) {
        return b.findElement(By.tagName("body"));
    }
}
