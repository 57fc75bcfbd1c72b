// The network as TF Playground draws it: a column of inputs, the hidden layers and the output;
// a small map in every neuron, links coloured by the weight's sign and as thick as |w|, a bias
// mark at each neuron. Nodes are HTML (a canvas each, an img for an input, scaled by CSS), links one SVG behind them.
// Click an input to feed it in or leave it out, a neuron to see it large, a link or a bias mark
// to edit it.

import { cssColor, classCss, paintPeak, painterOf } from './heatmap.js';
import { onKey, rove, targetOf, labelOf } from './network-keys.js';
import { drawnUrl } from './still.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEADER = 46;
/** Rows of full-size nodes a column may have; above, nodes shrink to keep the view that tall. */
const DENSE_ROWS = 12;
/** The smallest row of a dense column, in px: a node still big enough to click and colour. */
const MIN_ROW_STEP = 16;
/** playground.css's phone layout, where a layer's +/- are 44 px touch targets (WCAG 2.5.5). */
const TOUCH = typeof matchMedia === 'function' ? matchMedia('(max-width: 720px)') : { matches: false };
const TOUCH_TARGET = 44;
/** The neuron count's line under a layer's buttons, and the space before the first node, in px. */
const COUNT_LINE = 20;
/** A neuron's map: its activation's own colours, no bands. */
const NEURON_MAP = Object.freeze({ shades: 0 });

/** TF's link widths: |w| from 0 to 5 maps to 1 to 10 pixels. */
function linkWidth(w) {
  return 1 + 9 * Math.min(5, Math.abs(w)) / 5;
}

/** A link's width in CSS px, in tenths: widths closer than that look the same and are not rewritten. */
const WIDTHS = Array.from({ length: 121 }, (_, i) => `${(i / 10).toFixed(1)}px`);
function widthCss(px) {
  return WIDTHS[Math.max(0, Math.min(120, Math.round(px * 10)))];
}

/** Sets one inline style property when it differs from what this view last wrote there. */
function setStyle(element, property, value) {
  const written = element.written || (element.written = {});
  if (written[property] === value) return;
  written[property] = value;
  element.style[property] = value;
}

function largestGradient(grads) {
  let max = 1e-12;
  for (const g of grads) {
    for (const row of g.dW) for (const v of row) max = Math.max(max, Math.abs(v));
    for (const v of g.db) max = Math.max(max, Math.abs(v));
  }
  return max;
}

function largestDelta(deltas) {
  let max = 1e-12;
  for (const row of deltas) for (const v of row) max = Math.max(max, Math.abs(v));
  return max;
}

function el(tag, className, parent) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (parent) parent.appendChild(e);
  return e;
}

function icon(path) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS(SVG, 'path');
  p.setAttribute('d', path);
  svg.appendChild(p);
  return svg;
}

const ADD = 'M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z';
const REMOVE = 'M19 13H5v-2h14v2z';

/** "X_1^2" → X₁² as text (TF's labels use _ for a subscript and ^ for a superscript). */
export function featureLabel(label) {
  const sub = { 1: '₁', 2: '₂' };
  return label.replace(/_(\d)/g, (m, d) => sub[d] ?? d).replace(/\^2/g, '²');
}

export class NetworkView {
  /**
   * @param container the element to draw in (it is emptied)
   * @param i18n      for the words on nodes and buttons
   * @param on        onToggleFeature(name), onAddNeuron(layer), onRemoveNeuron(layer),
   *                  onSelectNeuron(layer, neuron) (null, null for the output), onSetWeight(layer, to, from, value),
   *                  onSetBias(layer, to, value)
   */
  constructor(container, i18n, on) {
    this.container = container;
    this.i18n = i18n;
    this.on = on;
    this.structure = null;
    this.selected = null;
    this.lastFrame = null;
    this.editorTarget = null;
    this.mode = 'weights';
    this.highlighted = undefined;
    this.inputUrls = new Map(); // feature name → its map drawn as a data URL (from the data message)
    this.inputImages = new Map(); // feature name → the input neuron's img
    this.inputCanvas = document.createElement('canvas'); // where the input maps are drawn, off the page
    this.resizeObserver = new ResizeObserver(() => {
      if (this.structure && this.container.clientWidth !== this.builtWidth) this.build();
    });
    this.resizeObserver.observe(container);
    TOUCH.addEventListener?.('change', () => { if (this.structure) this.build(); });
    container.addEventListener('click', (e) => this.click(e));
    container.addEventListener('keydown', (e) => this.keydown(e));
    container.addEventListener('focusin', (e) => this.describe(e.target));
  }

  /**
   * @param s {inputs: [{name, label, enabled, locked, hidden}], shape: [sizes], shapeLocked, outputs, domain, canToggle,
   *           maxNeurons, outputKind: 'binary'|'multiclass'|'regression', outputActivation: 'sigmoid'|… or null,
   *           canEditWeights: false shows a clicked weight read-only (lock=weights)}
   */
  setStructure(s) {
    const key = JSON.stringify([s.inputs.map((i) => [i.name, i.enabled, i.locked, i.hidden]), s.shape, s.shapeLocked, s.outputs, s.canToggle, s.domain, s.maxNeurons, s.outputKind, s.outputActivation, s.canEditWeights]);
    if (key === this.structureKey) return;
    this.structureKey = key;
    this.structure = s;
    if (this.selected && (this.selected.layer >= s.shape.length || this.selected.neuron >= s.shape[this.selected.layer])) {
      this.selected = null;
    }
    this.build();
  }

  /** The input neurons' pictures (feature name → {values, width, height}); an empty map for none. */
  setInputMaps(maps) {
    this.inputUrls = new Map();
    for (const [name, grid] of maps) this.inputUrls.set(name, drawnUrl((canvas) => paintPeak(canvas, grid), this.inputCanvas));
    for (const [name, img] of this.inputImages) if (this.inputUrls.has(name)) img.src = this.inputUrls.get(name);
  }

  /** The layer sizes, inputs first: [enabled inputs, ...hidden, outputs]. */
  sizes() {
    const s = this.structure;
    return [s.inputs.filter((i) => i.enabled).length, ...s.shape, s.outputs];
  }

  build() {
    const s = this.structure;
    const c = this.container;
    c.replaceChildren();
    this.inputImages = new Map();
    this.closeEditor();
    const touch = TOUCH.matches;
    c.style.minWidth = '';
    let width = c.clientWidth || 500;
    // an input that is off is offered unless its column or itself is hidden; one that is on is always drawn (it is wired)
    const shown = s.inputs.filter((i) => i.enabled || s.canToggle && !i.hidden);
    const cols = s.shape.length + 2;
    const narrow = width < 480;
    // a phone's view may scroll sideways, which clips what sticks out at its left: room for sin(X₁) there
    const labelW = shown.some((i) => i.label.length > 3) ? (narrow && !touch ? 40 : 52) : (narrow ? 22 : 28);
    let size = Math.max(22, Math.min(38, Math.floor((width - labelW - 12) / (cols * 1.75))));
    let gap = Math.max(9, Math.round(size * 0.34));
    const rows = Math.max(shown.length, ...s.shape, s.outputs);
    // a tall column (a set without a 2-D map allows 32 neurons a layer, 16 inputs): smaller nodes,
    // so the view stays about as tall as DENSE_ROWS full-size rows instead of a page or two
    const dense = rows > DENSE_ROWS;
    if (dense) {
      const step = Math.max(MIN_ROW_STEP, (DENSE_ROWS * (size + gap)) / rows);
      size = Math.max(10, Math.round(step * 0.72));
      gap = Math.max(3, Math.round(step) - size);
    }
    c.classList.toggle('dense', dense);
    const rowStep = size + gap;
    // on a phone the columns keep room for a 44 px button each, and the view scrolls sideways if it must
    if (touch) {
      const needed = Math.ceil(labelW + (cols - 1) * (TOUCH_TARGET + 2) + size + 6);
      if (width < needed) {
        width = needed;
        c.style.minWidth = `${needed}px`;
      }
    }
    this.builtWidth = width;
    const stepAcross = (width - size - 6 - labelW) / (cols - 1);
    // a layer's + and − side by side where its column has room for both, else one above the other
    const stacked = touch && stepAcross < 2 * TOUCH_TARGET + 6;
    c.classList.toggle('touch', touch);
    c.classList.toggle('stacked', stacked);
    const header = touch ? (stacked ? 2 * TOUCH_TARGET + 2 : TOUCH_TARGET) + COUNT_LINE : HEADER;
    const height = header + rows * rowStep + 8;
    c.style.height = `${height}px`;
    const left = labelW;
    const right = width - size - 6;
    const colStep = stepAcross;
    const colX = (k) => left + k * colStep;
    const colY = (count, j) => header + (rows - count) * rowStep / 2 + j * rowStep;

    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('class', 'links');
    this.svg.setAttribute('width', String(width));
    this.svg.setAttribute('height', String(height));
    const linkGroup = document.createElementNS(SVG, 'g');
    const hitGroup = document.createElementNS(SVG, 'g');
    this.svg.append(linkGroup, hitGroup);
    c.appendChild(this.svg);

    // node positions per column: column 0 the inputs (only enabled ones are wired)
    this.nodes = [];
    const inputCol = [];
    shown.forEach((input, j) => {
      const node = el('button', `node input${input.enabled ? '' : ' disabled'}`, c);
      node.type = 'button';
      node.style.cssText = `left:${colX(0)}px;top:${colY(shown.length, j)}px;width:${size}px;height:${size}px`;
      node.dataset.feature = input.name;
      // an img of the feature's map, drawn when the maps come (still.js: not a canvas layer of its own)
      const img = el('img', 'thumb', node);
      img.alt = '';
      this.inputImages.set(input.name, img);
      if (this.inputUrls.has(input.name)) img.src = this.inputUrls.get(input.name);
      const label = el('span', 'node-label', node);
      label.textContent = input.label;
      node.title = input.locked ? this.i18n.format('net.featureLocked', { name: input.label })
        : s.canToggle ? this.i18n.format('net.featureTitle', { name: input.label }) : input.label;
      node.setAttribute('aria-pressed', String(input.enabled));
      if (input.locked) {
        node.classList.add('locked');
        node.setAttribute('aria-disabled', 'true');
        el('span', 'node-locked', node).textContent = this.i18n.t('control.locked');
      }
      if (!s.canToggle) node.tabIndex = -1;
      if (input.enabled) inputCol.push({ x: colX(0), y: colY(shown.length, j), node });
    });
    this.nodes.push(inputCol);

    s.shape.forEach((count, l) => {
      const column = [];
      const x = colX(l + 1);
      for (let n = 0; n < count; n++) {
        const y = colY(count, n);
        const node = el('button', 'node hidden-neuron', c);
        node.type = 'button';
        node.style.cssText = `left:${x}px;top:${y}px;width:${size}px;height:${size}px`;
        node.dataset.layer = String(l);
        node.dataset.neuron = String(n);
        node.title = this.i18n.format('net.neuronTitle', { l: l + 1, n: n + 1 });
        node.dataset.title = node.title;
        const canvas = el('canvas', 'thumb', node);
        const bias = el('span', 'bias', node);
        bias.dataset.biasLayer = String(l);
        bias.dataset.biasNeuron = String(n);
        if (this.selected && this.selected.layer === l && this.selected.neuron === n) node.classList.add('selected');
        column.push({ x, y, node, bias, canvas });
      }
      this.nodes.push(column);
      // the layer's +/- and its neuron count, over the column
      const head = el('div', 'layer-head', c);
      head.style.cssText = `left:${x + size / 2}px`;
      const buttons = el('div', 'neuron-buttons ui-numHiddenLayers', head);
      const plus = el('button', 'round-button small', buttons);
      plus.type = 'button';
      plus.appendChild(icon(ADD));
      plus.dataset.addNeuron = String(l);
      plus.title = this.i18n.t('net.addNeuron');
      plus.setAttribute('aria-label', plus.title);
      plus.disabled = s.shapeLocked || count >= s.maxNeurons;
      const minus = el('button', 'round-button small', buttons);
      minus.type = 'button';
      minus.appendChild(icon(REMOVE));
      minus.dataset.removeNeuron = String(l);
      minus.title = this.i18n.t('net.removeNeuron');
      minus.setAttribute('aria-label', minus.title);
      minus.disabled = s.shapeLocked || count <= 1;
      if (s.shapeLocked) for (const b of [plus, minus]) b.title = this.i18n.t('error.locked');
      const words = el('span', 'neuron-count', head);
      const full = count === 1 ? this.i18n.t('net.neuronsOne') : this.i18n.format('net.neuronsMany', { n: count });
      // where the columns are close (a phone, six layers), the number alone
      words.textContent = colStep < 74 ? String(count) : full;
      words.title = full;
    });

    const outCol = [];
    for (let k = 0; k < s.outputs; k++) {
      const x = colX(cols - 1);
      const y = colY(s.outputs, k);
      const node = el('button', `node output-node ${s.outputKind}`, c);
      node.type = 'button';
      node.style.cssText = `left:${x}px;top:${y}px;width:${size}px;height:${size}px`;
      node.title = this.i18n.format('net.outputTitle', { n: k + 1 });
      if (s.outputActivation) node.title += ` · ${this.i18n.t(`opt.activation.${s.outputActivation}`)}`;
      node.dataset.title = node.title;
      const canvas = el('canvas', 'thumb', node);
      if (s.outputKind === 'multiclass') {
        // a class's output neuron: its colour, as the regions of the big map
        node.style.borderColor = classCss(k);
        canvas.width = 1;
        canvas.height = 1;
        const g = canvas.getContext('2d');
        g.globalAlpha = 0.45;
        g.fillStyle = classCss(k);
        g.fillRect(0, 0, 1, 1);
      }
      const bias = el('span', 'bias', node);
      bias.dataset.biasLayer = String(s.shape.length);
      bias.dataset.biasNeuron = String(k);
      outCol.push({ x, y, node, bias, canvas });
    }
    this.nodes.push(outCol);
    if (s.outputActivation) {
      // the output layer's activation, over its column: a single sigmoid neuron reads "Sigmoid"
      const head = el('div', 'layer-head output-head', c);
      head.style.cssText = `left:${colX(cols - 1) + size}px`; // right-aligned to the node: the column is at the view's edge
      const words = el('span', 'neuron-count output-activation', head);
      words.textContent = this.i18n.t(`opt.activation.${s.outputActivation}`);
    }

    // links: layer l joins column l to column l + 1; to-major, as the frame's weights[to][from]
    this.links = [];
    // the weights then the biases of each layer, one tab stop for them all (arrows move, Enter edits)
    this.keyItems = [];
    this.size = size;
    this.linkScale = Math.min(1, size / 36); // TF's widths are for its 30 px nodes with room between
    for (let l = 0; l + 1 < this.nodes.length; l++) {
      const from = this.nodes[l], to = this.nodes[l + 1];
      const layerLinks = [];
      to.forEach((t, ti) => {
        const row = [];
        from.forEach((f, fi) => {
          const x1 = f.x + size, y1 = f.y + size / 2, x2 = t.x, y2 = t.y + size / 2;
          const mx = (x1 + x2) / 2;
          const d = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
          const path = document.createElementNS(SVG, 'path');
          path.setAttribute('d', d);
          path.setAttribute('class', 'link');
          linkGroup.appendChild(path);
          const hit = document.createElementNS(SVG, 'path');
          hit.setAttribute('d', d);
          hit.setAttribute('class', 'link-hit');
          hit.dataset.layer = String(l);
          hit.dataset.to = String(ti);
          hit.dataset.from = String(fi);
          hit.setAttribute('role', 'button');
          hitGroup.appendChild(hit);
          this.keyItems.push(hit);
          row.push(path);
        });
        layerLinks.push(row);
      });
      this.links.push(layerLinks);
      // the layer's biases, for the keyboard: a square over each bias mark (the mark itself is
      // inside the neuron's button, where a focusable element may not be)
      to.forEach((t, ti) => {
        const mark = dense ? 6 : 9;
        const square = document.createElementNS(SVG, 'rect');
        square.setAttribute('class', 'bias-hit');
        square.setAttribute('x', String(t.x - (dense ? 8 : 10)));
        square.setAttribute('y', String(t.y + size - mark + 1));
        square.setAttribute('width', String(mark));
        square.setAttribute('height', String(mark));
        square.setAttribute('role', 'button');
        square.dataset.layer = String(l);
        square.dataset.to = String(ti);
        hitGroup.appendChild(square);
        this.keyItems.push(square);
      });
    }
    rove(this.keyItems);
    // each has its name from the start (a focus brings its value up to date)
    for (const item of this.keyItems) this.describe(item);
    this.editor = this.makeEditor();
    if (this.highlighted !== undefined) this.highlight(this.highlighted);
    if (this.lastFrame) this.update(this.lastFrame.header, this.lastFrame.blocks);
  }

  /** Whether a frame's layers have the shape drawn (right after a change, a frame may still be the old net's). */
  fits(layers) {
    const sizes = this.sizes();
    if (!layers || layers.length !== sizes.length - 1) return false;
    return layers.every((layer, l) => layer.biases.length === sizes[l + 1]
      && (layer.weights.length === 0 || layer.weights[0].length === sizes[l]));
  }

  /**
   * Colours links and bias marks from the frame's weights and paints every neuron's map.
   * @param blocks {name, layer, neuron, ..., bytes}
   */
  update(header, blocks) {
    this.lastFrame = { header, blocks };
    if (!this.structure || !this.fits(header.layers)) return;
    this.layers = header.layers;
    const grads = this.mode === 'gradients' && Array.isArray(header.gradients) && header.gradients.length === header.layers.length
      ? header.gradients : null;
    // gradients are drawn against the frame's largest |dL/dθ|, so a tiny late-training gradient still shows its pattern
    const gMax = grads ? largestGradient(grads) : 1;
    const dMax = grads && Array.isArray(header.deltas) ? largestDelta(header.deltas) : 1;
    for (let l = 0; l < header.layers.length; l++) {
      const layer = header.layers[l];
      const source = grads ? grads[l].dW : layer.weights;
      const paths = this.links[l];
      for (let to = 0; to < source.length; to++) {
        const row = source[to];
        for (let from = 0; from < row.length; from++) {
          const path = paths?.[to]?.[from];
          if (!path) continue;
          const w = row[from];
          const width = grads ? 1 + 9 * Math.abs(w) / gMax : linkWidth(w);
          // a style written only when it changes: the same colour and width repaint nothing
          setStyle(path, 'stroke', cssColor(grads ? w / gMax : w));
          setStyle(path, 'strokeWidth', widthCss(width * this.linkScale));
        }
      }
      const column = this.nodes[l + 1];
      const biases = grads ? grads[l].db : layer.biases;
      for (let n = 0; n < biases.length; n++) {
        const b = biases[n];
        if (column[n]?.bias) setStyle(column[n].bias, 'background', cssColor(grads ? b / gMax : b));
        const node = column[n]?.node;
        if (!node) continue;
        const delta = grads ? header.deltas?.[l]?.[n] : null;
        setStyle(node, 'outline', delta == null ? '' : `4px solid ${cssColor(delta / dMax)}`);
        // the δ in the tooltip in gradient view; its own words back once, not read from the DOM every frame
        if (delta != null) {
          const title = `δ = ${delta.toPrecision(3)}`;
          if (node.title !== title) node.title = title;
          node.showsDelta = true;
        } else if (node.showsDelta) {
          node.title = node.dataset.title ?? node.title;
          node.showsDelta = false;
        }
      }
    }
    const discretize = this.structure.discretize;
    for (const block of blocks) {
      if (block.name === 'neuron') {
        const node = this.nodes[block.layer + 1]?.[block.neuron];
        if (!node) continue;
        painterOf(node.canvas).signed(block, NEURON_MAP);
      } else if (block.name === 'output' && this.structure.outputKind !== 'multiclass') {
        const out = this.nodes[this.nodes.length - 1][0];
        if (out) painterOf(out.canvas).signed(block, { discretize, ...this.structure.outputScale });
      }
    }
  }

  /** 'weights' (w) or 'gradients' (dL/dw, neurons ringed by δ); redraws from the last frame. */
  setMode(mode) {
    this.mode = mode;
    this.container.classList.toggle('gradient-mode', mode === 'gradients');
    if (this.lastFrame) this.update(this.lastFrame.header, this.lastFrame.blocks);
  }

  /**
   * Marks the part of the network a step-through stage is about: weight layer l (its links and the
   * neurons it feeds), or all of it with null; off with undefined.
   */
  highlight(layer) {
    const on = layer !== undefined;
    this.container.classList.toggle('stepping', on);
    if (!this.links) return;
    this.links.forEach((rows, l) => {
      const active = on && (layer === null || layer === l);
      for (const row of rows) for (const path of row) path.classList.toggle('active', active);
      for (const n of this.nodes[l + 1]) n.node.classList.toggle('active', active);
    });
    this.highlighted = layer;
  }

  select(layer, neuron) {
    this.selected = layer == null ? null : { layer, neuron };
    for (const n of this.container.querySelectorAll('.hidden-neuron')) {
      n.classList.toggle('selected', this.selected !== null
        && Number(n.dataset.layer) === layer && Number(n.dataset.neuron) === neuron);
    }
  }

  click(e) {
    const t = e.target;
    if (this.editor && this.editor.contains(t)) return;
    const add = t.closest('[data-add-neuron]');
    if (add) return void this.on.onAddNeuron(Number(add.dataset.addNeuron));
    const remove = t.closest('[data-remove-neuron]');
    if (remove) return void this.on.onRemoveNeuron(Number(remove.dataset.removeNeuron));
    const bias = t.closest('[data-bias-layer]');
    if (bias) {
      e.stopPropagation();
      const l = Number(bias.dataset.biasLayer), n = Number(bias.dataset.biasNeuron);
      return void this.openEditor({ layer: l, to: n, from: -1 }, e);
    }
    if (t.classList && t.classList.contains('link-hit')) {
      const target = { layer: Number(t.dataset.layer), to: Number(t.dataset.to), from: Number(t.dataset.from) };
      return void this.openEditor(target, e);
    }
    const node = t.closest('.node');
    if (!node) return void this.closeEditor();
    if (node.classList.contains('input')) {
      const input = this.structure.inputs.find((i) => i.name === node.dataset.feature);
      if (this.structure.canToggle && !input?.locked) this.on.onToggleFeature(node.dataset.feature);
    } else if (node.classList.contains('hidden-neuron')) {
      const l = Number(node.dataset.layer), n = Number(node.dataset.neuron);
      const same = this.selected && this.selected.layer === l && this.selected.neuron === n;
      this.select(same ? null : l, same ? null : n);
      this.on.onSelectNeuron(same ? null : l, same ? null : n);
    } else if (node.classList.contains('output-node')) {
      this.select(null, null);
      this.on.onSelectNeuron(null, null);
    }
  }

  /** The keyboard on a weight or bias (network-keys.js); the editor opens over the focused one. */
  keydown(e) {
    const handled = this.keyItems && onKey(e, this.keyItems, (item) => {
      const r = item.getBoundingClientRect();
      this.editorOpener = item;
      this.openEditor(targetOf(item), { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 });
    });
    if (handled) e.preventDefault(); // not the page's play/pause
  }

  /** A weight or bias says what it joins and its value now, in the page's language. */
  describe(item) {
    if (!item.classList || !(item.classList.contains('link-hit') || item.classList.contains('bias-hit'))) return;
    item.setAttribute('aria-label', labelOf(this.i18n, targetOf(item), this.layers, (column, j) => {
      if (column === 0) return this.structure.inputs.filter((x) => x.enabled)[j]?.label ?? String(j + 1);
      if (column === this.nodes.length - 1) return this.i18n.format('net.outputName', { n: j + 1 });
      return this.i18n.format('net.neuronName', { l: column, n: j + 1 });
    }));
  }

  makeEditor() {
    const box = el('form', 'weight-editor', this.container);
    box.hidden = true;
    const label = el('label', '', box);
    const words = el('span', 'editor-label', label);
    const input = el('input', '', label);
    input.type = 'number';
    input.step = 'any';
    input.required = true;
    const apply = el('button', 'basic-button small primary', box);
    apply.type = 'submit';
    const cancel = el('button', 'basic-button small', box);
    cancel.type = 'button';
    cancel.addEventListener('click', () => this.closeEditor());
    box.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = Number(input.value);
      const t = this.editorTarget;
      if (!t || this.structure.canEditWeights === false || input.value.trim() === '' || !Number.isFinite(value)) return;
      if (t.from < 0) this.on.onSetBias(t.layer, t.to, value);
      else this.on.onSetWeight(t.layer, t.to, t.from, value);
      this.closeEditor();
    });
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.closeEditor();
    });
    this.editorParts = { words, input, apply, cancel };
    return box;
  }

  openEditor(target, event) {
    const layer = this.layers?.[target.layer];
    if (!layer || !this.editor) return;
    const value = target.from < 0 ? layer.biases[target.to] : layer.weights[target.to]?.[target.from];
    if (value === undefined) return;
    this.editorTarget = target;
    this.container.querySelector('.link-hit.editing')?.classList.remove('editing');
    if (target.from >= 0) {
      this.container.querySelector(`.link-hit[data-layer="${target.layer}"][data-to="${target.to}"][data-from="${target.from}"]`)
        ?.classList.add('editing');
    }
    const { words, input, apply, cancel } = this.editorParts;
    words.textContent = this.i18n.t(target.from < 0 ? 'edit.bias' : 'edit.weight');
    apply.textContent = this.i18n.t('edit.apply');
    cancel.textContent = this.i18n.t('edit.cancel');
    input.value = String(Math.round(value * 1000) / 1000);
    // under lock=weights the editor only shows the value
    const editable = this.structure.canEditWeights !== false;
    input.readOnly = !editable;
    apply.hidden = !editable;
    const box = this.container.getBoundingClientRect();
    const x = Math.max(4, Math.min(box.width - 190, event.clientX - box.left - 20));
    const y = Math.max(4, Math.min(box.height - 40, event.clientY - box.top + 12));
    this.editor.style.left = `${x}px`;
    this.editor.style.top = `${y}px`;
    this.editor.hidden = false;
    input.focus();
    input.select();
  }

  closeEditor() {
    this.editorTarget = null;
    this.container.querySelector('.link-hit.editing')?.classList.remove('editing');
    if (this.editor) this.editor.hidden = true;
    // back to the weight the keyboard opened it from, which now says its new value
    const opener = this.editorOpener;
    this.editorOpener = null;
    if (opener && opener.isConnected) opener.focus();
  }

  /** Redraws the words (after a language change). */
  relabel() {
    if (this.structure) this.build();
  }
}
