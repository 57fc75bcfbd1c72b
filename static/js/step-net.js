// A compact copy of the network for the step-through: one column of dots per layer (the input,
// each weight layer's neurons, the output), the stage's layer and the links into it lit, so the
// network stays in view while its numbers are read. SVG built with DOM calls, words as textContent.

const SVG = 'http://www.w3.org/2000/svg';
const MAX_DOTS = 8;   // dots drawn per column; a wider layer shows "+n"
const COL = 100, ROW = 16, TOP = 8, LABEL = 16;

function svg(tag, attrs, parent) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (parent) parent.appendChild(e);
  return e;
}

/** The name of weight layer l (from 0) in both views: "layer l+1", the last one "Output". */
export function layerName(l, layers, words) {
  return l === layers - 1 ? words.t('net.output') : words.format('bp.layerName', { l: l + 1 });
}

/**
 * Draws into box (emptied).
 * @param sizes [inputs, ...neurons per weight layer]
 * @param stage {kind: 'forward'|'loss'|'backward'|'update', layer}
 */
export function drawStepNet(box, sizes, stage, words) {
  box.replaceChildren();
  const layers = sizes.length - 1;
  const shown = sizes.map((n) => Math.min(n, MAX_DOTS));
  const height = TOP + Math.max(...shown) * ROW + LABEL + 4;
  const width = COL * sizes.length;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: `step-net-svg stage-${stage.kind}` }, box);
  const x = (k) => COL / 2 + k * COL;
  const y = (k, j) => TOP + (Math.max(...shown) - shown[k]) * ROW / 2 + j * ROW + ROW / 2;
  // the weight layer a stage is about: its links and neurons (column layer + 1); all for the update
  const lit = (l) => stage.kind === 'update' || stage.layer === l;
  for (let l = 0; l < layers; l++) {
    const g = svg('g', { class: `sn-links${lit(l) ? ' lit' : ''}` }, root);
    for (let i = 0; i < shown[l]; i++) {
      for (let j = 0; j < shown[l + 1]; j++) svg('line', { x1: x(l), y1: y(l, i), x2: x(l + 1), y2: y(l + 1, j) }, g);
    }
  }
  sizes.forEach((n, k) => {
    const on = k > 0 && lit(k - 1);
    const g = svg('g', { class: `sn-column${on ? ' lit' : ''}`, 'data-column': k }, root);
    for (let j = 0; j < shown[k]; j++) svg('circle', { cx: x(k), cy: y(k, j), r: 5.5 }, g);
    const label = svg('text', { x: x(k), y: height - 4, 'text-anchor': 'middle' }, g);
    const name = k === 0 ? words.t('bp.input') : layerName(k - 1, layers, words);
    label.textContent = n > MAX_DOTS ? `${name} (${n})` : name;
  });
}
