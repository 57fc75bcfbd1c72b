// The numbers above the chart and beside play: epoch, losses and accuracies of the drawn frame.

import { shownMeasures } from './measures.js';
import { setText } from './dom.js';

/** 1234 → "001,234": six digits at least, so the counter's width holds still as it grows. */
export function formatEpoch(n) {
  return String(n).padStart(6, '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function formatLoss(v) {
  return v == null || !Number.isFinite(v) ? '–' : v.toFixed(3);
}
function formatPercent(v) {
  return v == null || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(1)}%`;
}

/** @param els {epoch, lossTrain, lossTest, accuracyTrain, accuracyTest} */
export function mountReadout(els, store) {
  store.subscribe(['frame', 'derived'], ({ frame, derived }) => {
    if (!frame) return;
    const h = frame.header;
    const m = shownMeasures(h, derived);
    setText(els.epoch, formatEpoch(h.epoch));
    setText(els.lossTrain, formatLoss(m.trainLoss));
    setText(els.lossTest, formatLoss(m.testLoss));
    setText(els.accuracyTrain, formatPercent(m.trainAccuracy));
    setText(els.accuracyTest, formatPercent(m.testAccuracy));
  });
}
