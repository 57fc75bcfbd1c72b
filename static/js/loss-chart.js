// Train and test loss (and accuracy, for classification) over epochs, with Chart.js 4 loaded as a
// classic script (window.Chart). x is the epoch on a linear (or log) axis, and each series is a
// History: the whole run in ≤ CAP points, so one epoch a second and a million epochs both read,
// and a redraw costs the same after an hour as after a second.

import { History } from './history.js';
import { redrawer } from './redraw.js';

const CAP = 1000;
/**
 * The least time between two draws, in ms: ten a second still reads as a live line, and a Chart.js
 * update (~3.5 ms of script, then its canvas's paint) at 30 frames a second was half the page's main thread.
 */
const DRAW_EVERY_MS = 100;
// a value more than this many times both its neighbours is a one-off burst: drawn, but off the top
const SPIKE = 4;
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/** The chart's series, in the order of its datasets. */
const SERIES = ['testLoss', 'trainLoss', 'testAccuracy', 'trainAccuracy'];

export class LossChart {
  /** @param labels {trainLoss, testLoss, trainAccuracy, testAccuracy, epoch}: words for the legend */
  constructor(canvas, labels) {
    // test loss, train loss, test accuracy, train accuracy: the datasets' order
    this.series = [0, 1, 2, 3].map(() => new History(CAP));
    this.lastEpoch = -1;
    this.logX = false;
    this.draws = 0; // for tests and the benchmark: how many times the chart was updated
    const Chart = window.Chart;
    if (!Chart) throw new Error('Chart.js did not load');
    const line = (label, color, dash, axis, i) => ({
      label, data: [], borderColor: color, backgroundColor: color, borderWidth: 1.6,
      borderDash: dash, pointRadius: 0, pointHitRadius: 6, tension: 0, yAxisID: axis, parsing: false, normalized: true,
    });
    const ticks = { font: { size: 9 } };
    this.chart = new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          line(labels.testLoss, '#222', [], 'y', 0),
          line(labels.trainLoss, '#999', [], 'y', 1),
          line(labels.testAccuracy, '#0877bd', [4, 3], 'acc', 2),
          line(labels.trainAccuracy, '#7fb6da', [4, 3], 'acc', 3),
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        // Plugins this chart does not use, off (false: Chart.js then neither resolves their options nor
        // lays out their boxes at each update, ~0.5 ms of a 2.5 ms update). No legend: the numbers above
        // the chart carry the line styles. No decimation: History holds ≤ 1,000 points, which Chart.js
        // draws in well under a millisecond (the plugin never ran: it passes by a chart that parses, and
        // by fewer than four points per pixel column).
        plugins: {
          legend: false, title: false, subtitle: false, filler: false, colors: false, decimation: false,
          tooltip: { callbacks: { title: (items) => (items.length ? `${this.labels.epoch} ${items[0].parsed.x.toLocaleString()}` : '') } },
        },
        scales: {
          x: { type: 'linear', min: 0, ticks: { ...ticks, maxTicksLimit: 6, precision: 0, maxRotation: 0, callback: (v) => this.tickLabel(v) }, grid: { display: false } },
          // the two upright axes: at most 4 and 3 labels of 9 px on a 128 px chart never overlap, so
          // Chart.js's label thinning (autoSkip), which measures every label at each update, is off
          y: { type: 'linear', min: 0, ticks: { ...ticks, maxTicksLimit: 4, autoSkip: false }, grid: { color: '#eee' } },
          acc: { type: 'linear', position: 'right', min: 0, max: 1, display: true,
            ticks: { ...ticks, maxTicksLimit: 3, autoSkip: false, callback: (v) => `${Math.round(v * 100)}%` }, grid: { display: false } },
        },
      },
    });
    this.labels = labels;
    this.schedule = redrawer(canvas, () => this.draw(), DRAW_EVERY_MS);
    this.setAccuracy(true);
    // the log-x toggle in the chart's own box, when the page has one (web/page/OutputColumn.java)
    this.logXToggle = canvas.closest('.chart-box')?.querySelector('input[data-chart="logX"]') ?? null;
    this.logXToggle?.addEventListener('change', () => this.setLogX(this.logXToggle.checked));
  }

  /** Shows or hides the accuracy lines and their axis (none for regression). */
  setAccuracy(on) {
    this.accuracy = on;
    const ds = this.chart.data.datasets;
    ds[2].hidden = !on;
    ds[3].hidden = !on;
    this.chart.options.scales.acc.display = on;
    this.schedule();
  }

  setLabels(labels) {
    this.labels = labels;
    const ds = this.chart.data.datasets;
    ds[0].label = labels.testLoss;
    ds[1].label = labels.trainLoss;
    ds[2].label = labels.testAccuracy;
    ds[3].label = labels.trainAccuracy;
    this.schedule();
  }

  /** A log epoch axis (from epoch 1; epoch 0 sits at its left edge) or a linear one from 0. */
  setLogX(on) {
    this.logX = on === true;
    if (this.logXToggle) this.logXToggle.checked = this.logX;
    this.chart.options.scales.x.type = this.logX ? 'logarithmic' : 'linear';
    this.schedule();
  }

  /** Adds one epoch's numbers; an epoch below the last one (a reset) starts the chart over. */
  add(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy) {
    if (epoch < this.lastEpoch) this.clear();
    if (epoch === this.lastEpoch) return;
    this.lastEpoch = epoch;
    [testLoss, trainLoss, testAccuracy, trainAccuracy].forEach((v, i) => { // in SERIES' order
      if (v != null && Number.isFinite(v)) this.series[i].add(epoch, v);
    });
    this.schedule();
  }

  /** How many points the chart holds for a series, the training loss unless named (≤ 1,000 however long the run). */
  size(name = 'trainLoss') {
    return this.series[SERIES.indexOf(name)].size;
  }

  clear() {
    this.series.forEach((h) => h.clear());
    this.lastEpoch = -1;
    this.schedule();
  }

  /** The chart as the series are now (this.schedule() asks for it: at most every DRAW_EVERY_MS, at an animation frame, on screen). */
  draw() {
    // a frozen copy, once a frame: Chart.js then neither patches nor follows our arrays' pushes
    // (it would redo its bookkeeping on every add), and a copy of ≤ 1,000 points is cheap
    this.chart.data.datasets.forEach((d, i) => { d.data = Object.freeze(this.series[i].points().slice()); });
    this.fitAxes();
    if (!window.__noChart) this.chart.update('none');
    this.draws++;
  }

  /** x from the first epoch to the newest; y from 0 to the highest loss that is not a one-off burst. */
  fitAxes() {
    const { x, y } = this.chart.options.scales;
    const drawn = this.series.filter((h) => h.size > 0);
    const first = drawn.length ? Math.min(...drawn.map((h) => h.points()[0].x)) : 0;
    const last = this.lastEpoch;
    x.min = this.logX ? Math.max(1, first) : first;
    x.max = last > x.min ? last : undefined;
    const top = Math.max(steadyTop(this.series[0].points()), steadyTop(this.series[1].points()));
    y.max = top > 0 ? top * 1.05 : undefined;
  }

  /** 1,000,000 as 1M (100만 in Korean browsers); on the log axis only the powers of ten. */
  tickLabel(value) {
    if (!Number.isInteger(value)) return '';
    if (this.logX && value > 0 && !Number.isInteger(Math.log10(value))) return '';
    return compact.format(value);
  }

  resize() {
    this.chart.resize();
  }
}

/** The highest y that is not more than SPIKE times both its neighbours (the ends always count). */
function steadyTop(ps) {
  let top = 0;
  for (let i = 0; i < ps.length; i++) {
    const v = ps[i].y;
    if (v <= top) continue;
    const burst = i > 0 && i < ps.length - 1 && v > SPIKE * Math.max(ps[i - 1].y, ps[i + 1].y);
    if (!burst) top = v;
  }
  return top;
}
