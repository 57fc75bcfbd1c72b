// Words for what the pictures show, for a screen reader: the output map, the loss chart and the
// network each say how training is going (epoch, losses, accuracy, the loss's trend), refreshed
// at most once a second and in the page's language. The words are attributes, not a live region:
// they are read when the reader reaches the picture, not announced 30 times a second.

import { setFacts, classCount } from './facts.js';

/** How often the words follow the frames, in ms. */
const EVERY_MS = 1000;

const fixed3 = (v) => (v == null || !Number.isFinite(v) ? '–' : v.toFixed(3));
const percent = (v) => (v == null || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(1)}%`);

/** 'falling', 'rising' or 'flat': the test loss now against before (1% either way counts as level). */
export function trend(before, now) {
  if (!(Number.isFinite(before) && Number.isFinite(now))) return 'flat';
  if (now < before * 0.99) return 'falling';
  if (now > before * 1.01) return 'rising';
  return 'flat';
}

/**
 * The three descriptions of one frame.
 * @param words  {format(key, params), t(key)}: the page's i18n
 * @param h      the frame header (epoch, trainLoss, testLoss, testAccuracy)
 * @param net    {inputs: [labels], shape: [sizes], outputs, kind: 'binary'|'multiclass'|'regression'}
 * @param start  {epoch, testLoss} of the run's first frame; before: the test loss a description ago
 * @param neuron {layer, neuron} shown large on the map, or null
 */
export function describeFrame(words, h, net, start, before, neuron) {
  const epoch = h.epoch.toLocaleString(words.lang);
  const map = neuron
    ? words.format('alt.neuronMap', { l: neuron.layer + 1, n: neuron.neuron + 1, epoch })
    : net.kind === 'regression'
      ? words.format('alt.mapRegression', { epoch, loss: fixed3(h.testLoss) })
      : words.format(net.kind === 'multiclass' ? 'alt.mapClasses' : 'alt.map', { epoch, accuracy: percent(h.testAccuracy), k: net.outputs });
  const chart = words.format('alt.chart', {
    from: start.epoch.toLocaleString(words.lang), first: fixed3(start.testLoss), epoch, now: fixed3(h.testLoss),
    trend: words.t(`alt.${trend(before, h.testLoss)}`),
  });
  const network = words.format('alt.network', {
    inputs: net.inputs.join(', '), shape: net.shape.length ? net.shape.join(', ') : '–', outputs: net.outputs, epoch, loss: fixed3(h.trainLoss),
  });
  return { map, chart, network };
}

/** @param els {map, chart, network, networkSummary} */
export function mountDescriptions(els, store, i18n, datasets, features) {
  let start = null;
  let before = NaN;
  let last = -Infinity;

  function structure(state) {
    const m = setFacts(state, datasets);
    const inputs = m.dim === 2 ? features.filter((f) => state[f.name] === true).map((f) => f.short) : [`${m.dim}`];
    return { inputs, shape: state.networkShape, outputs: m.kind === 'multiclass' ? classCount(state, datasets) : 1, kind: m.kind };
  }

  function write(force) {
    const { frame, state, selection } = store.get();
    if (!frame) return;
    const h = frame.header;
    if (!start || h.epoch < start.epoch) start = { epoch: h.epoch, testLoss: h.testLoss };
    const now = performance.now();
    if (!force && now - last < EVERY_MS) return;
    last = now;
    const d = describeFrame(i18n, h, structure(state), start, before, selection);
    before = h.testLoss;
    els.map.setAttribute('aria-label', d.map);
    els.chart.setAttribute('aria-label', d.chart);
    els.networkSummary.textContent = d.network;
  }

  store.subscribe(['frame'], () => write(false));
  store.subscribe(['run'], () => { start = null; before = NaN; });
  store.subscribe(['lang', 'selection', 'state'], () => write(true));
}
