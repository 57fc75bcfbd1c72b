package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.assertNoConsoleErrors;
import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.fullPageScreenshot;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.Browser;
import org.backprop.playground.testsupport.PageServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The page holds no copy of a server rule: a control sends just its key, the server's `changed`
 * and `derived` decide the rest, and the page shows what the server derived (the batch in effect,
 * the output's activation, the controls that change nothing on this data set).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@Tag("browser")
class ServerRulesBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    /** Records every message the page's socket sends (socket.js calls ws.send, found on the prototype). */
    private static void spyOnSends(WebDriver d) {
        js(
                d,
                "window.sent = []; const send = WebSocket.prototype.send;"
                        + "WebSocket.prototype.send = function (m) { window.sent.push(JSON.parse(m)); return send.call(this, m); };");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sets(WebDriver d) {
        return (List<Object>) js(d, "return window.sent.filter((m) => m.type === 'set').map((m) => m.state)");
    }

    private static String naWhy(WebDriver d, String key) {
        List<WebElement> found = d.findElements(By.cssSelector(".na-why[data-na-key='" + key + "']"));
        return found.isEmpty() ? null : found.get(0).getText();
    }

    @Test
    void picking_a_k_class_set_sends_only_the_data_set_and_the_menus_follow_the_server() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=circle&loss=bce");
            awaitFirstFrame(b);
            spyOnSends(b);
            b.findElement(By.cssSelector(".dataset[data-value='spiral-multi']")).click();
            await(b, d -> "ce".equals(js(d, "return window.playground.state().loss")));
            assertEquals(
                    List.of(java.util.Map.of("dataset", "spiral-multi")), sets(b), "the page sends the data set alone");
            // the loss menu greys out what derived.losses leaves out, the output menu every value (softmax comes with
            // ce)
            assertEquals(
                    List.of("ce"),
                    js(
                            b,
                            "return [...document.querySelectorAll('#loss option')].filter((o) => !o.disabled).map((o) => o.value)"));
            assertEquals(
                    List.of("auto"),
                    js(
                            b,
                            "return [...document.querySelectorAll('#outputActivation option')].filter((o) => !o.disabled).map((o) => o.value)"));
            assertEquals(
                    "auto (Softmax)",
                    js(b, "return document.querySelector('#outputActivation option[value=auto]').textContent"));
            // and back to two classes: bce is offered again
            b.findElement(By.cssSelector(".dataset[data-value='xor']")).click();
            await(
                    b,
                    d -> Boolean.FALSE.equals(
                            js(d, "return document.querySelector('#loss option[value=bce]').disabled")));
            assertEquals(
                    "auto (Tanh)",
                    js(b, "return document.querySelector('#outputActivation option[value=auto]').textContent"));
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void seed_xor_at_defaults_learns_and_the_page_shows_the_batch_in_effect() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=seed-xor");
            awaitFirstFrame(b);
            WebElement batch = b.findElement(By.id("batch-in-effect"));
            await(b, d -> batch.isDisplayed());
            assertEquals("4 used: the training set has 4 points", batch.getText());
            Browser.screenshot(b, "pagerules-seed-xor-en.png");
            b.findElement(By.cssSelector("[data-lang='ko']")).click();
            await(b, d -> batch.getText().contains("학습 세트의 점이 4개"));
            // the server's warning of it, said again in the new language
            await(b, d -> d.findElement(By.id("warning-list")).getText().contains("배치 크기 10"));
            Browser.screenshot(b, "pagerules-seed-xor-ko.png");
            // at the default batch 10 and learning rate, seed-xor learns (speed max: many epochs in a few seconds)
            b.get(server.base() + "/?dataset=seed-xor&speed=max");
            awaitFirstFrame(b);
            b.findElement(By.id("play-pause-button")).click();
            await(b, d -> Double.parseDouble(d.findElement(By.id("loss-train")).getText()) < 0.2);
            b.findElement(By.id("play-pause-button")).click();
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void the_single_neuron_reads_sigmoid_and_its_hidden_activation_does_not_apply() {
        inBrowser(1400, 900, false, b -> {
            b.get(
                    server.base()
                            + "/?batchSize=1&regDataset=seed-neuron&learningRate=0.1&networkShape=&problem=regression&loss=mse&outputActivation=sigmoid");
            awaitFirstFrame(b);
            await(b, d -> naWhy(d, "activation") != null);
            assertEquals("sigmoid", js(b, "return document.getElementById('outputActivation').value"));
            assertEquals(
                    "Sigmoid",
                    b.findElement(By.cssSelector("#network .output-activation")).getText());
            assertTrue(b.findElement(By.cssSelector("#network .output-node"))
                    .getAttribute("title")
                    .contains("Sigmoid"));
            assertEquals("does not apply: no hidden layer", naWhy(b, "activation"));
            assertEquals(Boolean.TRUE, js(b, "return document.getElementById('activation').disabled"));
            assertEquals(
                    "auto (Linear)",
                    js(b, "return document.querySelector('#outputActivation option[value=auto]').textContent"));
            fullPageScreenshot(b, "pagerules-003-neuron-en.png");
            b.findElement(By.cssSelector("[data-lang='ko']")).click();
            await(b, d -> "적용되지 않음: 은닉층이 없습니다".equals(naWhy(d, "activation")));
            assertEquals(
                    "시그모이드",
                    b.findElement(By.cssSelector("#network .output-activation")).getText());
            assertEquals(
                    "자동 (선형)",
                    js(b, "return document.querySelector('#outputActivation option[value=auto]').textContent"));
            fullPageScreenshot(b, "pagerules-003-neuron-ko.png");
            // a hidden layer added: the activation applies again
            b.findElement(By.id("add-layer")).click();
            await(b, d -> naWhy(d, "activation") == null);
            assertEquals(Boolean.FALSE, js(b, "return document.getElementById('activation').disabled"));
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void a_set_without_a_map_marks_the_controls_that_do_nothing_there_and_keeps_those_that_do() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=seed-digits");
            awaitFirstFrame(b);
            await(b, d -> naWhy(d, "noise") != null);
            assertEquals(
                    "does not apply: this data set's points are its own, noise changes nothing", naWhy(b, "noise"));
            assertEquals("does not apply: this data set has no 2-D map", naWhy(b, "showTestData"));
            assertEquals("does not apply: this data set has no 2-D map", naWhy(b, "discretize"));
            assertEquals(Boolean.TRUE, js(b, "return document.getElementById('noise').disabled"));
            assertEquals(Boolean.TRUE, js(b, "return document.getElementById('discretize').disabled"));
            // seed-digits is split into training and test, and drawn from the seed: those apply
            assertEquals(null, naWhy(b, "percTrainData"));
            assertEquals(null, naWhy(b, "regenerate"));
            assertFalse(b.findElement(By.id("regenerate-button"))
                    .getAttribute("class")
                    .contains("not-applying"));
            // no thumbnail pictures it: the data set in use is said in words, and the greyed menus come from derived
            assertTrue(
                    b.findElement(By.id("active-set")).getText().contains("16 inputs"),
                    b.findElement(By.id("active-set")).getText());
            assertEquals("32", String.valueOf(js(b, "return window.playground.derived().maxNeurons")));
            fullPageScreenshot(b, "pagerules-seed-digits-en.png");
            b.findElement(By.cssSelector("[data-lang='ko']")).click();
            await(b, d -> "적용되지 않음: 이 데이터 세트에는 2차원 지도가 없습니다".equals(naWhy(d, "discretize")));
            fullPageScreenshot(b, "pagerules-seed-digits-ko.png");
            // a 2-D set: everything applies, nothing is marked, the inputs are enabled again
            b.findElement(By.cssSelector(".dataset[data-value='circle']")).click();
            await(b, d -> d.findElements(By.cssSelector(".not-applying")).isEmpty());
            assertEquals(Boolean.FALSE, js(b, "return document.getElementById('noise').disabled"));
            assertFalse(b.findElement(By.id("active-set")).isDisplayed());
            assertNoConsoleErrors(b);
        });
    }
}
