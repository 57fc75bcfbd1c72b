// The page's wiring, and the only module that handles the page's elements (looked up in dom.js):
// it reads the server-rendered state from #boot, makes the store, mounts each view on it, and
// routes the socket's messages into the store. Data flows one way:
// control → actions → socket → server → store → views.

import { MessageType } from './protocol.js';
import { connect } from './connection.js';
import { RESUME_ID, PendingResume, resumeOf, fits } from './resume.js';
import { I18n } from './i18n.js';
import { createStore } from './store.js';
import { lookup } from './dom.js';
import { frameOf, pointsOf } from './messages.js';
import { setFacts } from './facts.js';
import { bindControls } from './controls.js';
import { createActions } from './actions.js';
import { Notices } from './notices.js';
import { mountPageView } from './page-view.js';
import { mountNetwork } from './network-panel.js';
import { mountMap } from './map-view.js';
import { mountPointTools, IMPORT_POINTS_ID } from './point-tools.js';
import { mountMiniMap } from './mini-map.js';
import { mountSampleView } from './sample-view.js';
import { mountCharts } from './chart-view.js';
import { mountReadout } from './readout.js';
import { mountExercise } from './exercise.js';
import { mountBackprop } from './backprop-panel.js';
import { mountPresets } from './presets.js';
import { mountShare } from './share.js';
import { mountShareTrained } from './share-trained.js';
import { mountNumpyExport } from './numpy-export.js';
import { mountModelFile, IMPORT_ID } from './model-file.js';
import { mountPictures } from './picture-export.js';
import { mountLossCsv } from './loss-csv.js';
import { mountBoardJoin } from './board-join.js';
import { bindKeys } from './keys.js';
import { mountDescriptions } from './describe.js';
import { featureLabel } from './network-view.js';
import { drawThumbnails } from './thumbnails.js';
import { foldHash } from './hash-link.js';

const els = lookup(document);
const boot = JSON.parse(els.boot.textContent);
// a TF Playground link (/#dataset=xor&…): its state, folded into the query, is what the session
// starts from and the first config sends; the server's state message then sets every control
const hashQuery = foldHash(location.search, location.hash);
if (hashQuery !== null) history.replaceState(history.state, '', `${location.pathname}?${hashQuery}`);
const i18n = new I18n(boot.lang, boot.strings);
const store = createStore({
  state: boot.state, query: hashQuery ?? boot.query,
  derived: null,      // what the server made of the state (the `state` message's derived)
  latest: null,       // the newest frame, every one (charts)
  frame: null,        // the frame on screen, the newest at the last animation frame
  points: null,       // the data message's points and input pictures
  status: { playing: false },
  selection: null,    // {layer, neuron} shown large, or null for the output
  goal: null,         // the server's goal and its progress (frames and state messages), null without one
  inspected: null,    // {split, index} of the point being stepped through
  highlight: undefined, // the layer of the step-through's stage
  lang: boot.lang,
  run: 0,             // grows at each reset: the charts start over
});
const facts = (state) => setFacts(state, boot.datasets);
let framesSeen = 0;
let lastDiverged = null;
// the server's limit on one message, from its hello (the default until one came)
let maxMessageBytes = 65536;
// while a reconnected page resumes: the epoch it goes on from (the new session's epoch-0 frames are stale)
const resuming = new PendingResume();
// the last frame decoded, shown or not (messages.js frameOf)
let lastDecoded = null;

// ---------- doing: actions over the socket ----------

const notices = new Notices(els, i18n);
const toast = (text, kind, options) => notices.toast(text, kind, options);
store.subscribe(['lang'], () => notices.relabel());
let socket = null;
const act = createActions(store, { send: (m) => (socket ? socket.send(m) : false) }, i18n, boot, toast);

// ---------- views ----------

mountPageView({
  root: document, accuracyStats: els.accuracyStats, numClassesControl: els.numClassesControl, body: document.body,
  batchInEffect: els.batchInEffect, activeSet: els.activeSet, regenerate: els.regenerateButton,
}, store, i18n, boot);
const network = mountNetwork({
  network: els.network, help: els.netHelp, addLayer: els.addLayer, removeLayer: els.removeLayer, layersLabel: els.layersLabel,
  gradientView: els.gradientView, gradientLegend: els.gradientLegend,
}, store, i18n, boot, act);
const backprop = mountBackprop({
  stepper: els.stepper, stepBody: els.stepBody, stepCount: els.stepCount, stepSample: els.stepSample,
  stepPrev: els.stepPrev, stepNext: els.stepNext, stepClose: els.stepClose, stepEpoch: els.stepEpoch,
  stepRefresh: els.stepRefresh, stepNet: els.stepNet, sampleIndex: els.sampleIndex,
  inspectButton: els.inspectButton, ownInput: els.ownInput, ownTarget: els.ownTarget,
  ownInspectButton: els.ownInspectButton, gradcheckButton: els.gradcheckButton, gradcheckResult: els.gradcheckResult,
}, store, i18n, boot.datasets, network.sizes, { send: act.send, toast });
const pointTools = mountPointTools({
  box: els.pointTools, counts: els.pointCounts, classes: els.pointClass, valueBox: els.pointValueBox, value: els.pointValue,
  clear: els.pointsClear, importButton: els.pointsImport, file: els.pointsFile, exportButton: els.pointsExport,
  hint: els.pointHint, errors: els.pointErrors, map: els.heatmap, tools: els.pointToolButtons,
}, store, i18n, boot.datasets, act.send, toast);
mountMap({
  heatmap: els.heatmap, grid: els.heatmapGrid, points: els.heatmapPoints, caption: els.heatmapCaption,
  captionText: els.heatmapCaptionText, back: els.heatmapBack, legendBar: els.legendBar, legendTicks: els.legendTicks,
  legendText: els.legendText, axes: els.axes, axisMin: els.axisMin, axisMax: els.axisMax, axisMid: els.axisMid,
  axisMinY: els.axisMinY, axisMaxY: els.axisMaxY, axisMidY: els.axisMidY,
}, store, i18n, boot.datasets, {
  inspectPoint: backprop.inspectTrain, pointClick: pointTools.onMapClick, longPress: pointTools.onLongPress,
});
mountSampleView({ box: els.sampleView, noMap: els.noMap }, store, i18n, boot.datasets);
mountMiniMap({ button: els.miniMap, canvas: els.miniMapCanvas, map: els.heatmap, layers: [els.heatmapGrid, els.heatmapPoints], top: els.pageHeader }, store);
const charts = mountCharts({ lossChart: els.lossChart, ratioChart: els.ratioChart }, store, i18n, facts);
mountDescriptions({ map: els.heatmapGrid, chart: els.lossChart, networkSummary: els.networkSummary }, store, i18n, boot.datasets,
  boot.features.map((f) => ({ name: f.name, short: featureLabel(f.label) })));
mountReadout({
  epoch: els.epoch, lossTrain: els.lossTrain, lossTest: els.lossTest,
  accuracyTrain: els.accuracyTrain, accuracyTest: els.accuracyTest,
}, store);
mountExercise({
  exercise: els.exercise, title: els.exerciseTitle, task: els.exerciseTask, goal: els.exerciseGoal,
  goalBox: els.exerciseGoal.closest('.goal'), status: els.goalStatus, before: els.goalBefore, reset: els.goalReset,
}, store, i18n, act.reset, sessionStorage);
const presets = mountPresets({ select: els.tutorials, card: els.presetCard, numbersButton: els.presetNumbersButton },
  store, i18n, boot.preset, backprop);
mountShare({ shareButton: els.shareButton, buildLink: els.buildLink, buildWeights: els.buildWeights }, store, i18n, toast);
mountShareTrained({ shareTrainedButton: els.shareTrainedButton }, store, i18n, toast);
mountNumpyExport({ numpyExport: els.numpyExport, numpyScriptLink: els.numpyScriptLink, numpyNotebookLink: els.numpyNotebookLink }, store, i18n);
const modelFile = mountModelFile({
  modelDownloadButton: els.modelDownloadButton, modelImportButton: els.modelImportButton, modelFile: els.modelFile,
  modelDialog: els.modelDialog, modelDialogText: els.modelDialogText,
}, store, i18n, toast, { send: act.send, maxBytes: () => maxMessageBytes });
mountPictures({
  mapPngButton: els.mapPngButton, networkPngButton: els.networkPngButton, heatmapGrid: els.heatmapGrid,
  heatmapPoints: els.heatmapPoints, network: els.network,
}, store, i18n);
mountLossCsv({ lossCsvButton: els.lossCsvButton }, store, i18n, charts.log, (state) => facts(state).kind !== 'regression');

store.subscribe(['status'], ({ status }) => {
  els.playPauseButton.classList.toggle('playing', status.playing);
  els.playPauseButton.setAttribute('aria-pressed', String(status.playing));
});

// ---------- controls ----------

bindControls(document, act.change);
bindKeys(document, act);
els.playPauseButton.addEventListener('click', act.togglePlay);
els.stepButton.addEventListener('click', () => act.step(1));
for (const b of els.stepMoreButtons) b.addEventListener('click', () => act.step(Number(b.dataset.epochs)));
els.resetButton.addEventListener('click', act.reset);
els.regenerateButton.addEventListener('click', () => act.send({ type: MessageType.REGENERATE }));
for (const b of els.langButtons) b.addEventListener('click', () => setLanguage(b.dataset.lang));

// ---------- the language ----------

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
  for (const b of els.langButtons) {
    const on = b.dataset.lang === lang;
    b.classList.toggle('selected', on);
    b.setAttribute('aria-pressed', String(on));
  }
  store.set({ lang });
  // a locked lang is the link's: the reader's words still switch, the session's state stays (a set would be refused)
  const langLocked = (store.get().state.lock || []).includes('lang');
  if (tellServer && !langLocked && store.get().state.lang !== lang) act.send({ type: MessageType.SET, state: { lang } });
}

/** Why training stopped, from the same template as the server's refusal after divergence. */
const divergedReason = (epoch) => i18n.format('msg.session.diverged', { epoch, rate: store.get().state.learningRate });
// the epoch the run diverged at (frames, the state's notice), for the one toast that says so
let divergedAt = null;
/**
 * One toast for a divergence, however it is heard of (the pausing state's notice, the frame that
 * shows it, a refused play), in the page's own words: one sentence, one number format.
 */
function showDiverged(epoch) {
  if (epoch != null) divergedAt = epoch;
  toast(i18n.format('status.diverged', { why: divergedReason(divergedAt ?? store.get().frame?.header.epoch ?? 0) }), 'error',
    { sticky: true, id: 'diverged' });
}

// ---------- the server's messages into the store ----------

let drawScheduled = false;
function drawNextFrame() {
  if (drawScheduled) return;
  drawScheduled = true;
  requestAnimationFrame(() => {
    drawScheduled = false;
    store.set({ frame: store.get().latest });
  });
}

// a class board's link: the session joins it with the nickname the student picks (board-join.js)
const BOARD_ID = /^[A-Za-z0-9_-]{1,64}$/;
const linkBoard = new URLSearchParams(location.search).get('board') ?? store.get().state.board ?? null;
const join = mountBoardJoin({
  dialog: els.nicknameDialog, form: els.nicknameForm, input: els.nickname, error: els.nicknameError, status: els.boardAs,
}, i18n, BOARD_ID.test(linkBoard ?? '') ? linkBoard : null, sessionStorage, toast);
/** The state a config sends: the store's, with the board's keys when the page joins one. */
const configState = () => ({ ...store.get().state, ...join.keys() });
function socketUrl() {
  const params = new URLSearchParams(store.get().query);
  for (const [k, v] of Object.entries(join.keys())) params.set(k, v);
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?${params}`;
}

join.start(() => { socket = connect(socketUrl, {
  onStatus(status) {
    if (status === 'lost') toast(i18n.t('status.lost'), 'lost', { sticky: true, id: 'connection' });
  },
  onOpen(again) {
    const wasPlaying = store.get().status.playing;
    // the first config of a hash link: its keys as a URL has them (config reads strings leniently, as a URL)
    const state = !again && hashQuery !== null ? { ...Object.fromEntries(new URLSearchParams(hashQuery)), ...join.keys() } : configState();
    const config = { type: MessageType.CONFIG, state };
    // a new session (the server restarted, or the network dropped): go on from the last frame drawn
    const resume = again ? resumeOf(store.get().latest) : null;
    const resumeConfig = resume && { ...config, id: RESUME_ID, resume };
    if (resumeConfig && fits(resumeConfig, maxMessageBytes)) {
      resuming.sent(resume.epoch);
      act.send(resumeConfig);
    } else {
      resuming.none();
      act.send(config);
    }
    if (!again) return notices.clear('connection');
    if (!resuming.waiting) toast(i18n.t('status.reconnected'), 'ok', { id: 'connection' });
    if (wasPlaying) act.send({ type: MessageType.PLAY });
  },
  hello(message) {
    if (message.limits?.maxMessageBytes > 0) maxMessageBytes = message.limits.maxMessageBytes;
  },
  state(message) {
    if (resuming.answers(message.id)) {
      toast(i18n.format('status.restored', { epoch: message.status.epoch.toLocaleString(i18n.lang) }), 'ok', { id: 'connection' });
    }
    if (message.id === IMPORT_ID) modelFile.onApplied(message);
    if (message.id === IMPORT_POINTS_ID) pointTools.onImported(message);
    history.replaceState(history.state, '', `${location.pathname}?${message.query}`);
    // the link's own values warn on connect and config; a later change's warnings last until a change without any
    const fromLink = message.cause === 'connect' || message.cause === 'config';
    if (message.warnings && message.warnings.length) notices.warn(message.warnings, fromLink);
    else if (!fromLink && message.cause !== 'paused') notices.settle();
    // why the session paused itself (divergence, a goal's budget), in the page's language
    if (message.noticeDetail?.id === 'session.diverged') showDiverged(message.noticeDetail.params?.epoch);
    else if (message.notice) toast(i18n.say(message.noticeDetail, message.notice), 'info');
    if (message.status) act.setPlaying(message.status.playing);
    store.set({ state: message.state, query: message.query, derived: message.derived, goal: message.goal ?? null });
    if (message.state.lang !== i18n.lang) setLanguage(message.state.lang, false);
  },
  error(message) {
    if (resuming.answers(message.id)) {
      // the new server could not take the page's network (another shape, a lock): start over from the link
      resuming.refused();
      act.send({ type: MessageType.CONFIG, state: configState() });
      return toast(i18n.t('status.reconnected'), 'ok', { id: 'connection' });
    }
    if (join.onError(message)) return;
    if (message.code === 'not_supported' && (message.cause === 'inspect' || message.cause === 'gradcheck')) {
      return backprop.onUnsupported(message.cause);
    }
    if (message.code === 'diverged') return showDiverged(null); // play or step refused: the toast on screen says why
    const key = `error.${message.code}`;
    const what = i18n.t(key) === key ? message.code : i18n.t(key);
    toast(i18n.format('status.serverError', { what, message: i18n.say(message.detail, message.message) }), 'error');
    store.set({ state: { ...store.get().state } }); // the controls go back to what the server has
  },
  inspection: (message) => backprop.onInspection(message),
  gradcheck: (message) => backprop.onGradcheck(message),
  data(envelope) {
    store.set({ points: pointsOf(envelope, boot.datasets) });
  },
  frame(envelope) {
    // every frame is decoded against the one before it, also one that is not shown: its blocks
    // are what the next frame's `same` and `delta` blocks stand on
    const latest = frameOf(envelope, lastDecoded);
    lastDecoded = latest;
    const h = latest.header;
    if (resuming.stale(h.epoch)) return; // the new session's own start, before the resume applied
    framesSeen++;
    store.set({ latest, goal: h.goal ?? null });
    act.setPlaying(h.playing);
    if (h.diverged && h.diverged !== lastDiverged) showDiverged(divergedAt ?? h.epoch);
    if (!h.diverged && lastDiverged) { notices.clear('diverged'); divergedAt = null; }
    lastDiverged = h.diverged;
    drawNextFrame();
  },
}); }, () => act.send({ type: MessageType.CONFIG, state: configState() }));

// the browser's language when neither the link nor the request header chose one
if (boot.langSource === 'default' && navigator.language && navigator.language.toLowerCase().startsWith('ko') && boot.languages.includes('ko')) {
  store.set({ state: { ...store.get().state, lang: 'ko' } });
  setLanguage('ko', false);
}
drawThumbnails(els.datasetButtons, boot.datasets);

/** For tests and the curious: what the page has received. */
window.playground = Object.freeze({
  state: () => store.get().state,
  derived: () => store.get().derived,
  query: () => store.get().query,
  epoch: () => store.get().frame?.header.epoch ?? null,
  frames: () => framesSeen,
  chartPoints: charts.chartPoints,
  networkDraws: network.draws,
  losses: charts.losses,
  connected: () => socket?.isOpen() ?? false,
  layers: () => store.get().frame?.header.layers ?? null,
  // the output map as the page has it after every same and delta block: {min, max, width, bytes}
  outputMap: () => {
    const b = store.get().frame?.blocks.find((x) => x.name === 'output');
    return b ? { min: b.min, max: b.max, width: b.width, bytes: Array.from(b.bytes) } : null;
  },
  domainOfFrame: () => store.get().frame?.header.domain ?? null,
  ratioPoints: charts.ratioPoints,
  inspection: backprop.inspection,
  gradcheck: backprop.gradcheck,
  presets: presets.presets,
  goal: () => store.get().goal,
  board: () => join.keys(),
  pointTool: () => pointTools.tool(),
  label: (i) => store.get().points?.train?.[3 * i + 2] ?? null,
  point: (i) => {
    const p = store.get().points;
    return p && p.train ? { x: p.train[3 * i], y: p.train[3 * i + 1], domain: p.domain } : null;
  },
});
