// What stands in for the output map when the inputs are not two coordinates: for the 4×4 "digit"
// patterns, the first test patterns with their labels and the network's predictions, and the first
// layer's weights as 4×4 images; for regression, predicted against actual. The predictions are the
// frame's (the server's forward pass, docs/protocol.md §6); the page computes none.

import { cssColor, classCss } from './heatmap.js';
import { setFacts, activeSet } from './facts.js';
import { setHidden } from './dom.js';


function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

/** A side × side image of values, scaled by CSS. signed: orange/blue around 0, else white → ink. */
function image(values, side, { signed = false, scale = 1 } = {}) {
  const c = el('canvas', 'pattern');
  c.width = side;
  c.height = side;
  const g = c.getContext('2d');
  values.forEach((v, i) => {
    if (signed) g.fillStyle = cssColor(v / scale);
    else {
      const t = Math.round(255 * (1 - Math.max(0, Math.min(1, v))));
      g.fillStyle = `rgb(${t},${t},${t})`;
    }
    g.fillRect(i % side, Math.floor(i / side), 1, 1);
  });
  return c;
}

function argmax(v) {
  let k = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[k]) k = i;
  return k;
}

/** Digits: the test patterns (label → predicted class) and the first layer's weights as images. */
function drawDigits(box, rows, predictions, layers, words) {
  box.replaceChildren();
  const side = Math.round(Math.sqrt(rows[0]?.x.length ?? 16));
  box.appendChild(el('div', 'view-caption', words.t('view.digitsPatterns')));
  const grid = el('div', 'pattern-grid');
  const shown = predictions ? rows.slice(0, predictions.length) : rows.slice(0, 8);
  shown.forEach((row, r) => {
    const cell = el('figure', 'pattern-cell');
    cell.appendChild(image(row.x, side));
    const label = Math.round(row.label);
    const cap = el('figcaption', '');
    const truth = el('span', '', String(label));
    truth.style.color = classCss(label);
    cap.appendChild(truth);
    if (predictions) {
      const p = argmax(predictions[r].slice(1)); // a row is [label, p0, …, pK−1]
      cap.appendChild(el('span', p === label ? 'right' : 'wrong', ` → ${p}`));
    }
    cell.appendChild(cap);
    grid.appendChild(cell);
  });
  box.appendChild(grid);
  const first = layers?.[0]?.weights;
  if (!first || first[0]?.length !== rows[0]?.x.length) return;
  box.appendChild(el('div', 'view-caption', words.t('view.digitsWeights')));
  const weights = el('div', 'pattern-grid weights');
  const scale = Math.max(1e-9, ...first.flat().map(Math.abs));
  for (const row of first) weights.appendChild(image(row, side, { signed: true, scale }));
  box.appendChild(weights);
}

/** Regression: predicted against actual, one dot per test point the frame predicted, the diagonal drawn. */
function drawRegression(box, predictions, words) {
  box.replaceChildren();
  box.appendChild(el('div', 'view-caption', words.t('view.regression')));
  const rows = predictions ?? [];
  const pairs = rows.map((r) => [r[0], r[1]]).filter((p) => Number.isFinite(p[1]));
  const c = el('canvas', 'scatter');
  // one target value (004's "guess 42"): no scatter to draw, the numbers say it all
  if (new Set(rows.map((r) => r[0])).size > 1) box.appendChild(c);
  const ratio = window.devicePixelRatio || 1;
  // a square that fits under the caption (and the numbers, for a handful of points)
  const room = (box.clientHeight || 280) - 36 - (rows.length <= 8 ? 18 * Math.min(rows.length, 8) : 0);
  const size = Math.max(120, Math.round(Math.min((box.clientWidth || 280) - 16, room)));
  c.width = size * ratio;
  c.height = size * ratio;
  c.style.width = `${size}px`;
  c.style.height = `${size}px`;
  const g = c.getContext('2d');
  g.scale(ratio, ratio);
  const all = pairs.flat();
  const lo = Math.min(...all), hi = Math.max(...all);
  const pad = 24;
  const span = hi - lo || 1;
  const px = (v) => pad + ((v - lo) / span) * (size - 2 * pad);
  const py = (v) => size - pad - ((v - lo) / span) * (size - 2 * pad);
  g.strokeStyle = '#bbb';
  g.beginPath();
  g.moveTo(px(lo), py(lo));
  g.lineTo(px(hi), py(hi));
  g.stroke();
  g.fillStyle = '#0877bd';
  for (const [a, p] of pairs) {
    g.beginPath();
    g.arc(px(a), py(p), 3, 0, 2 * Math.PI);
    g.fill();
  }
  if (rows.length <= 8) {
    // a handful of points (004's one-sample lessons): the numbers themselves
    const list = el('ul', 'view-numbers');
    for (const [a, p] of pairs) list.appendChild(el('li', '', `${words.t('view.actual')} ${a.toFixed(4)} · ${words.t('view.predicted')} ${p.toFixed(4)}`));
    box.appendChild(list);
  }
  g.fillStyle = '#6b7680';
  g.font = '11px sans-serif';
  g.fillText(words.t('view.actual'), size - pad - 40, size - 6);
  g.save();
  g.translate(11, pad + 50);
  g.rotate(-Math.PI / 2);
  g.fillText(words.t('view.predicted'), 0, 0);
  g.restore();
}

/**
 * The view in place of the map, shown for a set without a 2-D map (digits, regression).
 * @param els {box, noMap}
 */
export function mountSampleView(els, store, i18n, datasets) {
  function draw() {
    const { state, points, frame } = store.get();
    const m = setFacts(state, datasets);
    // a new set's state and its points arrive as separate messages, in either order: draw only this set's rows
    const ours = points && points.dataset === activeSet(state) ? points : null;
    const show = m.dim !== 2 && ours && ours.rows.length > 0 && (m.kind === 'multiclass' || m.kind === 'regression');
    setHidden(els.box, !show);
    setHidden(els.noMap, m.dim === 2 || show);
    if (!show) return;
    // the frame's predictions are of this data only when both carry the same version
    const current = frame && frame.header.dataVersion === ours.dataVersion ? frame.header : null;
    const predictions = current?.predictions ?? null;
    if (m.kind === 'multiclass') drawDigits(els.box, ours.testRows, predictions, current?.layers, i18n);
    else drawRegression(els.box, predictions, i18n);
  }
  store.subscribe(['state', 'points', 'frame', 'lang'], draw);
  draw();
}
