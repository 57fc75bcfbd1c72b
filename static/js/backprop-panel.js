// The backprop view: one sample stepped through the network (stepper.js renders each stage of the
// server's `inspection`), the sample picked by index, by a click on the map or typed in, and the
// gradient check. The layer of the stage on screen goes to the store (`highlight`) for the network.

import { MessageType } from './protocol.js';
import { stagesOf, renderStage, renderGradcheck, fmt } from './stepper.js';
import { setFacts } from './facts.js';
import { drawStepNet } from './step-net.js';
import { formatEpoch } from './readout.js';

function note(box, text) {
  const words = document.createElement('p');
  words.className = 'bp-note';
  words.textContent = text;
  box.replaceChildren(words);
}

function numbers(text) {
  const values = text.split(',').map((t) => t.trim()).filter((t) => t !== '').map(Number);
  return values.every(Number.isFinite) ? values : null;
}

/**
 * @param els {stepper, stepBody, stepCount, stepSample, stepPrev, stepNext, stepClose, stepEpoch, stepRefresh, stepNet, sampleIndex,
 *             inspectButton, ownInput, ownTarget, ownInspectButton, gradcheckButton, gradcheckResult}
 * @param sizes the network's layer sizes, inputs first (network-panel)
 * @param act   {send(message), toast(text, kind, options)}
 */
export function mountBackprop(els, store, i18n, datasets, sizes, act) {
  let inspection = null; // the last inspection message, stepped through
  let stageIndex = 0;
  let gradcheck = null;
  let asked = null;       // the last inspect request, for refresh
  let openOn = 0;         // the stage its answer opens on: an index, or a function of the stages
  let scroll = true;      // whether that answer brings the panel into view

  function inspect(message, stage = 0, bringIntoView = true) {
    asked = message;
    openOn = stage;
    scroll = bringIntoView;
    act.send({ type: MessageType.INSPECT, ...message });
    els.stepper.hidden = false;
    note(els.stepBody, i18n.t('bp.waiting'));
  }

  function inspectTrain(index) {
    els.sampleIndex.value = String(index);
    store.set({ inspected: { split: 'train', index } });
    inspect({ split: 'train', index });
  }

  function inspectOwn() {
    const frame = store.get().frame;
    const layers = frame ? frame.header.layers : null;
    const inputs = layers ? layers[0].weights[0]?.length ?? 0 : 0;
    const outputs = layers ? layers[layers.length - 1].biases.length : 0;
    // an empty field takes its hint: 1, 2 → 1 is the worked example of tutorial 000
    const x = numbers(els.ownInput.value.trim() || els.ownInput.placeholder);
    const y = numbers(els.ownTarget.value.trim() || els.ownTarget.placeholder);
    if (!x || !y || x.length !== inputs || y.length !== outputs) {
      act.toast(i18n.format('bp.badInput', { n: inputs, m: outputs }), 'error', { id: 'own-input' });
      return;
    }
    store.set({ inspected: null });
    inspect({ input: x, target: y });
  }

  function showStage() {
    if (!inspection) return;
    const stages = stagesOf(inspection);
    stageIndex = Math.max(0, Math.min(stages.length - 1, stageIndex));
    const stage = stages[stageIndex];
    els.stepper.hidden = false;
    renderStage(els.stepBody, inspection, stage, i18n);
    els.stepCount.textContent = i18n.format('bp.stageOf', { i: stageIndex + 1, n: stages.length });
    const which = inspection.split == null ? i18n.t('bp.sampleOwn')
      : i18n.format(inspection.split === 'test' ? 'bp.sampleTest' : 'bp.sampleTrain', { i: inspection.index });
    els.stepSample.textContent = `${i18n.format('bp.sample', { which })} · x = [${inspection.input.map(fmt).join(', ')}], y = [${inspection.target.map(fmt).join(', ')}]`;
    els.stepPrev.disabled = stageIndex === 0;
    els.stepNext.disabled = stageIndex === stages.length - 1;
    drawStepNet(els.stepNet, [inspection.input.length, ...inspection.layers.map((l) => l.a.length)], stage, i18n);
    showTaken();
    store.set({ highlight: stage.layer });
  }

  /** When these numbers were taken, and whether the network has trained since. */
  function showTaken() {
    if (!inspection) return;
    const now = store.get().frame?.header.epoch;
    const taken = i18n.format('bp.takenAt', { epoch: formatEpoch(inspection.epoch) });
    const stale = now != null && now !== inspection.epoch;
    els.stepEpoch.textContent = stale ? `${taken} · ${i18n.format('bp.stale', { now: formatEpoch(now) })}` : taken;
    els.stepEpoch.classList.toggle('stale', stale);
  }

  function close() {
    inspection = null;
    els.stepper.hidden = true;
    store.set({ inspected: null, highlight: undefined });
  }

  /** The own-input fields hint at how many numbers this network takes and gives. */
  function hint() {
    const s = sizes();
    const kind = setFacts(store.get().state, datasets).kind;
    els.ownInput.placeholder = s[0] === 2 ? '1, 2' : Array(s[0]).fill('0').join(', ');
    els.ownTarget.placeholder = Array(s[s.length - 1]).fill(kind === 'multiclass' ? '0' : '1').join(', ');
  }

  els.inspectButton.addEventListener('click', () => inspectTrain(Math.max(0, Math.floor(Number(els.sampleIndex.value) || 0))));
  els.ownInspectButton.addEventListener('click', inspectOwn);
  els.stepNext.addEventListener('click', () => { stageIndex++; showStage(); });
  els.stepPrev.addEventListener('click', () => { stageIndex--; showStage(); });
  els.stepClose.addEventListener('click', close);
  // a refresh stays on the stage being read
  els.stepRefresh.addEventListener('click', () => {
    if (asked) inspect(asked, stageIndex);
  });
  els.gradcheckButton.addEventListener('click', () => {
    note(els.gradcheckResult, i18n.t('bp.gradcheckRunning'));
    act.send({ type: MessageType.GRADCHECK });
  });

  store.subscribe(['state'], hint);
  store.subscribe(['frame'], showTaken);
  store.subscribe(['points'], ({ points }) => {
    els.sampleIndex.max = String(Math.max(0, points.rows.length - 1));
    store.set({ inspected: null });
  });
  store.subscribe(['lang'], () => {
    if (inspection) showStage();
    if (gradcheck) renderGradcheck(els.gradcheckResult, gradcheck, i18n);
  });
  hint();

  return {
    inspectTrain,
    /**
     * Steps through a given sample {input, target} (a tutorial's), its numbers also in the own-input
     * fields; stage picks the stage to open on from the stages (default the first); scroll false keeps
     * the page where it is.
     */
    inspectSample(sample, { stage = 0, scroll: bringIntoView = true } = {}) {
      els.ownInput.value = sample.input.join(', ');
      els.ownTarget.value = sample.target.join(', ');
      store.set({ inspected: null });
      inspect({ input: sample.input, target: sample.target }, stage, bringIntoView);
    },
    onInspection(message) {
      inspection = message;
      stageIndex = typeof openOn === 'function' ? Math.max(0, openOn(stagesOf(message))) : openOn;
      showStage();
      // on a wide screen the panel is below the map: bring its top into view, no further
      if (scroll && els.stepper.getBoundingClientRect().top > window.innerHeight - 120) els.stepper.scrollIntoView({ block: 'nearest' });
    },
    onGradcheck(message) {
      gradcheck = message;
      renderGradcheck(els.gradcheckResult, message, i18n);
      els.gradcheckButton.disabled = false;
    },
    /** The server cannot step this network through (an `error` not_supported for inspect or gradcheck). */
    onUnsupported(cause) {
      if (cause === 'inspect') els.stepper.hidden = false;
      note(cause === 'inspect' ? els.stepBody : els.gradcheckResult, i18n.t('bp.unsupported'));
    },
    inspection: () => inspection,
    gradcheck: () => gradcheck,
  };
}
