// The numbers above the chart and beside play: epoch, losses and accuracies of the drawn frame.

import { shownMeasures } from './measures.js';

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

/**
 * One number's element: formatted only when its value changes, written only when its text does. This
 * view is the only writer of these elements, so it remembers what it wrote instead of reading the DOM's
 * text back 150 times a second; an unchanged write would still dirty the page's layout.
 */
function shown(el, format) {
  let value, text;
  return (v) => {
    if (Object.is(v, value)) return;
    value = v;
    const t = format(v);
    if (t === text) return;
    text = t;
    el.textContent = t;
  };
}

/** @param els {epoch, lossTrain, lossTest, accuracyTrain, accuracyTest} */
export function mountReadout(els, store) {
  const epoch = shown(els.epoch, formatEpoch);
  const lossTrain = shown(els.lossTrain, formatLoss);
  const lossTest = shown(els.lossTest, formatLoss);
  const accuracyTrain = shown(els.accuracyTrain, formatPercent);
  const accuracyTest = shown(els.accuracyTest, formatPercent);
  store.subscribe(['frame', 'derived'], ({ frame, derived }) => {
    if (!frame) return;
    const h = frame.header;
    const m = shownMeasures(h, derived);
    epoch(h.epoch);
    lossTrain(m.trainLoss);
    lossTest(m.testLoss);
    accuracyTrain(m.trainAccuracy);
    accuracyTest(m.testAccuracy);
  });
}
