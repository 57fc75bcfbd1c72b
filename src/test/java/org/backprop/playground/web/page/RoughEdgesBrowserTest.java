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

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.Browser;
import org.backprop.playground.testsupport.PageServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The defects a new user hit (issue 15's list), each with its reproduction, in a real browser. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@Tag("browser")
class RoughEdgesBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    /** The distinct rgb() colours of the legend bar's background. */
    static long legendColours(org.openqa.selenium.WebDriver b) {
        return number(
                b,
                "return new Set(getComputedStyle(document.getElementById('legend-bar')).backgroundImage.match(/rgb\\([^)]*\\)/g)).size");
    }

    @Test
    void two_classes_show_two_colours_in_the_legend() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=blobs&numClasses=2");
            awaitFirstFrame(b);
            await(b, d -> number(d, "return window.playground.derived() ? 1 : 0") == 1);
            assertEquals(2, legendColours(b));
            b.get(server.base() + "/?dataset=blobs&numClasses=3");
            awaitFirstFrame(b);
            assertEquals(3, legendColours(b));
            screenshot(b, "legend-3-classes.png");
        });
    }

    @Test
    void controls_that_appear_move_nothing_below_them() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=circle");
            awaitFirstFrame(b);
            // from the top of its own column: a warnings box above the columns (the loss the set forces) moves them all
            String top = "const e = document.querySelector(arguments[0]);"
                    + "return Math.round(e.getBoundingClientRect().top - e.closest('.column').getBoundingClientRect().top)";
            long slider = (Long) js(b, top, "#percTrainData");
            b.findElement(By.cssSelector(".dataset[data-value='blobs']")).click();
            await(b, d -> d.findElement(By.id("numClasses")).isDisplayed());
            assertEquals(slider, js(b, top, "#percTrainData"), "the Classes menu pushed the sliders");
            long network = (Long) js(b, top, "#network");
            b.findElement(By.id("gradient-view")).click();
            await(
                    b,
                    d -> ((String) js(d, "return document.getElementById('gradient-legend').textContent"))
                            .contains("dL/dw"));
            assertEquals(network, js(b, top, "#network"), "the gradient legend pushed the network");
        });
    }

    @Test
    void a_warning_that_arrives_while_the_page_is_in_use_shifts_nothing() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=circle");
            awaitFirstFrame(b);
            // Chromium's own measure: every layout shift from here on, those right after an input too
            // (the warning arrives with the server's answer to the click, inside the 500 ms CLS forgives)
            js(
                    b,
                    "window.shifts = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.shifts.push("
                            + "{ value: e.value, what: e.sources.map((s) => s.node ? (s.node.id || s.node.className || s.node.nodeName) : '?').join(' ') }); })"
                            + ".observe({ type: 'layout-shift' });");
            String top =
                    "return Math.round(document.querySelector(arguments[0]).getBoundingClientRect().top + scrollY)";
            long columns = (Long) js(b, top, "#main-part");
            assertFalse(b.findElement(By.id("warnings")).isDisplayed(), "circle has no warning");
            b.findElement(By.cssSelector(".dataset[data-value='blobs']")).click();
            await(b, d -> d.findElement(By.id("warnings")).isDisplayed());
            PageBench.sleep(500); // a shift is reported at the frame after it
            assertEquals(List.of(), js(b, "return window.shifts.filter((s) => s.value > 0)"), "layout shifts");
            assertEquals(columns, js(b, top, "#main-part"), "the warnings box pushed the columns down");
            screenshot(b, "warning-over-the-page.png");
        });
    }

    @Test
    void on_a_phone_the_data_sets_sit_under_the_map_and_the_main_controls_are_44_px() {
        inBrowser(390, 844, true, b -> {
            b.get(server.base() + "/");
            awaitFirstFrame(b);
            long gap = number(
                    b,
                    "return Math.round(document.querySelector('.dataset').getBoundingClientRect().top"
                            + " - document.getElementById('heatmap').getBoundingClientRect().bottom)");
            // the map's bottom and the first data set within one screen: a tap there shows its effect
            assertTrue(gap >= 0 && gap < 844 / 2, "the data sets are " + gap + " px under the map");
            String small = (String) js(
                    b,
                    "return ['#reset-button', '#play-pause-button', '#step-button', '.step-more-button', '.dataset',"
                            + " '#add-layer', '#remove-layer', '.neuron-buttons button', '#showTestData', '#gradient-view', '.point-tools button'].flatMap((s) => [...document.querySelectorAll(s)])"
                            + ".filter((e) => e.getClientRects().length > 0).map((e) => { const r = (e.closest('label') || e).getBoundingClientRect(); return [e.id || e.className, Math.round(r.width), Math.round(r.height)]; })"
                            + ".filter(([, w, h]) => w < 44 || h < 44).map((x) => x.join(' ')).join('; ')");
            assertEquals("", small, "main controls under 44 px on a phone");
            screenshot(b, "phone-map-and-data.png");
        });
    }

    @Test
    void on_a_phone_six_layers_keep_44_px_layer_buttons_that_do_not_overlap() {
        inBrowser(390, 844, true, b -> {
            b.get(server.base() + "/?networkShape=2,2,2,2,2,2");
            awaitFirstFrame(b);
            Map<?, ?> r = (Map<?, ?>) js(b, """
                    const bs = [...document.querySelectorAll('.neuron-buttons button')].map((e) => e.getBoundingClientRect());
                    const cut = (a, c) => Math.max(0, Math.min(a.right, c.right) - Math.max(a.left, c.left)) * Math.max(0, Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top));
                    let overlaps = 0;
                    for (let i = 0; i < bs.length; i++) for (let j = i + 1; j < bs.length; j++) if (cut(bs[i], bs[j]) > 0) overlaps++;
                    const nodes = [...document.querySelectorAll('#network .node')].map((e) => e.getBoundingClientRect());
                    const under = bs.filter((q) => nodes.some((n) => cut(q, n) > 0)).length;
                    return { buttons: bs.length, smallest: Math.min(...bs.map((q) => Math.min(q.width, q.height))), overlaps, under };
                    """);
            assertEquals(12L, r.get("buttons"), r.toString());
            assertTrue(((Number) r.get("smallest")).doubleValue() >= 44, "a layer button under 44 px: " + r);
            assertEquals(0L, r.get("overlaps"), "layer buttons on top of each other: " + r);
            assertEquals(0L, r.get("under"), "layer buttons over the neurons: " + r);
            js(b, "document.getElementById('network').scrollIntoView()");
            screenshot(b, "phone-six-layers.png");
        });
    }

    @Test
    void on_a_phone_a_small_map_keeps_the_output_in_sight_while_the_map_is_scrolled_away() {
        inBrowser(390, 844, true, b -> {
            b.get(server.base() + "/");
            awaitFirstFrame(b);
            // at the page's top the copy would sit on the title: none while the header shows
            js(
                    b,
                    "return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 200))))"); // the observers have reported
            assertFalse(b.findElement(By.id("mini-map")).isDisplayed(), "the small map over the page's title");
            js(b, "document.getElementById('heatmap').scrollIntoView({ block: 'center' })");
            await(b, d -> !d.findElement(By.id("mini-map")).isDisplayed());
            // down the whole page a screen at a time: wherever the copy shows, nothing tappable lies under it
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> sweep = (java.util.Map<String, Object>) js(b, """
                    const tappable = 'button, a[href], input, select, textarea, label, summary, [role="button"], [tabindex]:not([tabindex="-1"]), .dataset';
                    const mini = document.getElementById('mini-map'), frame = () => new Promise((d) => requestAnimationFrame(() => requestAnimationFrame(d)));
                    let shown = 0, covering = [];
                    for (let y = 0; y < document.documentElement.scrollHeight; y += 120) {
                      scrollTo(0, y);
                      await frame(); // Chromium may dispatch a script's scroll a frame late: the page looks again in the frame after it
                      await frame();
                      if (mini.hidden) continue;
                      shown++;
                      const r = mini.getBoundingClientRect();
                      for (const [x, yy] of [[r.left + 1, r.top + 1], [r.right - 1, r.top + 1], [r.left + 1, r.bottom - 1], [r.right - 1, r.bottom - 1], [(r.left + r.right) / 2, (r.top + r.bottom) / 2]]) {
                        for (const e of document.elementsFromPoint(x, yy)) if (!mini.contains(e) && e.closest(tappable)) covering.push(y + ': ' + (e.id || e.className || e.tagName));
                      }
                    }
                    return { shown, covering };""");
            System.out.println("the small map over a page scrolled a screen at a time: " + sweep);
            assertTrue(((Number) sweep.get("shown")).intValue() > 0, "the small map never showed: " + sweep);
            assertEquals(java.util.List.of(), sweep.get("covering"), "the small map lies over something to tap");
            // by the Regenerate button, under the sliders, the map is above the screen: its copy sits in the free
            // corner beside it
            js(b, "document.getElementById('regenerate-button').scrollIntoView({ block: 'start' })");
            await(b, d -> d.findElement(By.id("mini-map")).isDisplayed());
            String inView = "const r = document.getElementById('mini-map').getBoundingClientRect();"
                    + "return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.width >= 44";
            assertEquals(true, js(b, inView), "the small map is on screen and a target a thumb can tap");
            String overMap =
                    "const a = document.getElementById('mini-map').getBoundingClientRect(), m = document.getElementById('heatmap').getBoundingClientRect();"
                            + "return Math.min(a.bottom, m.bottom) > Math.max(a.top, m.top) && Math.min(a.right, m.right) > Math.max(a.left, m.left)";
            assertEquals(false, js(b, overMap), "the small map covers the map it copies");
            await(b, d -> Browser.distinctColors(d, "mini-map-canvas") > 10);
            String picture = "return document.getElementById('mini-map-canvas').toDataURL()";
            String circle = (String) js(b, picture);
            // a tap on another data set shows in the copy
            WebElement xor = b.findElement(By.cssSelector(".dataset[data-value='xor']"));
            js(b, "arguments[0].scrollIntoView({ block: 'start' })", xor);
            xor.click();
            await(b, d -> "xor".equals(js(d, "return window.playground.state().dataset")));
            js(b, "document.getElementById('regenerate-button').scrollIntoView({ block: 'start' })");
            await(b, d -> d.findElement(By.id("mini-map")).isDisplayed() && !circle.equals(js(d, picture)));
            screenshot(b, "phone-mini-map.png");
            // tapping the copy brings the map itself into view, and the copy goes
            b.findElement(By.id("mini-map")).click();
            // a smooth scroll: the copy goes once half the map shows, the map is whole on screen at the scroll's end
            await(b, d -> !d.findElement(By.id("mini-map")).isDisplayed());
            await(b, d -> (Boolean) js(
                    d,
                    "const r = document.getElementById('heatmap').getBoundingClientRect();"
                            + "return r.top >= 0 && r.bottom <= innerHeight"));
            assertNoConsoleErrors(b);
        });
        // a desktop shows the map beside the controls: no copy, wherever the page is scrolled
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/");
            awaitFirstFrame(b);
            js(b, "window.scrollTo(0, document.body.scrollHeight)");
            PageBench.sleep(500);
            assertFalse(b.findElement(By.id("mini-map")).isDisplayed(), "a small map on a desktop");
        });
    }

    @Test
    void the_update_ratio_says_what_a_low_ratio_means_after_convergence_and_draws_it_unclipped() {
        String help =
                "return [...document.querySelectorAll('.bp-note')].map((e) => e.textContent).find((t) => t.includes('‖Δw‖')) || ''";
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/");
            awaitFirstFrame(b);
            String en = (String) js(b, help);
            assertTrue(
                    en.contains("once the loss has stopped falling, a low ratio only says the network has settled"),
                    en);
            assertFalse(en.contains("learning is too slow"), en);
            // a settled network: ratios falling from the band to 10⁻⁸, fed to a fresh chart
            Map<?, ?> r = (Map<?, ?>) b.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/js/ratio-chart.js').then(({ RatioChart }) => {
                      const box = document.createElement('div');
                      box.style.cssText = 'position:fixed;left:0;top:0;width:600px;height:200px;background:#fff;z-index:99';
                      const canvas = document.createElement('canvas');
                      box.appendChild(canvas);
                      document.body.appendChild(box);
                      const chart = new RatioChart(canvas, (l) => `layer ${l}`);
                      for (let e = 1; e <= 200; e++) chart.add(e, [1e-3 * Math.pow(1e-5, e / 200), 2e-3 * Math.pow(1e-5, e / 200)]);
                      requestAnimationFrame(() => setTimeout(() => {
                        const c = chart.chart, y = c.scales.y, last = c.data.datasets[0].data.at(-1);
                        done({ last: last.y, min: y.min, lastPx: y.getPixelForValue(last.y), floorPx: y.getPixelForValue(1e-6), bottom: c.chartArea.bottom });
                      }, 0));
                    }, (e) => done({ error: String(e) }));
                    """);
            assertEquals(
                    1e-8,
                    ((Number) r.get("last")).doubleValue(),
                    1e-10,
                    "the last ratio as it is, not raised to a floor: " + r);
            double lastPx = ((Number) r.get("lastPx")).doubleValue();
            assertTrue(
                    lastPx > ((Number) r.get("floorPx")).doubleValue() + 10
                            && lastPx <= ((Number) r.get("bottom")).doubleValue(),
                    "10⁻⁸ is drawn inside the chart, well below 10⁻⁶: " + r);
            b.get(server.base() + "/?lang=ko");
            awaitFirstFrame(b);
            String ko = (String) js(b, help);
            assertTrue(ko.contains("손실이 더 줄지 않게 된 뒤의 낮은 비율은 신경망이 수렴했다는"), ko);
        });
    }

    @Test
    void a_divergence_is_one_toast_with_one_number_even_after_another_play() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?problem=regression&activation=relu&learningRate=10&networkShape=8,8");
            awaitFirstFrame(b);
            b.findElement(By.id("play-pause-button")).click();
            await(
                    b,
                    d -> !d.findElements(By.cssSelector("#status [data-toast='diverged']"))
                            .isEmpty());
            PageBench.sleep(1500); // the state's notice and the frames after it
            String toasts = "return [...document.querySelectorAll('#status .toast')].map((t) => t.textContent)";
            assertEquals(1, ((List<?>) js(b, toasts)).size(), String.valueOf(js(b, toasts)));
            b.findElement(By.id("play-pause-button")).click(); // refused by the server: diverged
            PageBench.sleep(1500);
            List<?> after = (List<?>) js(b, toasts);
            assertEquals(1, after.size(), String.valueOf(after));
            assertTrue(
                    String.valueOf(after.get(0)).contains("now 10)")
                            || String.valueOf(after.get(0)).contains("now 10."),
                    after.toString());
            assertFalse(String.valueOf(after.get(0)).contains("10.0"), after.toString());
            // the page's sentence around the server's reason: the reason already says what to do
            assertEquals(1, String.valueOf(after.get(0)).split("reset", -1).length - 1, after.toString());
            screenshot(b, "diverged-one-toast.png");
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void the_tagline_leaves_no_word_alone_on_its_last_line() {
        // how many lines the tagline takes, and the tops of its last two words
        String lines = "const t = document.querySelector('.tagline span').firstChild, s = t.textContent;"
                + " const word = (from, to) => { const r = document.createRange(); r.setStart(t, from); r.setEnd(t, to);"
                + " return r.getClientRects()[0].top; };"
                + " const last = s.lastIndexOf(' '), before = s.lastIndexOf(' ', last - 1);"
                + " const tops = new Set([...document.querySelector('.tagline span').getClientRects()].map((r) => r.top));"
                + " return [tops.size, word(before + 1, last), word(last + 1, s.length)];";
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/");
            awaitFirstFrame(b);
            int wrapped = 0;
            for (int width = 600; width <= 1400; width += 25) {
                b.executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
                List<?> got = (List<?>) js(b, lines);
                if (((Number) got.get(0)).intValue() < 2) continue;
                wrapped++;
                assertEquals(got.get(1), got.get(2), "at " + width + " px the last word has a line of its own: " + got);
            }
            assertTrue(wrapped > 0, "the tagline fits on one line at every width from 600 px: nothing was checked");
        });
    }

    @Test
    void about_speaks_korean_and_has_an_icon() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/about?lang=ko");
            assertEquals("ko", b.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals("역전파 놀이터", b.findElement(By.tagName("h1")).getText());
            assertTrue(b.findElement(By.cssSelector("a[href='/?lang=ko']"))
                    .getText()
                    .contains("놀이터"));
            assertTrue(b.findElement(By.cssSelector("link[rel='icon']"))
                    .getAttribute("href")
                    .startsWith("data:image/svg+xml"));
            // with no icon link the browser asks for /favicon.ico, a 404 in the console
            assertNoConsoleErrors(b);
            screenshot(b, "about-ko.png");
        });
    }

    @Test
    void a_tensorflow_hash_link_loads_the_page_once() {
        inBrowser(1400, 900, false, b -> {
            b.executeCdpCommand(
                    "Page.addScriptToEvaluateOnNewDocument",
                    Map.of(
                            "source",
                            "sessionStorage.setItem('loads', String(Number(sessionStorage.getItem('loads') || 0) + 1));"));
            b.get(server.base() + "/#dataset=xor&networkShape=3,3&learningRate=0.3&noise=5");
            awaitFirstFrame(b);
            await(b, d -> "xor".equals(js(d, "return window.playground.state().dataset")));
            assertEquals(List.of(3L, 3L), js(b, "return window.playground.state().networkShape"));
            assertEquals(
                    3L,
                    number(b, "return document.querySelectorAll('#network .hidden-neuron[data-layer=\"0\"]').length"));
            assertEquals("1", js(b, "return sessionStorage.getItem('loads')"));
            String url = b.getCurrentUrl();
            assertFalse(url.contains("#"), url);
            assertTrue(url.contains("dataset=xor"), url);
            assertNoConsoleErrors(b);
        });
    }
}
