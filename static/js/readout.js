// The numbers above the chart and beside play: epoch, losses and accuracies of the drawn frame.

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
    // a set of no points (one's own, all training, say) has no loss to show, not a loss of 0
    const noTrain = derived?.trainPoints === 0, noTest = derived?.testPoints === 0;
    setText(els.epoch, formatEpoch(h.epoch));
    setText(els.lossTrain, formatLoss(noTrain ? null : h.trainLoss));
    setText(els.lossTest, formatLoss(noTest ? null : h.testLoss));
    setText(els.accuracyTrain, formatPercent(noTrain ? null : h.trainAccuracy));
    setText(els.accuracyTest, formatPercent(noTest ? null : h.testAccuracy));
  });
}
