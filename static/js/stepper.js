// One sample through the network, as the tutorials print it: forward (z, a) layer by layer, the
// loss, backward (δ, dL/dW, dL/db) from the output down, then one SGD update on that sample. The
// equations are the tutorials', filled in with the server's numbers (an `inspection` message).
// Everything is built with DOM nodes and textContent; nothing from the server becomes markup.

import { layerName } from './step-net.js';

/** A number as the tutorials print it: 4 decimals, a true minus sign, no "−0.0000". */
export function fmt(v) {
  if (v == null || !Number.isFinite(v)) return '–';
  const s = v.toFixed(4);
  if (/^-0\.0000$/.test(s)) return '0.0000';
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** A relative error as 1.2e-9. */
export function sci(v) {
  if (v == null || !Number.isFinite(v)) return '–';
  return v === 0 ? '0' : v.toExponential(1).replace('-', '−');
}

const MAX_ROWS = 8;   // neurons written out term by term
const MAX_TERMS = 6;  // terms of a sum written out before "…"

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

function line(text) {
  return el('p', 'eq', text);
}

function sum(terms) {
  const shown = terms.slice(0, MAX_TERMS).join(' + ').replace(/\+ −/g, '− ');
  return terms.length > MAX_TERMS ? `${shown} + …` : shown;
}

/** A product term "w·x" with a negative factor in parentheses. */
function times(a, b) {
  const p = (v) => (v < 0 ? `(${fmt(v)})` : fmt(v));
  return `${fmt(a)}·${p(b)}`;
}

/**
 * A small table: a header row, then one row per entry of rows ([label, ...values]).
 * @param caption words above it
 */
function table(caption, head, rows, className = '') {
  const wrap = el('div', `bp-table-wrap ${className}`);
  if (caption) wrap.appendChild(el('div', 'bp-caption', caption));
  const t = el('table', 'bp-table');
  const thead = el('thead');
  const tr = el('tr');
  for (const h of head) tr.appendChild(el('th', '', h));
  thead.appendChild(tr);
  t.appendChild(thead);
  const body = el('tbody');
  for (const row of rows) {
    const r = el('tr');
    row.forEach((cell, i) => {
      const c = el(i === 0 ? 'th' : 'td', typeof cell === 'number' && cell < 0 ? 'neg' : '', typeof cell === 'number' ? fmt(cell) : cell);
      r.appendChild(c);
    });
    body.appendChild(r);
  }
  t.appendChild(body);
  wrap.appendChild(t);
  return wrap;
}

/** The stages of an inspection, in order: forward per layer, loss, backward per layer, update. */
export function stagesOf(inspection) {
  const L = inspection.layers.length;
  const stages = [];
  for (let l = 0; l < L; l++) stages.push({ kind: 'forward', layer: l });
  stages.push({ kind: 'loss', layer: L - 1 });
  for (let l = L - 1; l >= 0; l--) stages.push({ kind: 'backward', layer: l });
  stages.push({ kind: 'update', layer: null });
  return stages;
}

/**
 * Renders one stage of an inspection into box (emptied).
 * @param words {t(key), format(key, params)}: the page's i18n
 */
export function renderStage(box, inspection, stage, words) {
  box.replaceChildren();
  const L = inspection.layers.length;
  const input = (l) => (l === 0 ? inspection.input : inspection.layers[l - 1].a);
  const n = (l) => l + 1; // the tutorials count layers from 1, the input is a^[0]
  const neuron = words.t('bp.neuron');

  if (stage.kind === 'forward') {
    const l = stage.layer;
    const layer = inspection.layers[l];
    const act = layer.activation;
    box.appendChild(el('h4', 'bp-stage-title', words.format('bp.forward', { layer: layerName(l, L, words), act })));
    if (l === 0) box.appendChild(line(`a^[0] = x = [${inspection.input.map(fmt).join(', ')}]`));
    box.appendChild(line(`z^[${n(l)}] = W^[${n(l)}] a^[${l}] + b^[${n(l)}],   a^[${n(l)}] = ${act}(z^[${n(l)}])`));
    const a0 = input(l);
    layer.z.slice(0, MAX_ROWS).forEach((z, j) => {
      const terms = layer.weights[j].map((w, i) => times(w, a0[i]));
      box.appendChild(line(`z${j + 1} = ${sum([...terms, fmt(layer.biases[j])])} = ${fmt(z)}  →  a${j + 1} = ${fmt(layer.a[j])}`));
    });
    box.appendChild(table(null, [neuron, `z^[${n(l)}]`, `a^[${n(l)}]`],
      layer.z.map((z, j) => [String(j + 1), z, layer.a[j]]), 'forward'));
  } else if (stage.kind === 'loss') {
    const out = inspection.layers[L - 1].a;
    const y = inspection.target;
    const formula = { square: 'bp.lossSquare', mse: 'bp.lossMse', bce: 'bp.lossBce', ce: 'bp.lossCe' }[inspection.lossFormula];
    box.appendChild(el('h4', 'bp-stage-title', words.t('bp.lossStage')));
    if (formula) box.appendChild(line(words.t(formula)));
    if (inspection.lossFormula === 'bce' && out.length === 1) {
      box.appendChild(line(`L = −[${fmt(y[0])}·log ${fmt(out[0])} + ${fmt(1 - y[0])}·log ${fmt(1 - out[0])}] = ${fmt(inspection.loss)}`));
    } else {
      box.appendChild(line(`L = ${fmt(inspection.loss)}`));
    }
    box.appendChild(table(null, [neuron, `a^[${L}]`, 'y'], out.map((a, k) => [String(k + 1), a, y[k]]), 'loss'));
  } else if (stage.kind === 'backward') {
    const l = stage.layer;
    const layer = inspection.layers[l];
    box.appendChild(el('h4', 'bp-stage-title', words.format('bp.backward', { layer: layerName(l, L, words) })));
    if (l === L - 1) {
      const y = inspection.target;
      if (inspection.lossFormula === 'bce' || inspection.lossFormula === 'ce') {
        box.appendChild(line(`δ^[${n(l)}] = a^[${n(l)}] − y   (${inspection.lossFormula === 'bce' ? 'sigmoid + BCE' : 'softmax + CE'})`));
        layer.delta.slice(0, MAX_ROWS).forEach((d, j) => {
          box.appendChild(line(`δ${j + 1} = ${fmt(layer.a[j])} − ${fmt(y[j])} = ${fmt(d)}`));
        });
      } else {
        const scale = inspection.lossFormula === 'mse' ? `2/${layer.a.length}·` : '';
        box.appendChild(line(`δ^[${n(l)}] = ${scale}(a^[${n(l)}] − y) ⊙ f′(z^[${n(l)}])`));
        layer.delta.slice(0, MAX_ROWS).forEach((d, j) => {
          const f = layer.dadz?.[j]; // f′(z) as the engine took it (inspection's dadz)
          box.appendChild(line(`δ${j + 1} = ${scale}(${fmt(layer.a[j])} − ${fmt(y[j])})·${fmt(f)} = ${fmt(d)}`));
        });
      }
    } else {
      const next = inspection.layers[l + 1];
      box.appendChild(line(`δ^[${n(l)}] = (W^[${n(l + 1)}])ᵀ δ^[${n(l + 1)}] ⊙ f′(z^[${n(l)}])`));
      layer.delta.slice(0, MAX_ROWS).forEach((d, j) => {
        const terms = next.weights.map((row, k) => times(row[j], next.delta[k]));
        const f = layer.dadz?.[j]; // f′(z) as the engine took it (inspection's dadz)
        box.appendChild(line(`δ${j + 1} = (${sum(terms)})·${fmt(f)} = ${fmt(d)}`));
      });
    }
    box.appendChild(line(`dW^[${n(l)}] = δ^[${n(l)}] (a^[${l}])ᵀ,   db^[${n(l)}] = δ^[${n(l)}]`));
    const a0 = input(l);
    const head = [neuron, `δ^[${n(l)}]`, ...a0.map((_, i) => `dW[·,${i + 1}]`), 'db'];
    box.appendChild(table(`a^[${l}] = [${a0.slice(0, 12).map(fmt).join(', ')}${a0.length > 12 ? ', …' : ''}]`, head,
      layer.delta.map((d, j) => [String(j + 1), d, ...layer.dW[j], layer.db[j]]), 'backward'));
  } else {
    box.appendChild(el('h4', 'bp-stage-title', words.t('bp.update')));
    box.appendChild(line(`W ← W − η·dW,   b ← b − η·db,   η = ${inspection.learningRate}`));
    const after = inspection.after?.layers ?? [];
    inspection.layers.forEach((layer, l) => {
      const next = after[l];
      if (!next) return;
      const rows = layer.weights.slice(0, MAX_ROWS).map((row, j) => [String(j + 1),
        ...row.slice(0, MAX_TERMS).map((w, i) => `${fmt(w)} → ${fmt(next.weights[j][i])}`),
        `${fmt(layer.biases[j])} → ${fmt(next.biases[j])}`]);
      const head = [neuron, ...layer.weights[0].slice(0, MAX_TERMS).map((_, i) => `W[·,${i + 1}]`), 'b'];
      box.appendChild(table(`W^[${n(l)}], b^[${n(l)}]`, head, rows, 'update'));
    });
  }
  const loss = el('p', 'bp-loss');
  loss.appendChild(el('span', '', `${words.t('bp.lossBefore')} `));
  loss.appendChild(el('strong', 'bp-loss-before', fmt(inspection.loss)));
  if (stage.kind === 'update' && inspection.after) {
    loss.appendChild(el('span', '', ` → ${words.t('bp.lossAfter')} `));
    loss.appendChild(el('strong', 'bp-loss-after', fmt(inspection.after.loss)));
  }
  box.appendChild(loss);
}

/** The marks of the tutorials' gradient checks. */
export function verdictMark(verdict) {
  return { correct: '✓', check: '⚠', wrong: '✗' }[verdict] ?? '?';
}

/** A gradcheck result into box (emptied): per layer its relative error and the tutorials' mark. */
export function renderGradcheck(box, result, words) {
  box.replaceChildren();
  box.appendChild(el('p', 'bp-note', words.format('bp.gradcheckSummary', { n: result.samples, eps: result.epsilon })));
  const list = el('ul', 'gradcheck-list');
  for (const layer of result.layers) {
    const li = el('li', `verdict-${layer.verdict}`);
    li.appendChild(el('span', 'gc-layer', words.format('bp.gradcheckLayer', { l: layer.layer + 1 })));
    li.appendChild(el('span', 'gc-error', `${words.t('bp.relativeError')} ${sci(layer.relativeError)}`));
    li.appendChild(el('span', 'gc-verdict', `${verdictMark(layer.verdict)} ${words.t(`bp.verdict.${layer.verdict}`)}`));
    li.dataset.verdict = layer.verdict;
    list.appendChild(li);
  }
  box.appendChild(list);
  box.appendChild(el('p', 'bp-note', words.t('bp.gradcheckMarks')));
}
