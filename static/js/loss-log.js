// Every epoch the page has seen, with its losses and accuracies, for the loss history's CSV (the
// chart keeps a thinned copy, history.js). A run that starts over (an epoch below the last)
// starts the log over, as the chart. Past MAX_ROWS rows every other older row goes, so a very
// long run keeps its whole span at half the resolution. Pure: no DOM.

/** Rows kept at most: an hour at 60 frames a second is 216,000; each row is five numbers. */
export const MAX_ROWS = 250_000;

export class LossLog {
  constructor(max = MAX_ROWS) {
    this.max = max;
    this.clear();
  }

  clear() {
    this.rows = [];
  }

  /** One epoch's numbers (null where there are none: the accuracies of a regression). */
  add(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy) {
    const last = this.rows[this.rows.length - 1];
    if (last && epoch < last[0]) this.clear();
    else if (last && epoch === last[0]) return;
    this.rows.push([epoch, trainLoss, testLoss, trainAccuracy, testAccuracy]);
    if (this.rows.length > this.max) this.rows = this.rows.filter((r, i) => i % 2 === 0 || i === this.rows.length - 1);
  }

  get size() {
    return this.rows.length;
  }

  /** The log as CSV: epoch, train_loss, test_loss and, for classification, train_accuracy, test_accuracy. */
  csv(withAccuracy) {
    const cell = (v) => (v == null || !Number.isFinite(v) ? '' : String(v));
    const head = withAccuracy ? 'epoch,train_loss,test_loss,train_accuracy,test_accuracy' : 'epoch,train_loss,test_loss';
    const width = withAccuracy ? 5 : 3;
    return [head, ...this.rows.map((r) => r.slice(0, width).map(cell).join(','))].join('\n') + '\n';
  }
}
