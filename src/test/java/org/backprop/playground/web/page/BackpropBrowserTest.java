package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.assertNoConsoleErrors;
import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.awaitSteady;
import static org.backprop.playground.testsupport.Browser.fullPageScreenshot;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.backprop.playground.testsupport.Browser.number;
import static org.backprop.playground.testsupport.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.PageServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The backprop view in a real browser (the harness of {@link PageBrowserTest}): every tutorial preset
 * opened from its link, trained, gradient-checked and screenshot to {@code target/screenshots/preset-*.png};
 * seed 000's worked example stepped through to the tutorial's printed numbers, as the page shows them.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@Tag("browser")
class BackpropBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    static List<JsonNode> presets() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.base() + "/api/presets"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        List<JsonNode> list = new ArrayList<>();
        new ObjectMapper().readTree(r.body()).forEach(list::add);
        assertFalse(list.isEmpty(), "no presets");
        return list;
    }

    /** The text of every stage of the step-through, from the first to the last. */
    static List<String> stepThrough(ChromeDriver b) {
        List<String> stages = new ArrayList<>();
        await(
                b,
                d -> d.findElement(By.cssSelector("#step-body .bp-stage-title")).isDisplayed());
        while (true) {
            stages.add(b.findElement(By.id("step-body")).getText());
            WebElement next = b.findElement(By.id("step-next"));
            if (!next.isEnabled()) return stages;
            String count = b.findElement(By.id("step-count")).getText();
            next.click();
            await(b, d -> !d.findElement(By.id("step-count")).getText().equals(count));
        }
    }

    @Test
    void seed_000_worked_example_shows_the_tutorials_numbers_step_by_step() throws Exception {
        // X = [1, 2], y = 1; W1 = [[0.5, 0.3], [0.2, 0.4]], b1 = [0.1, 0.2]; W2 = [0.6, 0.7], b2 = 0.15:
        // Z1 = [1.2, 1.2], A1 = relu = [1.2, 1.2], Z2 = 0.6·1.2 + 0.7·1.2 + 0.15 = 1.71, A2 = σ(1.71) = 0.8468;
        // loss = −log 0.8468 = 0.1662; δ2 = A2 − y = −0.1532; dW2 = δ2 · A1 = −0.1838 each.
        JsonNode worked = presets().stream()
                .filter(p -> p.path("query").asText().contains("weights="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no preset with the worked example's weights"));
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?" + worked.path("query").asText());
            awaitFirstFrame(b);
            // the fields' hints are the worked example's sample: empty fields take them
            assertEquals("1, 2", b.findElement(By.id("own-input")).getAttribute("placeholder"));
            assertEquals("1", b.findElement(By.id("own-target")).getAttribute("placeholder"));
            b.findElement(By.id("own-inspect-button")).click();
            List<String> stages = stepThrough(b);
            // forward 1, forward 2, loss, backward 2, backward 1, update
            assertEquals(6, stages.size(), String.join("\n----\n", stages));
            assertTrue(stages.get(1).contains("0.8468"), stages.get(1));
            assertTrue(stages.get(2).contains("0.1662"), stages.get(2));
            assertTrue(stages.get(3).contains("−0.1532"), stages.get(3));
            assertTrue(stages.get(3).contains("−0.1838"), stages.get(3));
            String after =
                    b.findElement(By.cssSelector("#step-body .bp-loss-after")).getText();
            assertTrue(Double.parseDouble(after) < 0.1662, "one SGD step on the sample lowers its loss: " + after);
            // the panel names the epoch its weights were taken at; its compact network lights every column at the
            // update
            assertEquals(
                    "Weights of epoch 000,000",
                    b.findElement(By.id("step-epoch")).getText());
            assertEquals(2L, number(b, "return document.querySelectorAll('#step-net .sn-column.lit').length"));
            // the output layer has one name in both views: the network's "Output"
            assertTrue(stages.get(1).startsWith("Forward · Output (sigmoid)"), stages.get(1));
            assertTrue(stages.get(0).startsWith("Forward · layer 1 (relu)"), stages.get(0));
            // the update stage lights the whole network; back one step lights the first layer alone
            assertEquals(3L, number(b, "return document.querySelectorAll('#network .node.active').length"));

            b.findElement(By.id("step-prev")).click();
            await(b, d -> number(d, "return document.querySelectorAll('#network .node.active').length") == 2);
            b.findElement(By.id("step-prev")).click();
            await(b, d -> d.findElement(By.id("step-body")).getText().contains("−0.1838"));
            // backward through the output: the compact copy lights the output column alone
            assertEquals("2", js(b, "return document.querySelector('#step-net .sn-column.lit').dataset.column"));
            b.executeScript("document.getElementById('backprop').scrollIntoView()");
            screenshot(b, "preset-000-worked-example.png");
            // after training goes on the panel says its numbers are older; refresh takes them again, on the same stage
            String stage = b.findElement(By.id("step-count")).getText();
            b.findElement(By.id("step-button")).click();
            await(b, d -> d.findElement(By.id("step-epoch")).getText().contains("000,001"));
            assertTrue(b.findElement(By.id("step-epoch")).getAttribute("class").contains("stale"));
            b.findElement(By.id("step-refresh")).click();
            await(b, d -> d.findElement(By.id("step-epoch")).getText().equals("Weights of epoch 000,001"));
            assertEquals(stage, b.findElement(By.id("step-count")).getText());
            screenshot(b, "preset-000-worked-example-refreshed.png");
            fullPageScreenshot(b, "preset-000-worked-example-full.png");
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void seed_004_updates_show_the_tutorials_printed_weights() throws Exception {
        // 004, one sigmoid neuron: X = [0.5, 0.8], y = 1, W = [0.2, 0.4], lr 0.1, L = ½(y − r)²:
        // z = 0.42, r = σ(z) = 0.6035, δ = (r − y)·r(1 − r) = −0.0949, W − 0.1·δX = [0.20474415, 0.40759064].
        // 004, 2-2-1 ReLU, lr 0.01: W2 → [0.5004928, 0.6011264]; W1 (numpy's in × out) →
        // [[0.20044, 0.400528], [0.100704, 0.3008448]], so ours (out × in) → [[0.2004, 0.1007], [0.4005, 0.3008]].
        java.util.Map<String, List<String>> printed = java.util.Map.of(
                "004-neuron", List.of("0.2000 → 0.2047", "0.4000 → 0.4076"),
                "004-relu",
                        List.of(
                                "0.5000 → 0.5005",
                                "0.6000 → 0.6011",
                                "0.2000 → 0.2004",
                                "0.1000 → 0.1007",
                                "0.4000 → 0.4005",
                                "0.3000 → 0.3008"));
        for (var entry : printed.entrySet()) {
            JsonNode preset = presets().stream()
                    .filter(p -> p.path("id").asText().equals(entry.getKey()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no preset " + entry.getKey()));
            inBrowser(1400, 900, false, b -> {
                b.get(server.base() + "/?" + preset.path("query").asText());
                awaitFirstFrame(b);
                b.findElement(By.id("inspect-button")).click();
                List<String> stages = stepThrough(b);
                String update = stages.get(stages.size() - 1);
                for (String expected : entry.getValue()) {
                    assertTrue(update.contains(expected), entry.getKey() + ": no " + expected + " in\n" + update);
                }
                assertNoConsoleErrors(b);
            });
        }
    }

    @Test
    void every_preset_trains_passes_the_gradient_check_and_steps_through_a_sample() throws Exception {
        for (JsonNode preset : presets()) {
            String id = preset.path("id").asText();
            inBrowser(1400, 1000, false, b -> {
                try {
                    b.get(server.base() + "/?" + preset.path("query").asText());
                    awaitFirstFrame(b);
                    assertRunsAsWritten(b, id, preset.path("query").asText());
                    if (id.equals("001-digits"))
                        assertEquals(List.of(32L, 16L), drawnLayers(b), "the tutorial's 16-32-16-2");
                    assertGradientCorrect(b, id + " at epoch 0");
                    // a few epochs, then check again: not after thousands, where a converged net's gradient
                    // (~1e-10) is below what central differences in double can resolve
                    for (int i = 1; i <= 5; i++) {
                        long target = i;
                        b.findElement(By.id("step-button")).click();
                        await(b, d -> number(d, "return window.playground.epoch()") == target);
                    }
                    assertTrue(
                            number(b, "return window.playground.ratioPoints()") > 0, id + ": the ratio chart is empty");
                    assertGradientCorrect(b, id + " at epoch 5");
                    b.findElement(By.id("play-pause-button")).click();
                    await(b, d -> number(d, "return window.playground.epoch()") > 200);
                    b.findElement(By.id("play-pause-button")).click();
                    awaitSteady(b);

                    // a sample: a click on a training point where there is a map, else by its number
                    boolean twoD = (Boolean)
                            js(
                                    b,
                                    "return !!document.getElementById('no-map').hidden && document.getElementById('sample-view').hidden");
                    if (twoD) {
                        clickFirstTrainingPoint(b);
                    } else {
                        assertTrue(
                                b.findElement(By.id("sample-view")).isDisplayed(), id + ": no view instead of the map");
                        b.findElement(By.id("inspect-button")).click();
                    }
                    List<String> stages = stepThrough(b);
                    assertTrue(stages.size() >= 4, id + ": " + stages);
                    assertTrue(stages.get(0).contains("z^[1]"), stages.get(0));

                    b.findElement(By.id("gradient-view")).click();
                    await(
                            b,
                            d -> d.findElement(By.id("gradient-legend"))
                                    .getText()
                                    .contains("dL/dw"));
                    String name = "preset-" + id.replaceAll("[^A-Za-z0-9_.-]", "_");
                    b.executeScript("window.scrollTo(0, 0)");
                    screenshot(b, name + ".png");
                    fullPageScreenshot(b, name + "-full.png");
                    assertNoConsoleErrors(b);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(
                            "preset " + id + " (" + preset.path("query").asText() + "): " + e.getMessage(), e);
                }
            });
        }
    }

    @Test
    void the_tutorials_menu_opens_a_preset_as_a_link_in_korean_too() throws Exception {
        JsonNode first = presets().get(0);
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?lang=ko");
            awaitFirstFrame(b);
            await(b, d -> number(d, "return document.querySelectorAll('#tutorials option').length") > 1);
            String option = b.findElement(By.cssSelector(
                            "#tutorials option[value='" + first.path("id").asText() + "']"))
                    .getText();
            assertTrue(option.contains(first.path("titleKo").asText()), option);
            String before = b.getCurrentUrl();
            new org.openqa.selenium.support.ui.Select(b.findElement(By.id("tutorials")))
                    .selectByValue(first.path("id").asText());
            await(b, d -> !d.getCurrentUrl().equals(before));
            awaitFirstFrame(b);
            // the menu names the preset the page now is
            await(b, d -> first.path("id").asText().equals(js(d, "return document.getElementById('tutorials').value")));
            assertEquals(
                    "기울기 보기",
                    b.findElement(By.cssSelector("label[title] [data-i18n='bp.gradientView']"))
                            .getText());
            b.findElement(By.id("inspect-button")).click();
            List<String> stages = stepThrough(b);
            assertTrue(stages.get(stages.size() - 1).contains("업데이트"), stages.get(stages.size() - 1));
            b.findElement(By.id("gradcheck-button")).click();
            await(b, d -> d.findElement(By.id("gradcheck-result")).getText().contains("정확"));
            b.executeScript("document.getElementById('backprop').scrollIntoView()");
            screenshot(b, "desktop-ko-backprop.png");
            assertNoConsoleErrors(b);
        });
    }

    /** 001's digits net, 16-32-16-2, readable on a desktop of 1400×900 and on a 390×844 phone. */
    @Test
    void the_digits_preset_fits_a_desktop_and_a_phone() throws Exception {
        JsonNode digits = presets().stream()
                .filter(p -> p.path("id").asText().equals("001-digits"))
                .findFirst()
                .orElseThrow();
        for (int[] size : new int[][] {{1400, 900}, {390, 844}}) {
            boolean phone = size[0] < 500;
            inBrowser(size[0], size[1], phone, b -> {
                b.get(server.base() + "/?" + digits.path("query").asText());
                awaitFirstFrame(b);
                assertRunsAsWritten(b, "001-digits", digits.path("query").asText());
                assertEquals(List.of(32L, 16L), drawnLayers(b));
                // neurons do not overlap: each a distinct row of its column
                assertTrue(
                        number(
                                        b,
                                        "const ns = [...document.querySelectorAll('#network .hidden-neuron[data-layer=\"0\"]')];"
                                                + "return ns.slice(1).every((n, i) => n.getBoundingClientRect().top >= ns[i].getBoundingClientRect().bottom) ? 1 : 0")
                                == 1,
                        "the 32 neurons overlap");
                long scrollWidth = number(b, "return document.documentElement.scrollWidth");
                assertTrue(scrollWidth <= size[0], "the page is " + scrollWidth + " px wide at " + size[0]);
                // the + button is live up to the map-less limit and a 2-D set keeps 8
                assertTrue(
                        (Boolean) js(
                                b,
                                "return document.querySelector('#network [data-add-neuron=\"1\"]').disabled === false"),
                        "+ on the 16-neuron layer");
                assertTrue(
                        (Boolean) js(
                                b,
                                "return document.querySelector('#network [data-add-neuron=\"0\"]').disabled === true"),
                        "+ on the 32-neuron layer");
                b.executeScript("document.getElementById('network').scrollIntoView()");
                screenshot(b, "preset-001-digits-" + size[0] + "x" + size[1] + ".png");
                if (!phone) {
                    // a 2-D set takes the page's click: the layers come down to 8 (the page sends the fix along), no
                    // error
                    b.findElement(By.cssSelector(".dataset[data-value='xor']")).click();
                    await(b, d -> "xor".equals(js(d, "return window.playground.state().dataset")));
                    assertEquals(List.of(8L, 8L), js(b, "return window.playground.state().networkShape"));
                    await(b, d -> List.of(8L, 8L).equals(drawnLayers((ChromeDriver) d)));
                    assertTrue(
                            b.findElements(By.cssSelector("#status .toast.error"))
                                    .isEmpty(),
                            "an error: " + b.findElement(By.id("status")).getText());
                    assertTrue(
                            (Boolean)
                                    js(
                                            b,
                                            "return document.querySelector('#network [data-add-neuron=\"1\"]').disabled === true"),
                            "+ stops at 8 on a 2-D set");
                    assertNetworkInsideItsView(b, "xor after digits");
                }
                assertNoConsoleErrors(b);
            });
        }
    }

    @Test
    void the_phone_view_with_the_step_through_open_has_no_horizontal_scroll() {
        inBrowser(390, 844, true, b -> {
            b.get(server.base() + "/?dataset=xor&networkShape=8,8,8&activation=relu");
            awaitFirstFrame(b);
            b.findElement(By.id("step-button")).click();
            await(b, d -> number(d, "return window.playground.epoch()") == 1);
            b.findElement(By.id("sample-index")).clear();
            b.findElement(By.id("sample-index")).sendKeys("3");
            b.findElement(By.id("inspect-button")).click();
            List<String> stages = stepThrough(b);
            // four weight layers: 4 forward, the loss, 4 backward, the update
            assertEquals(10, stages.size(), String.valueOf(stages.size()));
            b.findElement(By.id("step-prev")).click();
            b.findElement(By.id("gradcheck-button")).click();
            await(
                    b,
                    d -> !d.findElements(By.cssSelector("#gradcheck-result li")).isEmpty());
            long scrollWidth = number(b, "return document.documentElement.scrollWidth");
            assertTrue(scrollWidth <= 390, "the page is " + scrollWidth + " px wide on a 390 px phone");
            // step 9, backward through layer 1: its dW table (neuron, δ, two dW, db) fits without scrolling
            assertEquals(
                    1L,
                    number(
                            b,
                            "const w = [...document.querySelectorAll('#stepper .bp-table-wrap')];"
                                    + "return w.length > 0 && w.every(t => t.scrollWidth <= t.clientWidth) ? 1 : 0"),
                    "a dW table scrolls sideways");
            b.executeScript("document.getElementById('stepper').scrollIntoView()");
            screenshot(b, "phone-step-through.png");
            fullPageScreenshot(b, "phone-backprop-full.png");
            assertNoConsoleErrors(b);
        });
    }

    /** Runs the gradient check from its button; every layer must be marked correct. */
    /** No limit warning, and the network drawn is the preset's own: its hidden layers, every neuron inside the view. */
    static void assertRunsAsWritten(ChromeDriver b, String id, String query) {
        assertEquals(
                0L,
                number(b, "return document.getElementById('warning-list').children.length"),
                id + ": warned " + b.findElement(By.id("warning-list")).getText());
        String shape = query.replaceAll(".*networkShape=([0-9,]*).*", "$1");
        List<Long> sizes = shape.isEmpty()
                ? List.of()
                : java.util.Arrays.stream(shape.split(",")).map(Long::valueOf).toList();
        assertEquals(sizes, drawnLayers(b), id + ": the hidden layers drawn");
        assertNetworkInsideItsView(b, id);
    }

    /** The hidden neurons drawn per layer. */
    @SuppressWarnings("unchecked")
    static List<Long> drawnLayers(ChromeDriver b) {
        return (List<Long>)
                js(
                        b,
                        "const n = window.playground.state().networkShape.length;"
                                + "return Array.from({length: n}, (_, l) => document.querySelectorAll('#network .hidden-neuron[data-layer=\"' + l + '\"]').length)");
    }

    /** Every node and layer head lies inside the network view, which does not scroll sideways. */
    static void assertNetworkInsideItsView(ChromeDriver b, String what) {
        Object outside = js(
                b,
                "const c = document.getElementById('network'); const r = c.getBoundingClientRect();"
                        + "const bad = [...c.querySelectorAll('.node, .layer-head')].filter((n) => { const q = n.getBoundingClientRect();"
                        + " return q.left < r.left - 1 || q.right > r.right + 1 || q.top < r.top - 1 || q.bottom > r.bottom + 1; });"
                        + "return bad.length ? bad.length + ' outside, e.g. ' + bad[0].className + ' ' + bad[0].style.cssText : null;");
        assertEquals(null, outside, what + ": the network overflows its view");
        assertTrue(
                number(b, "const c = document.getElementById('network'); return c.scrollWidth - c.clientWidth") <= 0,
                what);
    }

    static void assertGradientCorrect(ChromeDriver b, String what) {
        js(b, "window.__gradcheckBefore = window.playground.gradcheck()");
        b.findElement(By.id("gradcheck-button")).click();
        await(b, d -> (Boolean) js(d, "return window.playground.gradcheck() !== window.__gradcheckBefore"));
        await(b, d -> !d.findElements(By.cssSelector("#gradcheck-result li")).isEmpty());
        for (WebElement li : b.findElements(By.cssSelector("#gradcheck-result li"))) {
            assertEquals(
                    "correct",
                    li.getAttribute("data-verdict"),
                    what + ": " + li.getText().replace('\n', ' '));
        }
    }

    /** Clicks the first training point of the data message on the output map, as a person would. */
    static void clickFirstTrainingPoint(ChromeDriver b) {
        b.executeScript("document.getElementById('heatmap').scrollIntoView({block: 'center'})");
        WebElement canvas = b.findElement(By.id("heatmap-points"));
        @SuppressWarnings("unchecked")
        List<Number> offset = (List<Number>)
                js(
                        b,
                        "const r = document.getElementById('heatmap-points').getBoundingClientRect();"
                                + "const p = window.playground.point(0); const [lo, hi] = p.domain;"
                                + "return [(p.x - lo) / (hi - lo) * r.width - r.width / 2, (hi - p.y) / (hi - lo) * r.height - r.height / 2];");
        new Actions(b)
                .moveToElement(canvas, offset.get(0).intValue(), offset.get(1).intValue())
                .click()
                .perform();
        await(b, d -> d.findElement(By.id("stepper")).isDisplayed());
        await(
                b,
                d -> Long.valueOf(0)
                        .equals(js(
                                d, "return window.playground.inspection() && window.playground.inspection().index")));
    }
}
