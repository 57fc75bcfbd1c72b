// The numbers above the chart and beside play: epoch, losses and accuracies of the drawn frame.

import { shownMeasures } from './measures.js';
import { redrawer } from './redraw.js';

/**
 * The least time between two writes of the numbers, in ms, as the loss chart's draws: a changed
 * number lays out its box, and each layout then costs Blink a hover hit test of the page, so at 30
 * frames a second the counter alone kept layout in every frame. Ten a second still reads as a
 * running count, and the newest frame's numbers are always the ones left standing.
 */
const WRITE_EVERY_MS = 100;

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

/**
 * @param els {epoch, lossTrain, lossTest, accuracyTrain, accuracyTest}
 * @param env redraw.js's clock and schedulers (tests pass their own)
 */
export function mountReadout(els, store, env = undefined) {
  const epoch = shown(els.epoch, formatEpoch);
  const lossTrain = shown(els.lossTrain, formatLoss);
  const lossTest = shown(els.lossTest, formatLoss);
  const accuracyTrain = shown(els.accuracyTrain, formatPercent);
  const accuracyTest = shown(els.accuracyTest, formatPercent);
  let newest = null;
  const write = () => {
    const h = newest.frame.header;
    const m = shownMeasures(h, newest.derived);
    epoch(h.epoch);
    lossTrain(m.trainLoss);
    lossTest(m.testLoss);
    accuracyTrain(m.trainAccuracy);
    accuracyTest(m.testAccuracy);
  };
  // no element: the numbers are written on screen or off (a phone scrolled to the map still has them right)
  const schedule = redrawer(null, write, WRITE_EVERY_MS, env);
  store.subscribe(['frame', 'derived'], ({ frame, derived }) => {
    if (!frame) return;
    newest = { frame, derived };
    schedule();
  });
}
