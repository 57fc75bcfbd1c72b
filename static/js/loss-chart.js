// Train and test loss (and accuracy, for classification) over epochs, with Chart.js 4 loaded as a
// classic script (window.Chart). Points are thinned to at most MAX_POINTS so a long run stays cheap.

const MAX_POINTS = 400;

export class LossChart {
  /** @param labels {trainLoss, testLoss, trainAccuracy, testAccuracy, epoch}: words for the legend */
  constructor(canvas, labels) {
    this.points = [[], [], [], []];
    this.lastEpoch = -1;
    this.pending = false;
    const Chart = window.Chart;
    if (!Chart) throw new Error('Chart.js did not load');
    const line = (label, color, dash, axis) => ({
      label, data: [], borderColor: color, backgroundColor: color, borderWidth: 1.6, borderDash: dash,
      pointRadius: 0, pointHitRadius: 6, tension: 0, yAxisID: axis, parsing: false, normalized: true,
    });
    this.chart = new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          line(labels.testLoss, '#222', [], 'y'),
          line(labels.trainLoss, '#999', [], 'y'),
          line(labels.testAccuracy, '#0877bd', [4, 3], 'acc'),
          line(labels.trainAccuracy, '#7fb6da', [4, 3], 'acc'),
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { display: false }, // the numbers above the chart carry the line styles
          tooltip: { callbacks: { title: (items) => items.length ? `${labels.epoch} ${items[0].parsed.x}` : '' } },
        },
        scales: {
          x: { type: 'linear', min: 0, ticks: { font: { size: 9 }, maxTicksLimit: 6, precision: 0 }, grid: { display: false } },
          y: { type: 'linear', beginAtZero: true, ticks: { font: { size: 9 }, maxTicksLimit: 4 }, grid: { color: '#eee' } },
          acc: { type: 'linear', position: 'right', min: 0, max: 1, display: true,
            ticks: { font: { size: 9 }, maxTicksLimit: 3, callback: (v) => `${Math.round(v * 100)}%` }, grid: { display: false } },
        },
      },
    });
    this.setAccuracy(true);
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
    const ds = this.chart.data.datasets;
    ds[0].label = labels.testLoss;
    ds[1].label = labels.trainLoss;
    ds[2].label = labels.testAccuracy;
    ds[3].label = labels.trainAccuracy;
    this.schedule();
  }

  /** Adds one epoch's numbers; an epoch below the last one (a reset) starts the chart over. */
  add(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy) {
    if (epoch < this.lastEpoch) this.clear();
    if (epoch === this.lastEpoch) return;
    this.lastEpoch = epoch;
    const values = [testLoss, trainLoss, testAccuracy, trainAccuracy];
    values.forEach((v, i) => {
      if (v != null && Number.isFinite(v)) this.points[i].push({ x: epoch, y: v });
    });
    if (this.points[1].length > MAX_POINTS) {
      // keep every other point, and always the newest: the curve's shape, at half the cost
      this.points = this.points.map((p) => p.filter((_, j) => j % 2 === 0 || j === p.length - 1));
    }
    this.schedule();
  }

  /** How many epochs the chart holds a point for. */
  size() {
    return this.points[1].length;
  }

  clear() {
    this.points = [[], [], [], []];
    this.lastEpoch = -1;
    this.schedule();
  }

  /** Redraws at most once per animation frame, however many frames arrive. */
  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.chart.data.datasets.forEach((d, i) => { d.data = this.points[i]; });
      this.chart.update('none');
    });
  }

  resize() {
    this.chart.resize();
  }
}
