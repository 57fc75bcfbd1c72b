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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.backprop.playground.testsupport.PageServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Issue 14 on the student's page: the task text beside the goal, and a goal pill that remembers it was met. */
@Tag("browser")
class ExerciseBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    static final String TASK = "Train the network until the *test loss* is below 0.4.\n\n"
            + "Then <b>explain</b> <img src=x onerror=alert(1)> what the *second layer* does.";

    @Test
    void the_task_shows_its_line_breaks_and_emphasis_as_text_and_the_pill_remembers_a_met_goal() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?networkShape=3&speed=max&goal=trainLoss<0.4&title=Circle&task="
                    + URLEncoder.encode(TASK, StandardCharsets.UTF_8));
            awaitFirstFrame(b);
            WebElement task = b.findElement(By.id("exercise-task"));
            assertEquals(
                    TASK.replace("*", ""), js(b, "return arguments[0].textContent", task), "every character as text");
            List<WebElement> ems = task.findElements(By.tagName("em"));
            assertEquals(
                    List.of("test loss", "second layer"),
                    ems.stream().map(WebElement::getText).toList());
            assertTrue(task.findElements(By.cssSelector("b, img")).isEmpty(), "no markup from the link");
            assertTrue(
                    task.getRect().getHeight() > 3 * 18,
                    "the blank line stays: " + task.getRect().getHeight());
            screenshot(b, "exercise-task.png");

            WebElement before = b.findElement(By.id("goal-before"));
            assertFalse(before.isDisplayed());
            body(b).sendKeys(Keys.SPACE);
            await(b, d -> Boolean.TRUE.equals(js(d, "return window.playground.goal().met")));
            body(b).sendKeys(Keys.SPACE);
            String epoch =
                    String.format("%,d", ((Number) js(b, "return window.playground.goal().metAtEpoch")).longValue());
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
            b.get(server.base() + "/?lock=x,networkShape,noise,dataset,seed,showTestData,learningRate&title=Locks");
            awaitFirstFrame(b);
            for (String box : List.of("#noise", "#showTestData", "#learningRate")) {
                WebElement input = b.findElement(By.cssSelector(box));
                assertFalse(input.isEnabled(), box + " is disabled, not enabled-then-refused");
                WebElement locked = input.findElement(By.xpath("ancestor::*[contains(@class,'is-locked')][1]"));
                assertEquals("locked", locked.getAttribute("data-locked"), box);
                assertEquals("Locked by this exercise", input.getAttribute("title"), box);
            }
            assertEquals(
                    "locked", b.findElement(By.cssSelector(".dataset-list")).getAttribute("data-locked"));
            assertTrue(b.findElements(By.cssSelector(".dataset[data-key='dataset']")).stream()
                    .noneMatch(WebElement::isEnabled));
            WebElement regenerate = b.findElement(By.id("regenerate-button"));
            assertFalse(regenerate.isEnabled(), "a locked seed locks regenerate");
            assertTrue(regenerate.getAttribute("class").contains("is-locked"));
            assertTrue(
                    b
                            .findElements(
                                    By.cssSelector(
                                            "#network [data-add-neuron], #network [data-remove-neuron], #add-layer, #remove-layer"))
                            .stream()
                            .noneMatch(WebElement::isEnabled),
                    "a locked networkShape locks every +/-");
            assertEquals("locked", b.findElement(By.id("layers-label")).getAttribute("data-locked"));

            // x is locked, so clicking it changes nothing; y is not, so clicking it takes it out
            WebElement x = b.findElement(By.cssSelector("#network .node.input[data-feature='x']"));
            assertTrue(x.getAttribute("class").contains("locked"), x.getAttribute("class"));
            assertEquals("X₁: locked by this exercise", x.getAttribute("title"));
            x.click();
            b.findElement(By.cssSelector("#network .node.input[data-feature='y']"))
                    .click();
            await(b, d -> Boolean.FALSE.equals(js(d, "return window.playground.state().y")));
            assertEquals(Boolean.TRUE, js(b, "return window.playground.state().x"));
            assertTrue(
                    b.findElements(By.cssSelector("#network .node.input[data-feature='xSquared']"))
                                    .size()
                            == 1,
                    "the other features stay on offer");
            screenshot(b, "exercise-locks.png");
            assertNoConsoleErrors(b);
            assertTrue(b.findElements(By.cssSelector(".toast.error")).isEmpty(), "no refusal was needed");
        });
    }

    @Test
    void a_board_link_asks_for_a_nickname_before_it_connects_and_remembers_it_for_the_tab() throws Exception {
        String studentUrl = newBoard("title=Class&lang=ko");
        String boardId = studentUrl.substring(studentUrl.indexOf("&board=") + 7);
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + studentUrl);
            WebElement dialog = b.findElement(By.id("nickname-dialog"));
            await(b, d -> d.findElement(By.id("nickname-dialog")).isDisplayed());
            assertEquals("수업 보드에 참여", b.findElement(By.id("nickname-title")).getText());
            sleep(800);
            assertEquals(Boolean.FALSE, js(b, "return window.playground.connected()"), "no session before a nickname");
            WebElement name = b.findElement(By.id("nickname"));
            assertEquals(name, b.switchTo().activeElement(), "the field has the focus");
            name.sendKeys(Keys.ESCAPE);
            assertTrue(dialog.isDisplayed(), "Escape does not skip the nickname");
            name.sendKeys("  Ann_x 1  ", Keys.ENTER);
            awaitFirstFrame(b);
            assertFalse(dialog.isDisplayed());
            assertEquals(
                    java.util.Map.of("board", boardId, "name", "Ann_x 1"), js(b, "return window.playground.board()"));
            assertEquals(
                    "수업 보드에 Ann_x 1(으)로 참여 중", b.findElement(By.id("board-as")).getText());
            assertTrue(b.findElements(By.cssSelector(".toast.error")).isEmpty(), "joined without a refusal");
            screenshot(b, "board-joined-ko.png");
            // the tab remembers its nickname: a reload joins again without asking
            b.navigate().refresh();
            awaitFirstFrame(b);
            assertFalse(b.findElement(By.id("nickname-dialog")).isDisplayed(), "the tab remembers its nickname");
            assertEquals("Ann_x 1", ((java.util.Map<?, ?>) js(b, "return window.playground.board()")).get("name"));
            // a board that does not exist says so in the page's words, and the page still trains
            b.get(server.base() + "/?board=Zz9_Zz9_Zz&title=Gone");
            await(b, d -> d.findElement(By.id("nickname-dialog")).isDisplayed());
            b.findElement(By.id("nickname")).sendKeys("Ann", Keys.ENTER);
            awaitFirstFrame(b);
            await(
                    b,
                    d -> d.findElements(By.cssSelector(".toast.error")).stream()
                            .anyMatch(t -> t.getText().startsWith("This class board does not exist or has expired")));
            // off a board nothing asks and nothing joins
            b.get(server.base() + "/?title=Class");
            awaitFirstFrame(b);
            assertFalse(b.findElement(By.id("nickname-dialog")).isDisplayed());
            assertEquals(java.util.Map.of(), js(b, "return window.playground.board()"));
            assertNoConsoleErrors(b);
        });
    }

    /** A board made through the API; its student link. */
    private static String newBoard(String state) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/api/boards"))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"state\":\"" + state + "\",\"task\":\"\"}"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return r.body().replaceAll(".*\"studentUrl\":\"([^\"]+)\".*", "$1");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static WebElement body(org.openqa.selenium.WebDriver b) {
        return b.findElement(By.tagName("body"));
    }
}
