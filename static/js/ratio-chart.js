// The update : parameter ratio per layer over epochs (‖Δw‖ / ‖w‖ of each update), log scale, with
// the healthy band around 10⁻³ shaded: the learning-rate lesson in one chart. Chart.js 4 as a
// classic script (window.Chart).

import { redrawer } from './redraw.js';

const MAX_POINTS = 300;
const BAND = [1e-4, 1e-2];
const COLORS = ['#0877bd', '#f59322', '#2ea043', '#984ea3', '#a4271e', '#555', '#17becf'];

/** Shades the healthy band behind the lines. */
const bandPlugin = {
  id: 'healthyBand',
  beforeDatasetsDraw(chart) {
    const y = chart.scales.y;
    const area = chart.chartArea;
    if (!y || !area) return;
    const top = Math.max(area.top, y.getPixelForValue(BAND[1]));
    const bottom = Math.min(area.bottom, y.getPixelForValue(BAND[0]));
    if (bottom <= top) return;
    const g = chart.ctx;
    g.save();
    g.fillStyle = 'rgba(46,160,67,.13)';
    g.fillRect(area.left, top, area.right - area.left, bottom - top);
    g.restore();
  },
};

export class RatioChart {
  /** @param layerLabel (l) → words for layer l (1-based) */
  constructor(canvas, layerLabel) {
    this.layerLabel = layerLabel;
    this.series = [];
    this.lastEpoch = -1;
    this.schedule = redrawer(canvas, () => this.draw());
    this.chart = new window.Chart(canvas, {
      type: 'line',
      data: { datasets: [] },
      plugins: [bandPlugin],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { display: true, labels: { boxWidth: 10, font: { size: 10 } } } },
        scales: {
          x: { type: 'linear', min: 0, ticks: { font: { size: 9 }, maxTicksLimit: 6, precision: 0 }, grid: { display: false } },
          y: { type: 'logarithmic', min: 1e-6, max: 1, grid: { color: '#eee' },
            ticks: { font: { size: 9 }, callback: (v) => ([1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1].includes(v) ? `1e${Math.round(Math.log10(v))}` : '') } },
        },
      },
    });
  }

  /** One epoch's ratios, a value per weight layer; an earlier epoch (a reset) starts over. */
  add(epoch, ratios) {
    if (!Array.isArray(ratios)) return;
    if (epoch < this.lastEpoch || ratios.length !== this.series.length) this.clear(ratios.length);
    if (epoch === this.lastEpoch || epoch === 0) return;
    this.lastEpoch = epoch;
    ratios.forEach((r, l) => {
      // a ratio of 0 (no update yet) has no place on a log scale
      if (r != null && Number.isFinite(r) && r > 0) this.series[l].push({ x: epoch, y: Math.max(1e-6, Math.min(1, r)) });
    });
    if (this.series.some((s) => s.length > MAX_POINTS)) {
      this.series = this.series.map((p) => p.filter((_, j) => j % 2 === 0 || j === p.length - 1));
    }
    this.schedule();
  }

  clear(layers = this.series.length) {
    this.series = Array.from({ length: layers }, () => []);
    this.lastEpoch = -1;
    this.schedule();
  }

  size() {
    return this.series.reduce((n, s) => n + s.length, 0);
  }

  relabel(layerLabel) {
    this.layerLabel = layerLabel;
    this.chart.data.datasets = [];
    this.schedule();
  }

  /** The chart as the series are now (this.schedule() asks for it: once per animation frame, on screen). */
  draw() {
    const ds = this.chart.data.datasets;
    if (ds.length !== this.series.length) {
      this.chart.data.datasets = this.series.map((_, l) => ({
        label: this.layerLabel(l + 1), data: [], borderColor: COLORS[l % COLORS.length],
        backgroundColor: COLORS[l % COLORS.length], borderWidth: 1.5, pointRadius: 0, tension: 0, parsing: false,
      }));
    }
    this.chart.data.datasets.forEach((d, l) => { d.data = this.series[l]; });
    if (!window.__noChart) this.chart.update('none');
  }
}
