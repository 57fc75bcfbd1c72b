package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.assertNoConsoleErrors;
import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.awaitSteady;
import static org.backprop.playground.testsupport.Browser.browser;
import static org.backprop.playground.testsupport.Browser.distinctColors;
import static org.backprop.playground.testsupport.Browser.fullPageScreenshot;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.backprop.playground.testsupport.Browser.map;
import static org.backprop.playground.testsupport.Browser.number;
import static org.backprop.playground.testsupport.Browser.quit;
import static org.backprop.playground.testsupport.Browser.screenshot;
import static org.backprop.playground.testsupport.Browser.stepFive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.PageServer;
import org.backprop.playground.web.App;
import org.backprop.playground.web.AppConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The playground page in a real browser: Debian's Chromium, headless, driven by Selenium, against
 * a real server on port 0 with its live {@code /ws}. Every run writes screenshots of the desktop
 * and phone views to {@code target/screenshots/}. There is no skip: a machine that runs the build
 * has Chromium, and a browser that cannot start fails the test.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("browser")
class PageBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    @Test
    void the_network_draws_fifteen_frames_a_second_and_the_last_frame_last() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/");
            awaitFirstFrame(b);
            b.findElement(By.id("play-pause-button")).click();
            await(b, d -> number(d, "return window.playground.epoch()") > 10);
            // the counts and the page's clock in one call, so the window is the page's own
            String counts =
                    "return [window.playground.frames(), window.playground.networkDraws().count, performance.now()]";
            List<?> before = (List<?>) js(b, counts);
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<?> after = (List<?>) js(b, counts);
            java.util.function.IntFunction<Double> delta =
                    i -> ((Number) after.get(i)).doubleValue() - ((Number) before.get(i)).doubleValue();
            long frames = Math.round(delta.apply(0)), draws = Math.round(delta.apply(1));
            double seconds = delta.apply(2) / 1000;
            String what = draws + " network draws and " + frames + " frames in " + seconds + " s";
            assertTrue(draws <= 16.5 * seconds, what);
            assertTrue(draws >= Math.min(frames, 7 * seconds), what);
            b.findElement(By.id("play-pause-button")).click();
            long last = awaitSteady(b);
            await(b, d -> number(d, "return window.playground.networkDraws().epoch") == last);
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void page_loads_without_errors_then_play_trains_and_draws() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=xor&networkShape=4,2&learningRate=0.03");
            awaitFirstFrame(b);
            assertEquals("000,000", b.findElement(By.id("epoch")).getText());
            assertEquals(1, distinctColors(b, "heatmap-grid") > 1 ? 1 : 0, "the output map is drawn before play");
            // the input neurons' pictures are the server's grids (data message), not computed in the page,
            // shown as images (static/js/still.js): read once the image has loaded
            await(
                    b,
                    d -> Boolean.TRUE.equals(
                            js(
                                    d,
                                    "const img = document.querySelector("
                                            + "'#network .node.input[data-feature=\"xSquared\"] img'); return img.complete && img.naturalWidth > 0;")));
            long featureColors = number(
                    b,
                    "const img = document.querySelector('#network .node.input[data-feature=\"xSquared\"] img');"
                            + "const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;"
                            + "c.getContext('2d').drawImage(img, 0, 0);"
                            + "const p = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const s = new Set();"
                            + "for (let i = 0; i < p.length; i += 4) s.add(((p[i] << 24) | (p[i + 1] << 16) | (p[i + 2] << 8) | p[i + 3]) >>> 0);"
                            + "return s.size;");
            assertTrue(featureColors > 5, "the X₁² thumbnail is painted: " + featureColors + " colours");
            long chartBefore = number(b, "return window.playground.chartPoints()");

            b.findElement(By.id("play-pause-button")).click();
            await(b, d -> number(d, "return window.playground.epoch()") > 30);
            await(b, d -> number(d, "return window.playground.chartPoints()") > chartBefore + 3);
            assertTrue(distinctColors(b, "heatmap-grid") > 10, "the output map is not uniform");
            assertTrue(distinctColors(b, "heatmap-points") > 3, "the points are drawn");
            assertTrue(b.findElement(By.id("play-pause-button"))
                    .getAttribute("class")
                    .contains("playing"));
            assertFalse(b.findElement(By.id("epoch")).getText().equals("000,000"));
            assertTrue(b.findElements(By.cssSelector("#network .hidden-neuron")).size() == 6);
            assertTrue(b.findElements(By.cssSelector("#network path.link")).size() == 2 * 4 + 4 * 2 + 2);
            screenshot(b, "desktop.png");

            // space pauses (not while typing in an input)
            b.findElement(By.tagName("body")).sendKeys(Keys.SPACE);
            await(
                    b,
                    d -> !(Boolean)
                            js(
                                    d,
                                    "return window.playground.state() && document.getElementById('play-pause-button').classList.contains('playing')"));
            long paused = awaitSteady(b);
            b.findElement(By.tagName("body")).sendKeys("s");
            await(b, d -> number(d, "return window.playground.epoch()") == paused + 1);
            b.findElement(By.tagName("body")).sendKeys("r");
            await(b, d -> number(d, "return window.playground.epoch()") == 0);
            // the count is written at the next tenth of a second (readout.js), not with the frame
            await(b, d -> "000,000".equals(d.findElement(By.id("epoch")).getText()));
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void changing_the_learning_rate_while_playing_keeps_the_epoch() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=circle");
            awaitFirstFrame(b);
            b.findElement(By.id("play-pause-button")).click();
            await(b, d -> number(d, "return window.playground.epoch()") > 20);
            long before = number(b, "return window.playground.epoch()");
            new Select(b.findElement(By.id("learningRate"))).selectByValue("0.1");
            await(b, d -> ((Number) js(d, "return window.playground.state().learningRate")).doubleValue() == 0.1);
            await(b, d -> d.getCurrentUrl().contains("learningRate=0.1&"));
            await(b, d -> number(d, "return window.playground.epoch()") > before + 20);
            assertTrue(number(b, "return window.playground.chartPoints()") > 5, "the chart was not started over");
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void adding_a_neuron_changes_the_network_view_and_training_goes_on() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=gauss&networkShape=4,2");
            awaitFirstFrame(b);
            b.findElement(By.id("play-pause-button")).click();
            await(b, d -> number(d, "return window.playground.epoch()") > 10);
            long before = number(b, "return window.playground.epoch()");
            assertEquals(
                    6, b.findElements(By.cssSelector("#network .hidden-neuron")).size());
            b.findElement(By.cssSelector("#network [data-add-neuron='0']")).click();
            await(
                    b,
                    d -> d.findElements(By.cssSelector("#network .hidden-neuron"))
                                    .size()
                            == 7);
            await(b, d -> d.getCurrentUrl().contains("networkShape=5,2&"));
            // the frames come from the 5-neuron net, and the epoch went on from where it was
            await(b, d -> number(d, "return (window.playground.layers() || [[]])[0].biases.length") == 5);
            await(b, d -> number(d, "return window.playground.epoch()") > before + 10);
            assertTrue(distinctColors(b, "heatmap-grid") > 10);
            assertEquals(
                    5,
                    b.findElements(By.cssSelector("#network .hidden-neuron[data-layer='0']"))
                            .size());

            // a new hidden layer appears too
            b.findElement(By.id("add-layer")).click();
            await(b, d -> d.getCurrentUrl().contains("networkShape=5,2,2&"));
            await(
                    b,
                    d -> js(d, "return document.getElementById('layers-label').textContent")
                            .equals("3 hidden layers"));
            assertNoConsoleErrors(b);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_output_map_the_page_has_after_many_frames_is_the_networks_output() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/");
            awaitFirstFrame(b);
            b.findElement(By.id("play-pause-button")).click();
            await(b, d -> number(d, "return window.playground.frames()") > 60); // most of them same or delta blocks
            b.findElement(By.tagName("body")).sendKeys(Keys.SPACE);
            awaitSteady(b);
            Map<String, Object> map = map(b, "return window.playground.outputMap()");
            List<Map<String, Object>> layers = (List<Map<String, Object>>) js(b, "return window.playground.layers()");
            List<Number> domain = (List<Number>) js(b, "return window.playground.domainOfFrame()");
            double min = ((Number) map.get("min")).doubleValue(),
                    step = (((Number) map.get("max")).doubleValue() - min) / 255,
                    worst = 0;
            List<Number> bytes = (List<Number>) map.get("bytes");
            int n = ((Number) map.get("width")).intValue();
            double lo = domain.get(0).doubleValue(), hi = domain.get(1).doubleValue(), gap = (hi - lo) / (n - 1);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double truth = output(layers, new double[] {lo + c * gap, hi - r * gap});
                    worst = Math.max(worst, Math.abs(min + bytes.get(r * n + c).intValue() * step - truth));
                }
            }
            System.out.printf(
                    "after %d frames the page's output map is at most %.5f from the network's (a step is %.5f)%n",
                    number(b, "return window.playground.frames()"), worst, step);
            // the server lets a block lag by one step before it sends it again; a byte is within half a step
            assertTrue(worst <= 1.5 * step + 1e-4, "worst " + worst + ", step " + step);
        });
    }

    /** The default network (inputs x and y) at one point, from the layers a frame shows. */
    @SuppressWarnings("unchecked")
    private static double output(List<Map<String, Object>> layers, double[] in) {
        double[] a = in;
        for (Map<String, Object> layer : layers) {
            List<List<Number>> w = (List<List<Number>>) layer.get("weights");
            List<Number> bias = (List<Number>) layer.get("biases");
            assertEquals("tanh", layer.get("activation"));
            double[] next = new double[w.size()];
            for (int o = 0; o < next.length; o++) {
                double z = bias.get(o).doubleValue();
                for (int i = 0; i < a.length; i++) z += w.get(o).get(i).doubleValue() * a[i];
                next[o] = Math.tanh(z);
            }
            a = next;
        }
        return a[0];
    }

    @Test
    void a_shared_link_reproduces_the_state_and_the_first_frames_in_a_new_browser() {
        String start =
                "/?dataset=spiral&networkShape=5,3&learningRate=0.1&activation=relu&noise=10&seed=class.42&xSquared=true";
        Map<String, Object> stateA;
        Map<String, Object> lossesA;
        String shared;
        ChromeDriver a = browser(1400, 900, false);
        try {
            a.get(server.base() + start);
            awaitFirstFrame(a);
            lossesA = stepFive(a);
            stateA = map(a, "return window.playground.state()");
            a.findElement(By.id("share-button")).click();
            await(a, d -> !d.findElements(By.cssSelector("#status .toast")).isEmpty());
            shared = a.getCurrentUrl();
            assertTrue(shared.contains("seed=class.42"), shared);
            assertTrue(shared.contains("networkShape=5,3"), shared);
            assertNoConsoleErrors(a);
        } finally {
            quit(a);
        }
        inBrowser(1400, 900, false, b -> {
            b.get(shared);
            awaitFirstFrame(b);
            assertEquals(stateA, map(b, "return window.playground.state()"));
            Map<String, Object> lossesB = stepFive(b);
            for (String epoch : List.of("0", "1", "2", "3", "4", "5")) {
                assertNotNull(lossesA.get(epoch), "run A has no frame at epoch " + epoch + ": " + lossesA);
                assertEquals(lossesA.get(epoch), lossesB.get(epoch), "epoch " + epoch);
            }
        });
    }

    @Test
    void a_tensorflow_playground_hash_link_opens_as_the_same_experiment() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/#activation=relu&batchSize=10&dataset=gauss&regDataset=reg-plane&learningRate=0.3"
                    + "&regularizationRate=0&noise=5&networkShape=3,3&seed=0.12345&showTestData=true&discretize=false"
                    + "&percTrainData=60&x=true&y=true&xTimesY=false&xSquared=true&ySquared=false&cosX=false&sinX=false"
                    + "&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false");
            awaitFirstFrame(b);
            Map<String, Object> s = map(b, "return window.playground.state()");
            assertEquals("relu", s.get("activation"));
            assertEquals("gauss", s.get("dataset"));
            assertEquals(List.of(3L, 3L), s.get("networkShape"));
            assertEquals("0.12345", s.get("seed"));
            assertEquals(Boolean.TRUE, s.get("xSquared"));
            assertEquals("60", String.valueOf(s.get("percTrainData")));
            String url = b.getCurrentUrl();
            assertFalse(url.contains("#"), url);
            assertTrue(url.contains("networkShape=3,3"), url);
            assertEquals(
                    "relu",
                    new Select(b.findElement(By.id("activation")))
                            .getFirstSelectedOption()
                            .getAttribute("value"));
            assertTrue(b.findElement(By.id("showTestData")).isSelected());
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void a_diverged_run_says_so_in_korean() {
        inBrowser(1400, 900, false, b -> {
            b.get(
                    server.base()
                            + "/?lang=ko&problem=regression&regDataset=reg-plane&activation=relu&learningRate=10&networkShape=8,8");
            awaitFirstFrame(b);
            b.findElement(By.id("play-pause-button")).click();
            await(
                    b,
                    d -> !d.findElements(By.cssSelector("#status [data-toast='diverged']"))
                            .isEmpty());
            String text = b.findElement(By.cssSelector("#status [data-toast='diverged']"))
                    .getText();
            assertTrue(
                    text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL),
                    text);
            assertFalse(text.contains("the network diverged"), text);
            // Korean wraps between words (a line ending in 낮 and the next starting 추고 reads as two words)
            assertEquals(
                    "keep-all",
                    js(
                            b,
                            "return getComputedStyle(document.querySelector(\"#status [data-toast='diverged']\")).wordBreak"));
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void hide_keys_hide_controls_and_lang_ko_shows_korean() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?lang=ko&learningRate_hide=true&noise_hide=true&playButton_hide=true&hideText=true"
                    + "&title=%EC%88%98%EC%97%85&goal=testLoss%3C0.2&noise=abc");
            awaitFirstFrame(b);
            assertFalse(b.findElement(By.id("learningRate")).isDisplayed());
            assertFalse(b.findElement(By.id("noise")).isDisplayed());
            assertFalse(b.findElement(By.id("play-pause-button")).isDisplayed());
            assertTrue(b.findElement(By.id("activation")).isDisplayed());
            assertFalse(b.findElement(By.id("article-text")).isDisplayed());
            assertEquals("ko", b.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals(
                    "역전파 놀이터", b.findElement(By.cssSelector(".app-header h1")).getText());
            assertEquals("에포크", b.findElement(By.cssSelector(".epoch .label")).getText());
            assertEquals(
                    "활성화 함수",
                    b.findElement(By.cssSelector("label[for='activation']")).getText());
            assertEquals("수업", b.findElement(By.id("exercise-title")).getText());
            // the bad noise value is named in view
            WebElement warnings = b.findElement(By.id("warnings"));
            assertTrue(warnings.isDisplayed());
            assertTrue(warnings.getText().contains("noise=abc"), warnings.getText());
            // and why, in Korean: the message's id and params through strings.json, not the English sentence
            assertTrue(
                    warnings.getText()
                            .codePoints()
                            .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL
                                    && warnings.getText().contains("abc")),
                    warnings.getText());
            assertFalse(warnings.getText().contains("is not a number"), warnings.getText());
            screenshot(b, "desktop-ko.png");

            // and back to English in place, without a reload
            b.findElement(By.cssSelector(".lang-button[data-lang='en']")).click();
            await(
                    b,
                    d -> d.findElement(By.cssSelector(".epoch .label"))
                            .getText()
                            .equalsIgnoreCase("Epoch"));
            await(b, d -> d.getCurrentUrl().contains("lang=en"));
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void a_refused_edit_shows_the_server_error_and_a_weight_edit_applies() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=circle&networkShape=3");
            awaitFirstFrame(b);
            b.findElement(By.cssSelector("#network .hidden-neuron[data-neuron='0'] .bias"))
                    .click();
            WebElement input = b.findElement(By.cssSelector("#network .weight-editor input"));
            assertTrue(input.isDisplayed());
            input.clear();
            input.sendKeys("1e9", Keys.ENTER);
            await(
                    b,
                    d -> !d.findElements(By.cssSelector("#status .toast.error")).isEmpty());
            assertTrue(b.findElement(By.cssSelector("#status .toast.error")).isDisplayed());

            b.findElement(By.cssSelector("#network .hidden-neuron[data-neuron='1'] .bias"))
                    .click();
            input = b.findElement(By.cssSelector("#network .weight-editor input"));
            input.clear();
            input.sendKeys("2.5", Keys.ENTER);
            await(b, d -> number(d, "return Math.round(window.playground.layers()[0].biases[1] * 10)") == 25);

            // a link: from input x (0) to hidden neuron 2, in weight layer 0
            b.findElement(By.cssSelector("#network path.link-hit[data-layer='0'][data-to='2'][data-from='0']"))
                    .click();
            input = b.findElement(By.cssSelector("#network .weight-editor input"));
            assertTrue(input.isDisplayed());
            assertEquals(
                    "Weight",
                    b.findElement(By.cssSelector("#network .weight-editor .editor-label"))
                            .getText());
            screenshot(b, "desktop-weight-editor.png");
            input.clear();
            input.sendKeys("-3", Keys.ENTER);
            await(b, d -> number(d, "return Math.round(window.playground.layers()[0].weights[2][0])") == -3);
            assertFalse(b.findElement(By.cssSelector("#network .weight-editor")).isDisplayed());

            // a neuron, large: the big map shows its 20 × 20 grid with a caption, and back
            b.findElement(By.cssSelector("#network .hidden-neuron[data-neuron='2']"))
                    .click();
            await(b, d -> d.findElement(By.id("heatmap-caption")).isDisplayed());
            assertEquals(20L, number(b, "return document.getElementById('heatmap-grid').width"));
            assertTrue(b.findElement(By.id("heatmap-caption-text")).getText().contains("Neuron 3"));
            screenshot(b, "desktop-neuron.png");
            b.findElement(By.id("heatmap-back")).click();
            await(b, d -> number(d, "return document.getElementById('heatmap-grid').width") == 100);
        });
    }

    @Test
    void picking_data_sets_and_problem_types_sends_what_they_need_along() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=circle&loss=bce");
            awaitFirstFrame(b);
            // a K-class set trains with cross-entropy: the page sends loss=ce with it
            b.findElement(By.cssSelector(".dataset[data-value='blobs']")).click();
            await(b, d -> d.getCurrentUrl().contains("dataset=blobs&"));
            assertEquals("ce", js(b, "return window.playground.state().loss"));
            await(
                    b,
                    d -> d.findElements(By.cssSelector("#network .output-node")).size() == 4);
            assertTrue(b.findElement(By.id("numClasses")).isDisplayed());
            new Select(b.findElement(By.id("numClasses"))).selectByValue("3");
            await(
                    b,
                    d -> d.findElements(By.cssSelector("#network .output-node")).size() == 3);

            // regression: its own thumbnails, a square loss, no accuracy
            new Select(b.findElement(By.id("problem"))).selectByValue("regression");
            await(b, d -> d.getCurrentUrl().contains("problem=regression"));
            assertEquals("square", js(b, "return window.playground.state().loss"));
            assertTrue(b.findElement(By.cssSelector(".dataset[data-value='reg-gauss']"))
                    .isDisplayed());
            assertFalse(
                    b.findElement(By.cssSelector(".dataset[data-value='xor']")).isDisplayed());
            assertFalse(b.findElement(By.id("accuracy-test")).isDisplayed());
            b.findElement(By.cssSelector(".dataset[data-value='reg-gauss']")).click();
            await(b, d -> d.getCurrentUrl().contains("regDataset=reg-gauss&"));

            // regenerate draws a new seed, which the address bar shows
            String seed = (String) js(b, "return window.playground.state().seed");
            b.findElement(By.id("regenerate-button")).click();
            await(b, d -> !seed.equals(js(d, "return window.playground.state().seed")));
            assertTrue(b.getCurrentUrl().contains("seed=" + js(b, "return window.playground.state().seed")));
            assertTrue(b.findElements(By.cssSelector("#status .toast.error")).isEmpty());
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void a_lost_connection_is_shown_and_the_page_reconnects_by_itself() {
        Javalin own = App.create(AppConfig.defaults()).start(0);
        int port = own.port();
        ChromeDriver b = browser(1400, 900, false);
        try {
            b.get("http://localhost:" + port + "/?dataset=xor&learningRate=0.1");
            awaitFirstFrame(b);
            own.stop();
            await(b, d -> !d.findElements(By.cssSelector("#status .toast.lost")).isEmpty());
            assertTrue(b.findElement(By.cssSelector("#status .toast.lost")).isDisplayed());
            own = App.create(AppConfig.defaults()).start(port);
            await(b, d -> (Boolean) js(d, "return window.playground.connected()"));
            await(b, d -> !d.findElements(By.cssSelector("#status .toast.ok")).isEmpty());
            // the new session has the page's state: same learning rate, frames again
            b.findElement(By.id("play-pause-button")).click();
            await(b, d -> number(d, "return window.playground.epoch()") > 5);
            assertEquals(0.1, ((Number) js(b, "return window.playground.state().learningRate")).doubleValue());
        } finally {
            quit(b);
            own.stop();
        }
    }

    @Test
    void the_phone_view_has_no_horizontal_scroll() {
        inBrowser(390, 844, true, b -> {
            b.get(server.base()
                    + "/?dataset=spiral-multi&loss=ce&networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&sinX=true");
            awaitFirstFrame(b);
            b.findElement(By.id("play-pause-button")).click();
            await(b, d -> number(d, "return window.playground.epoch()") > 10);
            assertEquals(390L, number(b, "return window.innerWidth"));
            long scrollWidth = number(b, "return document.documentElement.scrollWidth");
            assertTrue(scrollWidth <= 390, "the page is " + scrollWidth + " px wide on a 390 px phone");
            assertTrue(b.findElement(By.id("heatmap-grid")).isDisplayed());
            screenshot(b, "phone.png");
            fullPageScreenshot(b, "phone-full.png");
            assertNoConsoleErrors(b);
        });
    }
}
