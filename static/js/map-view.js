// The big map: the output (or a picked neuron) over the domain, the points on it, its axes and
// legend; a click near a training point asks to step that point through the network.

import { GridPainter, drawPoints, classBands } from './heatmap.js';
import { setFacts, classCount } from './facts.js';
import { setHidden } from './dom.js';

/** Output values onto TF's [−1, 1] scale as v → a·v + b: a sigmoid output (the server's derived.outputActivation) is in [0, 1]. */
export function outputScale(derived) {
  return derived?.outputActivation === 'sigmoid' ? { a: 2, b: -1 } : { a: 1, b: 0 };
}

/**
 * @param els {heatmap, grid, points, caption, captionText, back, legendBar, legendTicks, legendText,
 *             axes: [elements], axisMin, axisMax, axisMid, axisMinY, axisMaxY, axisMidY}
 * @param on  {inspectPoint(index), pointClick(place, event), longPress(place)}: the last two (the point
 *            tools) say true when the click was theirs; a place is {x, y} in the domain's units
 */
export function mountMap(els, store, i18n, datasets, on) {
  const facts = () => setFacts(store.get().state, datasets);
  const painter = new GridPainter(els.grid);

  function paint() {
    const { frame, selection, state } = store.get();
    if (!frame) return;
    if (selection) {
      const block = frame.blocks.find((b) => b.name === 'neuron' && b.layer === selection.layer && b.neuron === selection.neuron);
      if (block) {
        painter.signed(block, { shades: 0 });
        els.captionText.textContent = i18n.format('out.neuronView', { l: selection.layer + 1, n: selection.neuron + 1 });
        setHidden(els.caption, false);
        return;
      }
      store.set({ selection: null }); // that neuron is gone (a narrower layer): back to the output
      return;
    }
    setHidden(els.caption, true);
    const output = frame.blocks.find((b) => b.name === 'output');
    if (!output) return;
    const classes = frame.blocks.find((b) => b.name === 'outputClass');
    if (classes) {
      painter.classes(output, classes, classCount(state, datasets), { discretize: state.discretize });
    } else {
      painter.signed(output, { discretize: state.discretize, ...outputScale(store.get().derived) });
    }
  }

  function drawDots() {
    const { points, state, inspected } = store.get();
    const canvas = els.points;
    if (!points || !points.train) {
      canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    const sets = [{ rows: points.train, stroke: '#fff' }];
    if (state.showTestData) sets.push({ rows: points.test, stroke: '#000' });
    drawPoints(canvas, sets, points.domain, points.kind);
    if (inspected && inspected.split === 'train') {
      // the point being stepped through, ringed
      const i = 3 * inspected.index;
      const [lo, hi] = points.domain;
      const g = canvas.getContext('2d');
      const ratio = window.devicePixelRatio || 1;
      g.lineWidth = 2 * ratio;
      g.strokeStyle = '#183d4e';
      g.beginPath();
      g.arc(((points.train[i] - lo) / (hi - lo)) * canvas.width, ((hi - points.train[i + 1]) / (hi - lo)) * canvas.height, 7 * ratio, 0, 2 * Math.PI);
      g.stroke();
    }
  }

  function frameTheMap() {
    const m = facts();
    const multi = m.kind === 'multiclass';
    els.legendBar.classList.toggle('classes', multi);
    els.legendBar.style.background = multi ? classBands(classCount(store.get().state, datasets)) : '';
    // kept in the layout (invisible), so the legend's height does not change with the data set
    els.legendTicks.style.visibility = multi ? 'hidden' : '';
    els.legendText.dataset.i18n = multi ? 'out.classColors' : 'out.colors';
    els.legendText.textContent = i18n.t(els.legendText.dataset.i18n);
    for (const axis of els.axes) axis.hidden = m.dim !== 2;
    els.points.hidden = m.dim !== 2;
    const [lo, hi] = m.domain;
    els.axisMin.textContent = els.axisMinY.textContent = String(lo);
    els.axisMax.textContent = els.axisMaxY.textContent = String(hi);
    els.axisMid.textContent = els.axisMidY.textContent = String((lo + hi) / 2);
  }

  /** The nearest training point to a click on the map, within 16 px, or none. */
  function pointAt(event) {
    const { points } = store.get();
    if (!points || !points.train) return null;
    const rect = els.points.getBoundingClientRect();
    const [lo, hi] = points.domain;
    const x = lo + ((event.clientX - rect.left) / rect.width) * (hi - lo);
    const y = hi - ((event.clientY - rect.top) / rect.height) * (hi - lo);
    const perPixel = (hi - lo) / rect.width;
    let best = -1, bestD = Infinity;
    for (let i = 0; i + 2 < points.train.length; i += 3) {
      const d = (points.train[i] - x) ** 2 + (points.train[i + 1] - y) ** 2;
      if (d < bestD) { bestD = d; best = i / 3; }
    }
    return best >= 0 && Math.sqrt(bestD) <= 16 * perPixel ? best : null;
  }

  /** Where a click or touch is on the map, in the domain's units; null off the map. */
  function placeOf(event) {
    const rect = els.points.getBoundingClientRect();
    if (!rect.width || !rect.height) return null;
    const [lo, hi] = store.get().points?.domain ?? facts().domain;
    const fx = (event.clientX - rect.left) / rect.width, fy = (event.clientY - rect.top) / rect.height;
    if (fx < 0 || fx > 1 || fy < 0 || fy > 1) return null;
    return { x: lo + fx * (hi - lo), y: hi - fy * (hi - lo) };
  }

  // a long press (a phone has no shift key) is the point tools' erase; the click that ends it is not a click
  const LONG_PRESS_MS = 550;
  let press = null, pressed = false;
  const cancelPress = () => { if (press) clearTimeout(press.timer); press = null; };
  els.heatmap.addEventListener('pointerdown', (e) => {
    cancelPress();
    pressed = false;
    if (e.button !== 0 || els.caption.contains(e.target) || store.get().selection) return;
    const place = placeOf(e);
    if (!place) return;
    press = { x: e.clientX, y: e.clientY, timer: setTimeout(() => { press = null; pressed = Boolean(on.longPress?.(place)); }, LONG_PRESS_MS) };
  });
  els.heatmap.addEventListener('pointermove', (e) => {
    if (press && Math.hypot(e.clientX - press.x, e.clientY - press.y) > 10) cancelPress();
  });
  for (const type of ['pointerup', 'pointercancel', 'pointerleave']) els.heatmap.addEventListener(type, cancelPress);
  els.heatmap.addEventListener('contextmenu', (e) => { if (pressed) e.preventDefault(); });

  els.heatmap.addEventListener('click', (e) => {
    if (els.caption.contains(e.target) || store.get().selection) return;
    if (pressed) { pressed = false; return; }
    const place = placeOf(e);
    if (place && on.pointClick?.(place, e)) return;
    const index = pointAt(e);
    if (index != null) on.inspectPoint(index);
  });
  els.back.addEventListener('click', () => store.set({ selection: null }));
  new ResizeObserver(drawDots).observe(els.heatmap);

  store.subscribe(['frame', 'selection'], paint);
  store.subscribe(['state', 'derived'], () => { frameTheMap(); paint(); drawDots(); });
  store.subscribe(['points', 'inspected'], drawDots);
  store.subscribe(['lang'], () => { frameTheMap(); paint(); });
  frameTheMap();
}
