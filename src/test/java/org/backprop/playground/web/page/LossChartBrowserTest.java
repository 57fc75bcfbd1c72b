package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.assertNoConsoleErrors;
import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.backprop.playground.testsupport.Browser.number;
import static org.backprop.playground.testsupport.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.PageServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The loss chart as a person sees it, in a real page: its decimating history (static/js/history.js),
 * a fresh LossChart fed a million epochs and ten epochs, the log epoch axis, the page's own chart
 * during a fast run, and an epoch counter that does not push the menus beside it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("browser")
class LossChartBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    /** A 600×200 box with a canvas on the page, and the chart module: window.lc = {LossChart, History, canvas}. */
    static final String FRESH_CHART = """
            const done = arguments[arguments.length - 1];
            Promise.all([import('/js/loss-chart.js'), import('/js/history.js')]).then(([c, h]) => {
              const box = document.createElement('div');
              box.style.cssText = 'position:fixed;left:0;top:0;width:600px;height:200px;background:#fff;z-index:99';
              const canvas = document.createElement('canvas');
              box.appendChild(canvas);
              document.body.appendChild(box);
              window.frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
              window.lc = { LossChart: c.LossChart, History: h.History, canvas };
              done(true);
            }, (e) => done(String(e)));
            """;

    /**
     * What a chart shows: its axes, its points and, from its pixels, which columns of the plot area
     * hold a line (dark: the losses) and the line's highest pixel at 10%, 50% and 90% of the width.
     */
    static final String MEASURE = """
            const chart = arguments[0];
            const c = chart.canvas, k = c.width / c.clientWidth, a = chart.chartArea;
            const x0 = Math.ceil(a.left * k) + 2, x1 = Math.floor(a.right * k) - 2;
            const y0 = Math.ceil(a.top * k), y1 = Math.floor(a.bottom * k) + 1;
            const px = c.getContext('2d').getImageData(x0, y0, x1 - x0, y1 - y0);
            const top = [];
            for (let x = 0; x < px.width; x++) {
              top[x] = -1;
              for (let y = 0; y < px.height; y++) {
                const i = 4 * (y * px.width + x);
                if (px.data[i + 3] > 100 && Math.max(px.data[i], px.data[i + 1], px.data[i + 2]) < 170) { top[x] = y; break; }
              }
            }
            const at = (f) => { for (let d = 0; d < px.width; d++) { const x = Math.round(f * (px.width - 1)) + d; if (top[x] >= 0) return top[x]; } return -1; };
            return { columns: top.filter((t) => t >= 0).length, width: px.width, height: px.height,
              at10: at(0.1), at50: at(0.5), at90: at(0.9),
              xMin: chart.scales.x.min, xMax: chart.scales.x.max, xType: chart.scales.x.type, yMax: chart.scales.y.max,
              ticks: chart.scales.x.ticks.map((t) => t.label).filter((l) => l !== ''),
              pixel1000: (chart.scales.x.getPixelForValue(1000) - a.left) / (a.right - a.left) };
            """;

    @Test
    void the_history_keeps_a_million_samples_in_its_cap_with_both_ends_and_a_spike() {
        inBrowser(1000, 700, false, b -> {
            openFresh(b);
            Map<String, Object> r = asyncMap(b, """
                    const done = arguments[arguments.length - 1];
                    const h = new window.lc.History(1000);
                    let most = 0, appendedOnly = true, halvings = 0, sorted = true;
                    for (let e = 0; e <= 1000000; e++) {
                      const before = h.points();
                      if (h.add(e, e === 654321 ? 9 : Math.exp(-e / 200000))) halvings++;
                      if (h.points() !== before) appendedOnly = false;
                      most = Math.max(most, h.size);
                    }
                    const p = h.points();
                    for (let i = 1; i < p.length; i++) if (!(p[i].x > p[i - 1].x)) sorted = false;
                    done({ most, size: h.size, first: p[0].x, firstY: p[0].y, last: p[p.length - 1].x, halvings, sorted, appendedOnly,
                      spike: p.some((q) => q.x === 654321 && q.y === 9), resolution: h.resolution });
                    """);
            assertTrue(((Number) r.get("most")).intValue() <= 1000, "the history outgrew its cap: " + r);
            assertTrue(((Number) r.get("size")).intValue() >= 500, "halving keeps at least half the cap: " + r);
            assertEquals(0, ((Number) r.get("first")).intValue(), "the first epoch is kept: " + r);
            assertEquals(1.0, ((Number) r.get("firstY")).doubleValue(), "the first loss is kept: " + r);
            assertEquals(1000000, ((Number) r.get("last")).intValue(), "the newest epoch is kept: " + r);
            assertEquals(true, r.get("spike"), "a one-epoch spike survives the thinning: " + r);
            assertEquals(true, r.get("sorted"), "points in epoch order, each epoch once: " + r);
            assertEquals(true, r.get("appendedOnly"), "one array, changed in place: " + r);
            // 1,000,001 samples in ≤ 499 buckets: 2^11 = 2048 samples a bucket
            assertEquals(11, ((Number) r.get("halvings")).intValue(), r.toString());
            assertEquals(2048, ((Number) r.get("resolution")).intValue(), r.toString());
        });
    }

    @Test
    void a_million_epochs_draw_as_a_curve_across_the_chart_and_on_a_log_axis() {
        inBrowser(1000, 700, false, b -> {
            openFresh(b);
            // frame-sized chunks: an unpaced run's second, 30 frames of 33,334 epochs, each chunk followed by an
            // animation frame
            Map<String, Object> fed = asyncMap(b, """
                    const done = arguments[arguments.length - 1];
                    const chart = new window.lc.LossChart(window.lc.canvas, { trainLoss: 'train', testLoss: 'test',
                      trainAccuracy: 'train acc', testAccuracy: 'test acc', epoch: 'epoch' });
                    window.theChart = chart;
                    const loss = (e) => 0.7 * Math.exp(-e / 200000) + 0.02;
                    (async () => {
                      let most = 0, chunks = 0;
                      const draws0 = chart.draws, t0 = performance.now();
                      for (let e = 0; e <= 1000000; chunks++) {
                        for (const end = Math.min(e + 33334, 1000001); e < end; e++) chart.add(e, loss(e), loss(e) * 1.1, 1 - loss(e), 0.98 - loss(e));
                        most = Math.max(most, ...chart.series.map((h) => h.size));
                        await window.frame();
                      }
                      done({ most, chunks, draws: chart.draws - draws0, size: chart.size(), ms: performance.now() - t0 });
                    })();
                    """);
            System.out.println("a million epochs fed: " + fed);
            assertTrue(((Number) fed.get("most")).intValue() <= 1000, "a series outgrew the cap: " + fed);
            assertTrue(((Number) fed.get("size")).intValue() >= 500, fed.toString());
            assertTrue(
                    ((Number) fed.get("draws")).intValue() <= ((Number) fed.get("chunks")).intValue() + 2,
                    "a million adds coalesce into one draw a frame: " + fed);

            // the chart draws at most every 100 ms (loss-chart.js DRAW_EVERY_MS): the last epoch shows at the next draw
            Map<String, Object> linear = drawnUpTo(b, 1000000);
            assertEquals(0, ((Number) linear.get("xMin")).intValue(), "the first epoch is on the axis: " + linear);
            assertEquals(
                    1000000, ((Number) linear.get("xMax")).intValue(), "the newest epoch is on the axis: " + linear);
            assertCurve(linear);
            assertTrue(((List<?>) linear.get("ticks")).contains("1M"), "the axis reads in epochs: " + linear);

            js(b, "window.theChart.setLogX(true)");
            await(b, d -> "logarithmic".equals(measure(d).get("xType")));
            Map<String, Object> log = measure(b);
            assertEquals(1, ((Number) log.get("xMin")).intValue(), "the log axis starts at epoch 1: " + log);
            assertEquals(1000000, ((Number) log.get("xMax")).intValue(), log.toString());
            // epoch 1,000 is half-way between 1 and 1,000,000 on a log axis
            assertEquals(0.5, ((Number) log.get("pixel1000")).doubleValue(), 0.01, log.toString());
            List<?> ticks = (List<?>) log.get("ticks");
            assertTrue(
                    ticks.contains("1")
                            && ticks.contains("1M")
                            && ticks.size() >= 3
                            && List.of("1", "10", "100", "1K", "10K", "100K", "1M")
                                    .containsAll(ticks),
                    "labels at powers of ten: " + log);
            assertTrue(
                    ((Number) log.get("columns")).intValue() > 0.9 * ((Number) log.get("width")).intValue(),
                    log.toString());
            screenshot(b, "chart-million-log.png");

            js(b, "window.theChart.setLogX(false)");
            await(b, d -> "linear".equals(measure(d).get("xType")));
            screenshot(b, "chart-million.png");
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void ten_epochs_one_by_one_span_the_chart_and_a_burst_does_not_flatten_it() {
        inBrowser(1000, 700, false, b -> {
            openFresh(b);
            asyncMap(b, """
                    const done = arguments[arguments.length - 1];
                    const chart = new window.lc.LossChart(window.lc.canvas, { trainLoss: 'train', testLoss: 'test',
                      trainAccuracy: 'train acc', testAccuracy: 'test acc', epoch: 'epoch' });
                    chart.setAccuracy(false);
                    window.theChart = chart;
                    (async () => {
                      for (let e = 0; e < 10; e++) { chart.add(e, 0.5 - 0.04 * e, 0.55 - 0.04 * e); await window.frame(); }
                      done({});
                    })();
                    """);
            Map<String, Object> ten = drawnUpTo(b, 9);
            assertEquals(0, ((Number) ten.get("xMin")).intValue(), ten.toString());
            assertEquals(9, ((Number) ten.get("xMax")).intValue(), ten.toString());
            assertEquals(10L, number(b, "return window.theChart.size()"));
            assertCurve(ten);
            screenshot(b, "chart-ten.png");

            // one huge value in a run: drawn, off the top, and the y axis still fits the rest
            asyncMap(b, """
                    const done = arguments[arguments.length - 1];
                    const chart = window.theChart;
                    chart.clear();
                    for (let e = 0; e < 1000; e++) chart.add(e, e === 500 ? 60 : 0.7 * Math.exp(-e / 300), null);
                    window.frame().then(() => done({}));
                    """);
            Map<String, Object> burst = drawnUpTo(b, 999);
            double yMax = ((Number) burst.get("yMax")).doubleValue();
            assertTrue(yMax >= 0.7 && yMax < 0.8, "the y axis shows the loss from its start, not the burst: " + burst);
            assertCurve(burst);
        });
    }

    @Test
    void the_page_chart_reads_during_a_fast_run_and_its_log_toggle_works() {
        inBrowser(1400, 900, false, b -> {
            // speed=max: unpaced wherever the speed key exists, and ignored (still unpaced) where it does not
            b.get(server.base() + "/?speed=max");
            awaitFirstFrame(b);
            b.findElement(By.tagName("body")).sendKeys(Keys.SPACE);
            await(b, d -> number(d, "return window.playground.epoch()") > 20000);
            await(b, d -> number(d, "return window.playground.chartPoints()") > 60);
            String chart = "Chart.getChart(document.getElementById('loss-chart'))";
            Map<String, Object> fast = measure(b, chart);
            screenshot(b, "chart-page-fast.png");
            assertEquals(0, ((Number) fast.get("xMin")).intValue(), fast.toString());
            assertTrue(((Number) fast.get("xMax")).longValue() > 20000, "the axis runs to the newest epoch: " + fast);
            assertTrue(
                    ((Number) fast.get("columns")).intValue() > 0.9 * ((Number) fast.get("width")).intValue(),
                    "the line runs to the newest epoch: " + fast);

            // the circle is learnt in the first percent of the epochs: the log axis gives them the room
            b.findElement(By.cssSelector("input[data-chart='logX']")).click();
            await(b, d -> "logarithmic".equals(measure(d, chart).get("xType")));
            Map<String, Object> log = measure(b, chart);
            screenshot(b, "chart-page-fast-log.png");
            assertCurve(log);
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void the_epoch_counter_keeps_its_width_and_the_menus_beside_it_stay_put() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/");
            awaitFirstFrame(b);
            Map<String, Object> before = boxes(b);
            for (String epoch : List.of("001,234", "1,234,567", "9,999,999,999")) {
                js(b, "document.getElementById('epoch').textContent = arguments[0]", epoch);
                assertEquals(before, boxes(b), "after epoch " + epoch);
                assertEquals(
                        true,
                        js(b, "const e = document.getElementById('epoch'); return e.scrollWidth <= e.clientWidth"),
                        epoch + " fits its box");
            }
            // and the box does not push the menus onto a second row at 1400px
            assertEquals(
                    true,
                    js(
                            b,
                            "const t = [...document.querySelectorAll('.top-inner > *')].map((e) => e.getBoundingClientRect().top);"
                                    + "return Math.max(...t) - Math.min(...t) < 20"),
                    "the top bar is one row");
            js(
                    b,
                    "document.getElementById('loss-train').textContent = '12.345';"
                            + "document.getElementById('accuracy-train').textContent = '100.0%'");
            assertEquals(before.get("lossTest"), boxes(b).get("lossTest"), "the test loss stays put");
        });
    }

    @Test
    void the_epoch_count_sits_under_its_label_on_a_desktop_and_on_a_phone() {
        // the count's box is wider than its digits: the digits line up with the label's left edge on a
        // desktop and its right edge on a phone, where the label is right-aligned
        for (boolean phone : List.of(false, true)) {
            inBrowser(phone ? 390 : 1400, phone ? 844 : 900, phone, b -> {
                b.get(server.base() + "/");
                awaitFirstFrame(b);
                @SuppressWarnings("unchecked")
                Map<String, Object> edges = (Map<String, Object>) js(b, """
                        const epoch = document.getElementById('epoch');
                        const label = epoch.closest('.epoch').querySelector('.label');
                        const words = document.createRange(), digits = document.createRange();
                        words.selectNodeContents(label);
                        digits.selectNodeContents(epoch);
                        const w = words.getBoundingClientRect(), d = digits.getBoundingClientRect();
                        return { labelLeft: w.left, labelRight: w.right, digitsLeft: d.left, digitsRight: d.right };
                        """);
                String side = phone ? "Right" : "Left";
                double label = ((Number) edges.get("label" + side)).doubleValue();
                double digits = ((Number) edges.get("digits" + side)).doubleValue();
                assertTrue(
                        Math.abs(label - digits) <= 3,
                        (phone ? "phone" : "desktop") + ": the digits' " + side.toLowerCase()
                                + " edge under the label's: " + edges);
            });
        }
    }

    /** The rectangles of #epoch, the control after it and the test loss, as "x,y,w,h". */
    @SuppressWarnings("unchecked")
    static Map<String, Object> boxes(WebDriver d) {
        return (Map<String, Object>) js(d, """
                const r = (el) => { const b = el.getBoundingClientRect(); return `${b.x},${b.y},${b.width},${b.height}`; };
                const epoch = document.getElementById('epoch');
                return { epoch: r(epoch), next: r(epoch.closest('.control').nextElementSibling),
                  lossTest: r(document.getElementById('loss-test')), lossTrain: r(document.getElementById('loss-train')) };
                """);
    }

    /** A curve across the plot: line pixels in most columns, falling from left to right. */
    static void assertCurve(Map<String, Object> m) {
        int columns = ((Number) m.get("columns")).intValue();
        int width = ((Number) m.get("width")).intValue();
        assertTrue(columns > 0.9 * width, "the line spans the chart, not one column: " + m);
        int left = ((Number) m.get("at10")).intValue();
        int right = ((Number) m.get("at90")).intValue();
        int height = ((Number) m.get("height")).intValue();
        assertTrue(left >= 0 && right > left + height / 10, "the loss falls visibly from left to right: " + m);
    }

    static void openFresh(ChromeDriver b) {
        b.get(server.base() + "/");
        awaitFirstFrame(b);
        b.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        assertEquals(true, b.executeAsyncScript(FRESH_CHART));
    }

    /** What the fresh chart shows once a draw has reached the given epoch (or the last one drawn, when none does). */
    static Map<String, Object> drawnUpTo(WebDriver d, long epoch) {
        try {
            return await(d, w -> {
                Map<String, Object> m = measure(w);
                return m.get("xMax") instanceof Number x && x.longValue() == epoch ? m : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            return measure(d); // its assertions then say what it shows
        }
    }

    static Map<String, Object> measure(WebDriver d) {
        return measure(d, "window.theChart.chart");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> measure(WebDriver d, String chart) {
        return (Map<String, Object>) js(d, "return (function () {" + MEASURE + "})(" + chart + ");");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asyncMap(ChromeDriver b, String script) {
        return (Map<String, Object>) b.executeAsyncScript(script);
    }
}
