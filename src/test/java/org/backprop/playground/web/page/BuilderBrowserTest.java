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

import java.util.Map;
import org.backprop.playground.testsupport.PageServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Issue 14's exercise builder: from the playground's "Use it in class" to a link, its QR code and its preview. */
@Tag("browser")
class BuilderBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    @Test
    void a_teacher_builds_an_exercise_from_the_experiment_and_gets_its_link_qr_and_preview() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=xor&networkShape=3&learningRate=0.1");
            awaitFirstFrame(b);
            WebElement build = b.findElement(By.id("build-link"));
            assertTrue(
                    build.getAttribute("href").contains("/build?")
                            && build.getAttribute("href").contains("dataset=xor"),
                    build.getAttribute("href"));
            assertFalse(build.getAttribute("href").contains("weights="), "the seed's weights unless asked");
            // train a little, then take the network as trained into the builder
            b.findElement(By.id("step-button")).click();
            await(b, d -> ((Number) js(d, "return window.playground.epoch() ?? 0")).longValue() >= 1);
            @SuppressWarnings("unchecked")
            java.util.List<Number> trained = (java.util.List<Number>) js(
                    b,
                    "const w = []; for (const l of window.playground.layers()) {"
                            + " for (const row of l.weights) w.push(...row); w.push(...l.biases); } return w");
            b.findElement(By.id("build-weights")).click();
            build.click();
            await(b, d -> d.getCurrentUrl().contains("/build?"));
            assertTrue(b.findElement(By.id("b-weights")).isSelected()
                    && b.findElement(By.id("b-weights")).isEnabled());
            String withWeights =
                    String.valueOf(js(b, "return new URL(window.builder.link()).searchParams.get('weights')"));
            assertEquals(trained.size(), withWeights.split(",").length, withWeights);
            assertEquals(
                    trained.get(0).doubleValue(), Double.parseDouble(withWeights.split(",")[0]), 1e-15);
            b.findElement(By.id("b-weights")).click();
            assertEquals(
                    null,
                    js(b, "return new URL(window.builder.link()).searchParams.get('weights')"),
                    "unticked: the seed's weights");

            b.findElement(By.id("b-title")).sendKeys("Class <b>1</b>");
            b.findElement(By.id("b-task")).sendKeys("Reach *below* 0.2.\nThen stop.");
            assertEquals(
                    "29 / 2,000 characters",
                    b.findElement(By.id("b-task-count")).getText());
            new Select(b.findElement(By.id("b-metric"))).selectByValue("testLoss");
            new Select(b.findElement(By.id("b-comparison"))).selectByValue("<");
            WebElement value = b.findElement(By.id("b-value"));
            value.clear();
            value.sendKeys("0.2");
            WebElement budget = b.findElement(By.id("b-budget"));
            budget.clear();
            budget.sendKeys("500");
            b.findElement(By.cssSelector("input[name='ctl-learningRate'][value='locked']"))
                    .click();
            b.findElement(By.cssSelector("input[name='ctl-activation'][value='hidden']"))
                    .click();
            assertTrue(
                    b.findElements(By.cssSelector("input[name='ctl-features'][value='locked']"))
                            .isEmpty(),
                    "features: a row each to lock");
            b.findElement(By.cssSelector("input[name='ctl-x'][value='locked']")).click();
            b.findElement(By.cssSelector("input[name='ctl-sinX'][value='hidden']"))
                    .click();
            assertTrue(
                    b.findElements(By.cssSelector("input[name='ctl-playButton'][value='locked']"))
                            .isEmpty(),
                    "play changes no key: hide only");
            new Select(b.findElement(By.id("b-lang"))).selectByValue("ko");

            @SuppressWarnings("unchecked")
            Map<String, Object> q = (Map<String, Object>)
                    js(b, "return Object.fromEntries(new URL(window.builder.link()).searchParams)");
            assertEquals("Class <b>1</b>", q.get("title"));
            assertEquals("Reach *below* 0.2.\nThen stop.", q.get("task"));
            assertEquals("testLoss<0.2", q.get("goal"));
            assertEquals("500", q.get("goalEpochs"));
            assertEquals(
                    "learningRate,activation,x,sinX",
                    q.get("lock"),
                    "hidden locks too; one feature locks that one only");
            assertEquals("true", q.get("activation_hide"));
            assertEquals("true", q.get("sinX_hide"));
            assertEquals("ko", q.get("lang"));
            assertEquals("xor", q.get("dataset"), "the teacher's experiment stays");
            assertEquals("0.1", q.get("learningRate"));

            await(
                    b,
                    d -> ((Number)
                                            js(
                                                    d,
                                                    "const i = document.getElementById('b-qr'); return i.complete ? i.naturalWidth : 0"))
                                    .intValue()
                            > 0);
            // the preview is the student's page of that link
            await(
                    b,
                    d -> "Class <b>1</b>"
                            .equals(
                                    js(
                                            d,
                                            "return document.getElementById('b-preview').contentDocument?.getElementById('exercise-title')?.textContent")));
            await(
                    b,
                    d -> Boolean.TRUE.equals(js(
                            d,
                            "const doc = document.getElementById('b-preview').contentDocument;"
                                    + " return doc.getElementById('learningRate').disabled && doc.querySelector('.ui-activation').classList.contains('is-hidden')"
                                    + " && doc.querySelectorAll('#exercise-task em').length === 1")));
            // the one locked feature reads locked, the others not; the hidden one is not offered
            await(
                    b,
                    d -> "locked|free|absent|free"
                            .equals(
                                    js(
                                            d,
                                            "const doc = document.getElementById('b-preview').contentDocument;"
                                                    + " const at = (f) => doc.querySelector(`.node.input[data-feature='${f}']`);"
                                                    + " return [at('x') && at('x').classList.contains('locked') ? 'locked' : 'free',"
                                                    + " at('y') && at('y').classList.contains('locked') ? 'locked' : 'free',"
                                                    + " at('sinX') ? 'present' : 'absent', at('sinY') && !at('sinY').classList.contains('locked') ? 'free' : 'other'].join('|')")));
            screenshot(b, "builder-desktop.png");

            // a short link for the projector: the exercise stored, its QR code the short link's
            String longQr = b.findElement(By.id("b-qr")).getAttribute("src");
            b.findElement(By.id("b-shorten")).click();
            await(
                    b,
                    d -> String.valueOf(js(d, "return window.builder.shortLink()"))
                            .matches("http://[^/]+/e/[A-Za-z0-9_-]{10}"));
            await(b, d -> d.findElement(By.id("b-qr")).getAttribute("src").contains("%2Fe%2F"));
            assertFalse(b.findElement(By.id("b-shorten")).isDisplayed(), "made: the button goes");
            System.out.printf(
                    "builder: the QR code's text went from %d to %d characters%n",
                    java.net.URLDecoder.decode(
                                    longQr.substring(longQr.indexOf("text=") + 5),
                                    java.nio.charset.StandardCharsets.UTF_8)
                            .length(),
                    String.valueOf(js(b, "return window.builder.shortLink()")).length());

            // a task longer than a link holds is stored first: no link until then
            WebElement task = b.findElement(By.id("b-task"));
            js(
                    b,
                    "arguments[0].value = 'A long task. '.repeat(130); arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                    task);
            await(b, d -> d.findElement(By.id("b-store")).isDisplayed());
            assertEquals("", b.findElement(By.id("b-link")).getAttribute("value"));
            assertFalse(b.findElement(By.id("b-qr")).isDisplayed());
            assertTrue(b.findElement(By.id("b-long")).isDisplayed());
            // stored: the link names the exercise, and the student's page gets the task from the store
            b.findElement(By.id("b-store")).click();
            await(b, d -> d.findElement(By.id("b-link")).getAttribute("value").contains("/?exercise="));
            String stored = b.findElement(By.id("b-link")).getAttribute("value");
            assertFalse(stored.contains("task="), "the long task is not in the link: " + stored);
            assertTrue(stored.length() < 1500, stored.length() + " characters");
            await(
                    b,
                    d -> ((Number)
                                            js(
                                                    d,
                                                    "const i = document.getElementById('b-qr'); return i.complete && !i.hidden ? i.naturalWidth : 0"))
                                    .intValue()
                            > 0);
            await(
                    b,
                    d -> String.valueOf(
                                    js(
                                            d,
                                            "return document.getElementById('b-preview').contentDocument?.getElementById('exercise-task')?.textContent"))
                            .startsWith("A long task. A long task."));
            assertFalse(b.findElement(By.id("b-store")).isDisplayed());
            String shortLink = String.valueOf(js(b, "return window.builder.shortLink()"));
            assertTrue(shortLink.contains("/e/"), "a stored exercise has its short link: " + shortLink);
            assertNoConsoleErrors(b);
            // the short link opens the exercise, long task and all
            b.get(shortLink);
            await(
                    b,
                    d -> String.valueOf(js(d, "return document.getElementById('exercise-task')?.textContent"))
                            .startsWith("A long task."));
            assertEquals(
                    "Class <b>1</b>", b.findElement(By.id("exercise-title")).getText());
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void the_builder_reads_on_a_phone_and_in_korean() {
        inBrowser(390, 844, true, b -> {
            b.get(server.base() + "/build?dataset=circle&title="
                    + "%EC%9B%90&goal=testAccuracy%3E%3D0.9&lock=noise&noise_hide=true&lang=ko");
            await(b, d -> d.findElement(By.id("b-link")).getAttribute("value").contains("lock=noise"));
            assertEquals("원", b.findElement(By.id("b-title")).getAttribute("value"));
            assertEquals(
                    "testAccuracy",
                    new Select(b.findElement(By.id("b-metric")))
                            .getFirstSelectedOption()
                            .getAttribute("value"));
            assertTrue(
                    b.findElement(By.cssSelector("input[name='ctl-noise'][value='hidden']"))
                            .isSelected(),
                    "hidden wins over locked");
            assertEquals(
                    "제목", b.findElement(By.cssSelector("label.field > span")).getText());
            long overflow =
                    ((Number) js(b, "return document.documentElement.scrollWidth - window.innerWidth")).longValue();
            assertTrue(overflow <= 0, "nothing wider than the phone: " + overflow);
            screenshot(b, "builder-phone-ko.png");
            assertNoConsoleErrors(b);
        });
    }

    static WebElement byId(WebDriver d, String id) {
        return d.findElement(By.id(id));
    }
}
