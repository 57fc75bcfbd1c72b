// The page's wiring, and the only module that touches DOM ids: it reads the server-rendered state
// from #boot, connects the socket, turns control changes into set messages and draws each frame
// (network, chart, map) from the stream. Data flows one way: control → socket → server → frame → canvas.

import { MessageType, ServerMessageType, decodeEnvelope, blockBytes, blockFloats } from './protocol.js';
import { ReconnectingSocket } from './socket.js';
import { I18n } from './i18n.js';
import { bindControls, showState, changesFor, neuronLimit } from './controls.js';
import { NetworkView, featureLabel } from './network-view.js';
import { LossChart } from './loss-chart.js';
import { paintSigned, paintClasses, drawPoints, drawThumbnail, blockValues } from './heatmap.js';
import { RatioChart } from './ratio-chart.js';
import { stagesOf, renderStage, renderGradcheck, fmt } from './stepper.js';
import { drawDigits, drawRegression } from './sample-view.js';
import { rowsOf } from './forward.js';

/** The backprop view's replies (protocol.js names them once the server speaks them). */
const INSPECTION = ServerMessageType.INSPECTION ?? 'inspection';
const GRADCHECK = ServerMessageType.GRADCHECK ?? 'gradcheck';

const $ = (id) => document.getElementById(id);
const boot = JSON.parse($('boot').textContent);
const i18n = new I18n(boot.lang, boot.strings);

/** TF Playground's INPUTS, in its order; the network's inputs are the enabled ones in this order. */
const FEATURES = [
  { name: 'x', label: 'X_1', f: (x, y) => x },
  { name: 'y', label: 'X_2', f: (x, y) => y },
  { name: 'xSquared', label: 'X_1^2', f: (x, y) => x * x },
  { name: 'ySquared', label: 'X_2^2', f: (x, y) => y * y },
  { name: 'xTimesY', label: 'X_1X_2', f: (x, y) => x * y },
  { name: 'sinX', label: 'sin(X_1)', f: (x, y) => Math.sin(x) },
  { name: 'sinY', label: 'sin(X_2)', f: (x, y) => Math.sin(y) },
];

let state = boot.state;
let query = boot.query;
let playing = false;
let latest = null;          // the newest frame, drawn at the next animation frame
let drawn = null;           // the frame on screen
let points = null;          // {train, test, width, domain, kind} from the data message
let selected = null;        // {layer, neuron} shown large, or null for the output
let lastDiverged = null;
let framesSeen = 0;
let inspection = null;      // the last inspection message, stepped through
let stageIndex = 0;
let inspected = null;       // {split, index} of the point ringed on the map
let gradcheck = null;       // the last gradcheck message
let presets = [];           // from /api/presets
const lossHistory = new Map(); // epoch → {trainLoss, testLoss}, for checking a run against another

// ---------- helpers ----------

function activeSet(s = state) {
  return s.problem === 'regression' ? s.regDataset : s.dataset;
}
function meta(s = state) {
  return boot.datasets[activeSet(s)] ?? { kind: 'binary', dim: 2, classes: 2, domain: [-6, 6] };
}
function classCount(s = state) {
  const m = meta(s);
  return m.takesNumClasses && s.numClasses > 0 ? s.numClasses : m.classes;
}
function isHidden(name, s = state) {
  return s[`${name}_hide`] === true;
}
function formatEpoch(n) {
  return String(n).padStart(6, '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function formatLoss(v) {
  return v == null || !Number.isFinite(v) ? '–' : v.toFixed(3);
}
function formatPercent(v) {
  return v == null || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(1)}%`;
}

// ---------- messages on screen ----------

/** A message at the bottom of the page; an id replaces the earlier message with that id. */
function toast(text, kind = 'info', { sticky = false, id = null } = {}) {
  const area = $('status');
  if (id) area.querySelector(`[data-toast="${id}"]`)?.remove();
  const box = document.createElement('div');
  box.className = `toast ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  if (id) box.dataset.toast = id;
  const words = document.createElement('span');
  words.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close-button';
  close.textContent = '×';
  close.title = i18n.t('status.dismiss');
  close.setAttribute('aria-label', close.title);
  close.addEventListener('click', () => box.remove());
  box.append(words, close);
  area.appendChild(box);
  if (!sticky) setTimeout(() => box.remove(), kind === 'error' ? 9000 : 5000);
  return box;
}
function clearToast(id) {
  $('status').querySelector(`[data-toast="${id}"]`)?.remove();
}

function showWarnings(list) {
  const box = $('warnings');
  const ul = $('warning-list');
  ul.replaceChildren();
  for (const w of list) {
    const li = document.createElement('li');
    if (w.key != null) {
      const code = document.createElement('code');
      code.textContent = w.value == null ? w.key : `${w.key}=${w.value}`;
      li.append(code, ' ');
    }
    const text = document.createElement('span');
    text.textContent = i18n.say(w.detail, w.message);
    li.appendChild(text);
    ul.appendChild(li);
  }
  box.hidden = list.length === 0;
}

// ---------- socket ----------

// the socket's address carries the state, so the session starts as this page is (no default first)
const socketUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?${query}`;
const socket = new ReconnectingSocket(socketUrl, {
  onStatus(status) {
    if (status === 'lost') toast(i18n.t('status.lost'), 'lost', { sticky: true, id: 'connection' });
  },
  onOpen(again) {
    const wasPlaying = playing;
    send({ type: MessageType.CONFIG, state });
    if (again) {
      toast(i18n.t('status.reconnected'), 'ok', { id: 'connection' });
      if (wasPlaying) send({ type: MessageType.PLAY });
    } else {
      clearToast('connection');
    }
  },
  onText(message) {
    if (message.type === ServerMessageType.STATE) onState(message);
    else if (message.type === ServerMessageType.ERROR) onError(message);
    else if (message.type === INSPECTION) onInspection(message);
    else if (message.type === GRADCHECK) onGradcheck(message);
  },
  onBinary(buffer) {
    let envelope;
    try {
      envelope = decodeEnvelope(buffer);
    } catch (e) {
      return;
    }
    if (envelope.header.type === ServerMessageType.FRAME) onFrame(envelope);
    else if (envelope.header.type === ServerMessageType.DATA) onData(envelope);
  },
});

function send(message) {
  return socket.send(message);
}

function change(key, value) {
  const changes = changesFor(key, value, state, boot.datasets, boot.limits);
  if (changes.networkShape && key !== 'networkShape') {
    toast(i18n.format('net.narrowed', { max: neuronLimit(boot.datasets[activeSet({ ...state, ...changes })], boot.limits) }), 'info');
  }
  if (key === 'showTestData' || key === 'discretize') {
    // display keys: show at once, the server's state follows
    state = { ...state, ...changes };
    redrawPoints();
    network.setStructure(structure());
    paintMap();
  }
  send({ type: MessageType.SET, state: changes });
}

// ---------- server messages ----------

function onState(message) {
  state = message.state;
  query = message.query;
  history.replaceState(history.state, '', `${location.pathname}?${query}`);
  if (message.warnings && message.warnings.length) showWarnings(message.warnings);
  // the one pause notice is divergence: say it in the page's language (the server's text is English)
  if (message.notice) toast(message.status?.diverged ? divergedReason(message.status.epoch) : message.notice, 'info');
  if (message.status) setPlaying(message.status.playing);
  if (state.lang !== i18n.lang) setLanguage(state.lang, false);
  markPreset();
  render();
}

/** Why training stopped, from the same template as the server's refusal after divergence. */
function divergedReason(epoch) {
  return i18n.format('msg.session.diverged', { epoch, rate: state.learningRate });
}

function onError(message) {
  if (message.code === 'not_supported' && (message.cause === 'inspect' || message.cause === 'gradcheck')) {
    const box = message.cause === 'inspect' ? $('step-body') : $('gradcheck-result');
    if (message.cause === 'inspect') $('stepper').hidden = false;
    const words = document.createElement('p');
    words.className = 'bp-note';
    words.textContent = i18n.t('bp.unsupported');
    box.replaceChildren(words);
    return;
  }
  const key = `error.${message.code}`;
  const what = i18n.t(key) === key ? message.code : i18n.t(key);
  toast(i18n.format('status.serverError', { what, message: i18n.say(message.detail, message.message) }), 'error');
  showState(document, state, boot.datasets); // back to what the server has
  network.setStructure(structure());
}

function onData(envelope) {
  const h = envelope.header;
  const train = h.blocks.find((b) => b.name === 'train');
  const test = h.blocks.find((b) => b.name === 'test');
  const width = train ? train.width : 0;
  const trainValues = train ? blockFloats(envelope, train) : null;
  points = {
    dataVersion: h.dataVersion,
    dataset: h.dataset,
    train: train && width === 3 ? trainValues : null,
    test: test && width === 3 ? blockFloats(envelope, test) : null,
    rows: rowsOf(trainValues, width),
    domain: h.domain,
    kind: boot.datasets[h.dataset]?.kind ?? 'binary',
  };
  inspected = null;
  $('sample-index').max = String(Math.max(0, points.rows.length - 1));
  redrawPoints();
  drawSampleView();
}

function onFrame(envelope) {
  const h = envelope.header;
  framesSeen++;
  const blocks = h.blocks.map((b) => ({ ...b, bytes: blockBytes(envelope, b) }));
  latest = { header: h, blocks };
  lossHistory.set(h.epoch, { trainLoss: h.trainLoss, testLoss: h.testLoss });
  if (lossHistory.size > 5000) lossHistory.delete(lossHistory.keys().next().value);
  chart.add(h.epoch, h.trainLoss, h.testLoss, h.trainAccuracy, h.testAccuracy);
  if (h.updateRatio) ratioChart.add(h.epoch, h.updateRatio);
  setPlaying(h.playing);
  if (h.diverged && h.diverged !== lastDiverged) toast(i18n.format('status.diverged', { why: divergedReason(h.epoch) }), 'error', { sticky: true, id: 'diverged' });
  if (!h.diverged && lastDiverged) clearToast('diverged');
  lastDiverged = h.diverged;
  scheduleDraw();
}

let drawScheduled = false;
function scheduleDraw() {
  if (drawScheduled) return;
  drawScheduled = true;
  requestAnimationFrame(() => {
    drawScheduled = false;
    if (!latest) return;
    drawn = latest;
    const h = drawn.header;
    $('epoch').textContent = formatEpoch(h.epoch);
    $('loss-train').textContent = formatLoss(h.trainLoss);
    $('loss-test').textContent = formatLoss(h.testLoss);
    $('accuracy-train').textContent = formatPercent(h.trainAccuracy);
    $('accuracy-test').textContent = formatPercent(h.testAccuracy);
    network.update(h, drawn.blocks);
    paintMap();
    drawSampleView();
    checkGoal(h);
  });
}

// ---------- the big map ----------

/** Output values on TF's [−1, 1] scale: a sigmoid output (bce) is a probability in [0, 1]. */
function scaleOutput(values) {
  if (state.loss === 'bce') for (let i = 0; i < values.length; i++) values[i] = 2 * values[i] - 1;
  return values;
}

function paintMap() {
  const canvas = $('heatmap-grid');
  const caption = $('heatmap-caption');
  if (!drawn) return;
  const blocks = drawn.blocks;
  if (selected) {
    const block = blocks.find((b) => b.name === 'neuron' && b.layer === selected.layer && b.neuron === selected.neuron);
    if (block) {
      paintSigned(canvas, blockValues(block, block.bytes), block.width, block.height, { shades: 0 });
      $('heatmap-caption-text').textContent = i18n.format('out.neuronView', { l: selected.layer + 1, n: selected.neuron + 1 });
      caption.hidden = false;
      return;
    }
    selected = null;
    network.select(null, null);
  }
  caption.hidden = true;
  const output = blocks.find((b) => b.name === 'output');
  if (!output) return;
  const values = blockValues(output, output.bytes);
  const classes = blocks.find((b) => b.name === 'outputClass');
  if (classes) {
    paintClasses(canvas, classes.bytes, values, output.width, output.height, classCount(), { discretize: state.discretize });
  } else {
    paintSigned(canvas, scaleOutput(values), output.width, output.height, { discretize: state.discretize });
  }
}

function redrawPoints() {
  const canvas = $('heatmap-points');
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

/** For a set without a 2-D map: the digit patterns or predicted-vs-actual, where the map would be. */
function drawSampleView() {
  const box = $('sample-view');
  const m = meta();
  // a new set's state and its points arrive as separate messages, in either order: draw only this set's rows
  const ours = points && points.dataset === activeSet() ? points : null;
  const show = m.dim !== 2 && ours && ours.rows.length > 0 && (m.kind === 'multiclass' || m.kind === 'regression');
  box.hidden = !show;
  $('no-map').hidden = m.dim === 2 || show;
  if (!show) return;
  const layers = drawn && network.fits(drawn.header.layers) ? drawn.header.layers : null;
  if (m.kind === 'multiclass') drawDigits(box, ours.rows, layers, i18n);
  else drawRegression(box, ours.rows, layers, i18n);
}

// ---------- the backprop view ----------

function inspect(message) {
  send({ type: MessageType.INSPECT ?? 'inspect', ...message });
  $('stepper').hidden = false;
  const words = document.createElement('p');
  words.className = 'bp-note';
  words.textContent = i18n.t('bp.waiting');
  $('step-body').replaceChildren(words);
}

function inspectTrain(index) {
  inspected = { split: 'train', index };
  $('sample-index').value = String(index);
  redrawPoints();
  inspect({ split: 'train', index });
}

function onInspection(message) {
  inspection = message;
  stageIndex = 0;
  showStage();
  // on a wide screen the panel is below the map: bring its top into view, no further
  const box = $('stepper').getBoundingClientRect();
  if (box.top > window.innerHeight - 120) $('stepper').scrollIntoView({ block: 'nearest' });
}

function showStage() {
  if (!inspection) return;
  const stages = stagesOf(inspection);
  stageIndex = Math.max(0, Math.min(stages.length - 1, stageIndex));
  const stage = stages[stageIndex];
  $('stepper').hidden = false;
  renderStage($('step-body'), inspection, stage, i18n);
  $('step-count').textContent = i18n.format('bp.stageOf', { i: stageIndex + 1, n: stages.length });
  const which = inspection.split == null ? i18n.t('bp.sampleOwn')
    : i18n.format(inspection.split === 'test' ? 'bp.sampleTest' : 'bp.sampleTrain', { i: inspection.index });
  $('step-sample').textContent = `${i18n.format('bp.sample', { which })} · x = [${inspection.input.map(fmt).join(', ')}], y = [${inspection.target.map(fmt).join(', ')}]`;
  $('step-prev').disabled = stageIndex === 0;
  $('step-next').disabled = stageIndex === stages.length - 1;
  network.highlight(stage.layer);
}

function closeStepper() {
  inspection = null;
  inspected = null;
  $('stepper').hidden = true;
  network.highlight(undefined);
  redrawPoints();
}

function onGradcheck(message) {
  gradcheck = message;
  renderGradcheck($('gradcheck-result'), message, i18n);
  $('gradcheck-button').disabled = false;
}

/** The nearest training point to a click on the map, within 16 px, or none. */
function pointAt(event) {
  if (!points || !points.train) return null;
  const rect = $('heatmap-points').getBoundingClientRect();
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

function numbers(text) {
  const parts = text.split(',').map((t) => t.trim()).filter((t) => t !== '');
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : null;
}

function inspectOwn() {
  const inputs = drawn ? drawn.header.layers[0].weights[0]?.length ?? 0 : 0;
  const outputs = drawn ? drawn.header.layers[drawn.header.layers.length - 1].biases.length : 0;
  // an empty field takes its hint: 1, 2 → 1 is the worked example of tutorial 000
  const x = numbers($('own-input').value.trim() || $('own-input').placeholder);
  const y = numbers($('own-target').value.trim() || $('own-target').placeholder);
  if (!x || !y || x.length !== inputs || y.length !== outputs) {
    toast(i18n.format('bp.badInput', { n: inputs, m: outputs }), 'error', { id: 'own-input' });
    return;
  }
  inspected = null;
  redrawPoints();
  inspect({ input: x, target: y });
}

function showGradientLegend() {
  const on = $('gradient-view').checked;
  const legend = $('gradient-legend');
  legend.dataset.i18n = on ? 'bp.legendGradients' : 'bp.legendWeights';
  legend.textContent = i18n.t(legend.dataset.i18n);
}

// ---------- tutorials ----------

async function loadPresets() {
  try {
    const response = await fetch('/api/presets');
    if (!response.ok) return;
    presets = await response.json();
  } catch (e) {
    return; // the menu stays with its one "Tutorials…" entry
  }
  fillPresets();
}

function fillPresets() {
  const select = $('tutorials');
  const first = select.options[0];
  select.replaceChildren(first);
  for (const p of presets) {
    const o = document.createElement('option');
    o.value = p.id;
    o.textContent = i18n.lang === 'ko' ? p.titleKo : p.titleEn; // the titles start with the tutorial's number
    select.appendChild(o);
  }
  markPreset();
}

/** Shows the preset this page is, when every key of its link has the same value here. */
function markPreset() {
  const here = new URLSearchParams(query);
  const current = presets.find((p) => [...new URLSearchParams(p.query)].every(([k, v]) => here.get(k) === v));
  $('tutorials').value = current ? current.id : '';
}

// ---------- state on screen ----------

function structure() {
  const m = meta();
  const twoD = m.dim === 2;
  const inputs = twoD
    ? FEATURES.map((f) => ({ name: f.name, label: featureLabel(f.label), enabled: state[f.name] === true, f: f.f }))
    : Array.from({ length: m.dim }, (_, i) => ({ name: `c${i}`, label: `x${i + 1}`, enabled: true, f: null }));
  const locked = new Set(state.lock || []);
  return {
    inputs,
    shape: state.networkShape,
    outputs: m.kind === 'multiclass' ? classCount() : 1,
    domain: m.domain,
    canToggle: twoD && !isHidden('features') && !FEATURES.some((f) => locked.has(f.name)),
    maxNeurons: locked.has('networkShape') ? 0 : neuronLimit(m, boot.limits),
    outputKind: m.kind,
    discretize: state.discretize,
    outputScale: state.loss === 'bce' ? scaleOutput : null,
  };
}

function render() {
  showState(document, state, boot.datasets);
  for (const name of boot.hidable) {
    for (const el of document.querySelectorAll(`.ui-${name}`)) el.classList.toggle('is-hidden', isHidden(name));
  }
  const m = meta();
  const regression = m.kind === 'regression';
  for (const el of document.querySelectorAll('.stat.accuracy')) el.classList.toggle('is-na', regression);
  $('numClasses').closest('.control').classList.toggle('is-na', !m.takesNumClasses);
  chart.setAccuracy(!regression);
  const multi = m.kind === 'multiclass';
  $('legend-bar').classList.toggle('classes', multi);
  $('legend-ticks').hidden = multi;
  const legend = $('legend-text');
  legend.dataset.i18n = multi ? 'out.classColors' : 'out.colors';
  legend.textContent = i18n.t(legend.dataset.i18n);
  $('no-map').hidden = m.dim === 2;
  for (const axis of document.querySelectorAll('.heatmap-frame .axis')) axis.hidden = m.dim !== 2;
  $('heatmap-points').hidden = m.dim !== 2;
  const [lo, hi] = m.domain;
  $('axis-min').textContent = String(lo);
  $('axis-max').textContent = String(hi);
  $('axis-min-y').textContent = String(lo);
  $('axis-max-y').textContent = String(hi);
  $('axis-mid').textContent = String((lo + hi) / 2);
  $('axis-mid-y').textContent = String((lo + hi) / 2);
  const layers = state.networkShape.length;
  $('layers-label').textContent = layers === 1 ? i18n.t('net.layersOne') : i18n.format('net.layersMany', { n: layers });
  const shapeLocked = (state.lock || []).includes('networkShape');
  $('add-layer').disabled = shapeLocked || layers >= boot.limits.maxHiddenLayers;
  $('remove-layer').disabled = shapeLocked || layers === 0;
  network.setStructure(structure());
  // the own-input fields hint at how many numbers this network takes and gives
  const sizes = network.sizes();
  $('own-input').placeholder = sizes[0] === 2 ? '1, 2' : Array(sizes[0]).fill('0').join(', ');
  $('own-target').placeholder = Array(sizes[sizes.length - 1]).fill(m.kind === 'multiclass' ? '0' : '1').join(', ');
  for (const name of boot.hidable) {
    for (const el of $('network').querySelectorAll(`.ui-${name}`)) el.classList.toggle('is-hidden', isHidden(name));
  }
  document.body.classList.toggle('hide-text', state.hideText === true);
  renderExercise();
  updateClassroomLink();
  redrawPoints();
  paintMap();
  drawSampleView();
}

function renderExercise() {
  const title = state.title || '';
  const goal = state.goal || '';
  $('exercise').hidden = !title && !goal;
  $('exercise-title').textContent = title;
  $('exercise-title').hidden = !title;
  $('exercise-goal').textContent = goal;
  $('exercise-goal').closest('.goal').hidden = !goal;
  document.title = title ? `${title} · ${i18n.t('app.title')}` : i18n.t('app.title');
}

function checkGoal(h) {
  const goal = state.goal;
  if (!goal) return;
  const m = /^(\w+)\s*(<=|>=|<|>)\s*(\S+)$/.exec(goal);
  if (!m) return;
  const measured = h[m[1]];
  const target = Number(m[3]);
  const met = measured != null && { '<': measured < target, '<=': measured <= target, '>': measured > target, '>=': measured >= target }[m[2]];
  const status = $('goal-status');
  status.classList.toggle('met', Boolean(met));
  status.dataset.i18n = met ? 'exercise.met' : 'exercise.notMet';
  status.textContent = i18n.t(status.dataset.i18n);
}

function setPlaying(on) {
  playing = on;
  const button = $('play-pause-button');
  button.classList.toggle('playing', on);
  button.setAttribute('aria-pressed', String(on));
}

// ---------- language ----------

async function setLanguage(lang, tellServer = true) {
  if (lang !== i18n.lang) {
    try {
      if (!(await i18n.use(lang))) return;
    } catch (e) {
      toast(String(e.message || e), 'error');
      return;
    }
  }
  document.documentElement.lang = lang;
  i18n.apply(document);
  for (const b of document.querySelectorAll('.lang-button')) {
    const on = b.dataset.lang === lang;
    b.classList.toggle('selected', on);
    b.setAttribute('aria-pressed', String(on));
  }
  chart.setLabels(chartLabels());
  ratioChart.relabel((l) => i18n.format('bp.ratioLayer', { l }));
  network.relabel();
  fillPresets();
  showGradientLegend();
  if (inspection) showStage();
  if (gradcheck) renderGradcheck($('gradcheck-result'), gradcheck, i18n);
  render();
  if (tellServer && state.lang !== lang) send({ type: MessageType.SET, state: { lang } });
}

function chartLabels() {
  return {
    trainLoss: i18n.t('chart.trainLoss'), testLoss: i18n.t('chart.testLoss'),
    trainAccuracy: i18n.t('chart.trainAccuracy'), testAccuracy: i18n.t('chart.testAccuracy'), epoch: i18n.t('chart.epoch'),
  };
}

// ---------- sharing and the classroom link ----------

function shareUrl() {
  return `${location.origin}${location.pathname}?${query}`;
}

async function share() {
  const url = shareUrl();
  try {
    await navigator.clipboard.writeText(url);
    toast(i18n.t('share.copied'), 'ok', { id: 'share' });
  } catch (e) {
    toast(`${i18n.t('share.manual')} ${url}`, 'info', { sticky: true, id: 'share' });
  }
}

function updateClassroomLink() {
  const hide = [...document.querySelectorAll('[data-hide]')].filter((c) => c.checked).map((c) => `${c.dataset.hide}_hide=true`);
  const kept = query.split('&').filter((p) => p && !p.split('=')[0].endsWith('_hide'));
  const link = $('hide-controls-link');
  link.href = `${location.pathname}?${[...kept, ...hide].join('&')}`;
}

// ---------- wiring ----------

const chart = new LossChart($('loss-chart'), chartLabels());
const ratioChart = new RatioChart($('ratio-chart'), (l) => i18n.format('bp.ratioLayer', { l }));
const network = new NetworkView($('network'), i18n, {
  onToggleFeature(name) {
    change(name, !(state[name] === true));
  },
  onAddNeuron(layer) {
    const shape = [...state.networkShape];
    if (shape[layer] < neuronLimit(meta(), boot.limits)) shape[layer]++;
    change('networkShape', shape);
  },
  onRemoveNeuron(layer) {
    const shape = [...state.networkShape];
    if (shape[layer] > 1) shape[layer]--;
    change('networkShape', shape);
  },
  onSelectNeuron(layer, neuron) {
    selected = layer == null ? null : { layer, neuron };
    paintMap();
  },
  onSetWeight(layer, to, from, value) {
    send({ type: MessageType.SET_WEIGHT, layer, to, from, value });
  },
  onSetBias(layer, to, value) {
    send({ type: MessageType.SET_WEIGHT, layer, to, bias: true, value });
  },
});

bindControls(document, (key, value) => change(key, value));

function togglePlay() {
  send({ type: playing ? MessageType.PAUSE : MessageType.PLAY });
  setPlaying(!playing);
}
function step() {
  send({ type: MessageType.STEP, epochs: 1 });
}
function reset() {
  selected = null;
  network.select(null, null);
  chart.clear();
  ratioChart.clear();
  send({ type: MessageType.RESET });
}

$('play-pause-button').addEventListener('click', togglePlay);
$('step-button').addEventListener('click', step);
$('reset-button').addEventListener('click', reset);
$('regenerate-button').addEventListener('click', () => send({ type: MessageType.REGENERATE }));
$('share-button').addEventListener('click', share);
$('warnings-close').addEventListener('click', () => { $('warnings').hidden = true; });
$('heatmap-back').addEventListener('click', () => {
  selected = null;
  network.select(null, null);
  paintMap();
});
$('add-layer').addEventListener('click', () => {
  if (state.networkShape.length < boot.limits.maxHiddenLayers) change('networkShape', [...state.networkShape, 2]);
});
$('remove-layer').addEventListener('click', () => {
  if (state.networkShape.length > 0) change('networkShape', state.networkShape.slice(0, -1));
});
for (const b of document.querySelectorAll('.lang-button')) b.addEventListener('click', () => setLanguage(b.dataset.lang));
$('hide-controls').addEventListener('change', updateClassroomLink);
$('gradient-view').addEventListener('change', () => {
  network.setMode($('gradient-view').checked ? 'gradients' : 'weights');
  showGradientLegend();
});
$('heatmap').addEventListener('click', (e) => {
  if (e.target.closest('#heatmap-caption') || selected) return;
  const index = pointAt(e);
  if (index != null) inspectTrain(index);
});
$('inspect-button').addEventListener('click', () => {
  const index = Math.max(0, Math.floor(Number($('sample-index').value) || 0));
  inspectTrain(index);
});
$('own-inspect-button').addEventListener('click', inspectOwn);
$('step-next').addEventListener('click', () => { stageIndex++; showStage(); });
$('step-prev').addEventListener('click', () => { stageIndex--; showStage(); });
$('step-close').addEventListener('click', closeStepper);
$('gradcheck-button').addEventListener('click', () => {
  const words = document.createElement('p');
  words.className = 'bp-note';
  words.textContent = i18n.t('bp.gradcheckRunning');
  $('gradcheck-result').replaceChildren(words);
  send({ type: MessageType.GRADCHECK ?? 'gradcheck' });
});
$('tutorials').addEventListener('change', () => {
  const preset = presets.find((p) => p.id === $('tutorials').value);
  // the link is the preset's; the reader's language comes along unless the preset names one
  if (preset) location.href = `/?${preset.query}${/(^|&)lang=/.test(preset.query) ? '' : `&lang=${i18n.lang}`}`;
});

// a mouse click leaves no focus on a button, so space goes on meaning play/pause
document.addEventListener('click', (e) => {
  if (e.detail > 0 && document.activeElement instanceof HTMLButtonElement && !e.target.closest('form')) document.activeElement.blur();
});
document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t instanceof Element && t.closest('input, select, textarea, [contenteditable=""], [contenteditable="true"]')) return;
  if (e.key === ' ' || e.key === 'Spacebar') {
    if (t instanceof HTMLButtonElement) return; // a focused button clicks itself
    e.preventDefault();
    togglePlay();
  } else if (e.key === 's' || e.key === 'S') {
    step();
  } else if (e.key === 'r' || e.key === 'R') {
    reset();
  }
});

new ResizeObserver(() => redrawPoints()).observe($('heatmap'));

async function drawThumbnails() {
  for (const button of document.querySelectorAll('.dataset[data-value]')) {
    const name = button.dataset.value;
    const m = boot.datasets[name];
    try {
      const response = await fetch(`/api/datasets/${encodeURIComponent(name)}?numSamples=${m.kind === 'regression' ? 300 : 200}&percTrainData=90`);
      if (!response.ok) continue;
      const json = await response.json();
      drawThumbnail(button.querySelector('canvas'), [...json.train, ...json.test], m.domain, m.kind);
    } catch (e) {
      // a thumbnail is decoration; the set can still be picked
    }
  }
}

// the browser's language when neither the link nor the request header chose one
if (boot.langSource === 'default' && navigator.language && navigator.language.toLowerCase().startsWith('ko') && boot.languages.includes('ko')) {
  state = { ...state, lang: 'ko' };
  setLanguage('ko', false);
}

render();
socket.connect();
drawThumbnails();
loadPresets();

/** For tests and the curious: what the page has received. */
window.playground = Object.freeze({
  state: () => state,
  query: () => query,
  epoch: () => (drawn ? drawn.header.epoch : null),
  frames: () => framesSeen,
  chartPoints: () => chart.size(),
  losses: () => Object.fromEntries(lossHistory),
  connected: () => socket.isOpen(),
  layers: () => (drawn ? drawn.header.layers : null),
  ratioPoints: () => ratioChart.size(),
  inspection: () => inspection,
  gradcheck: () => gradcheck,
  presets: () => presets,
  point: (i) => (points && points.train ? { x: points.train[3 * i], y: points.train[3 * i + 1], domain: points.domain } : null),
});
