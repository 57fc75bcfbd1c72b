package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.inBrowser;

import io.javalin.Javalin;
import java.time.Duration;
import org.backprop.playground.testsupport.Browser;
import org.backprop.playground.web.App;
import org.backprop.playground.web.AppConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire's default includes skip *Bench): figures for the loss chart, printed.
 * {@code mvn -B -q test -Dtest=LossChartBench -Dsurefire.failIfNoSpecifiedTests=false}. A chart the
 * size of the page's, in the real page, fed 1,000,000 epochs in 30 frame-sized chunks: the cost of
 * one add (four series) and of one Chart.js update and draw, from performance.now().
 */
@Tag("browser")
class LossChartBench {
    static final String FEED = """
            const done = arguments[arguments.length - 1];
            Promise.all([import('/js/loss-chart.js')]).then(async ([m]) => {
              const page = document.getElementById('loss-chart');
              const box = document.createElement('div');
              box.style.cssText = `position:relative;width:${page.clientWidth}px;height:${page.clientHeight}px`;
              const canvas = document.createElement('canvas');
              box.appendChild(canvas);
              page.closest('.chart-box').after(box);
              const chart = new m.LossChart(canvas, { trainLoss: 'a', testLoss: 'b', trainAccuracy: 'c', testAccuracy: 'd', epoch: 'e' });
              const update = chart.chart.update.bind(chart.chart);
              const draws = [];
              chart.chart.update = (mode) => { const t = performance.now(); update(mode); draws.push(performance.now() - t); };
              const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
              const loss = (e) => 0.7 * Math.exp(-e / 200000) + 0.02;
              let addMs = 0;
              for (let e = 0; e <= 1000000;) {
                const t = performance.now();
                for (const end = Math.min(e + 33334, 1000001); e < end; e++) chart.add(e, loss(e), loss(e) * 1.1, 1 - loss(e), 0.98 - loss(e));
                addMs += performance.now() - t;
                await frame();
              }
              // then as the page gets them: one epoch a frame, 300 frames
              for (let i = 1; i <= 300; i++) { chart.add(1000000 + i * 333, 0.02, 0.022, 0.98, 0.96); await frame(); }
              const sorted = [...draws].sort((a, b) => a - b);
              const q = (f) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))];
              done({ adds: 1000001 + 300, usPerAdd: (addMs * 1000 / 1000001).toFixed(3), draws: draws.length,
                drawMedianMs: q(0.5).toFixed(2), drawP95Ms: q(0.95).toFixed(2), drawMaxMs: sorted[sorted.length - 1].toFixed(2),
                points: chart.series.map((h) => h.size), canvas: `${canvas.width}x${canvas.height}`,
                // the points Chart.js draws of each series (null: the decimation plugin passed it by)
                decimated: chart.chart.data.datasets.map((d) => d._decimated?.length ?? null) });
            });
            """;

    @Test
    void print_the_cost_of_a_million_epochs() {
        Javalin app = App.create(AppConfig.defaults()).start(0);
        try {
            inBrowser(1400, 900, false, b -> {
                b.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
                b.get("http://localhost:" + app.port() + "/");
                Browser.awaitFirstFrame(b);
                // the top bar's rows with the counter's fixed width and without it (as before)
                String rows =
                        "const tops = () => [...document.querySelectorAll('.top-inner > *')].map((e) => Math.round(e.getBoundingClientRect().top));"
                                + "const e = document.getElementById('epoch'); const fixed = { width: e.getBoundingClientRect().width, tops: tops() };"
                                + "e.style.width = 'auto'; const auto = { width: e.getBoundingClientRect().width, tops: tops() }; e.style.width = '';"
                                + "e.style.width = 'auto'; e.textContent = '9,999,999,999'; const widest = e.getBoundingClientRect().width; e.textContent = '000,000'; e.style.width = '';"
                                + "const inner = document.querySelector('.top-inner'); const last = inner.lastElementChild.getBoundingClientRect();"
                                + "let fits = 0; for (let w = 100; w < 260; w += 2) { e.style.width = w + 'px'; const t = tops(); if (t[t.length - 1] === t[2]) fits = w; } e.style.width = '';"
                                + "return JSON.stringify({ fixed, auto, widest, fits, innerRight: inner.getBoundingClientRect().right, gap: getComputedStyle(inner).columnGap });";
                System.out.println("top bar: " + Browser.js(b, rows));
                if (Boolean.getBoolean("bench.layoutOnly")) return;
                for (int run = 1; run <= 3; run++)
                    System.out.println("loss chart bench, run " + run + ": " + b.executeAsyncScript(FEED));
            });
        } finally {
            app.stop();
        }
    }
}
