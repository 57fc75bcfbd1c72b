// The state in the page's controls and layout: each control's value (controls.js), the controls a
// link hid, the ones that do not apply here, the article text (hideText), and what the server
// derived from the state (the `state` message's `derived`): the losses and output activations the
// menus offer, "auto (sigmoid)", the batch in effect, the controls that change nothing on this data
// set with the words saying why. The page decides none of it.

import { showState, showLocked } from './controls.js';
import { setFacts, isHidden, activeSet } from './facts.js';

/** The element a not-applying state key greys out (its slider, check box, menu or button). */
function controlOf(root, key, els) {
  if (key === 'regenerate') return els.regenerate;
  return root.querySelector(`[data-key="${key}"]`)?.closest('.slider-control, .check, .control') ?? null;
}

/**
 * @param els {root, accuracyStats: [elements], numClassesControl, body, batchInEffect, activeSet, regenerate}
 */
export function mountPageView(els, store, i18n, boot) {
  let marked = [];

  function showMenus(derived) {
    const loss = els.root.querySelector('select[data-key="loss"]');
    if (loss) for (const o of loss.options) o.disabled = !derived.losses.includes(o.value);
    const output = els.root.querySelector('select[data-key="outputActivation"]');
    if (!output) return;
    for (const o of output.options) {
      if (o.value === 'auto') {
        o.textContent = i18n.format('opt.outputActivation.auto', { output: i18n.t(`opt.activation.${derived.autoOutputActivation}`) });
      } else {
        o.disabled = !derived.outputActivations.includes(o.value);
      }
    }
  }

  function showNotApplying(derived) {
    for (const { el, why } of marked) {
      el.classList.remove('not-applying');
      why.remove();
      if (!el.dataset.key && el.matches('button')) el.disabled = false; // showState re-enables the keyed ones
    }
    marked = [];
    for (const [key, id] of Object.entries(derived.notApplying)) {
      const el = controlOf(els.root, key, els);
      if (!el) continue;
      const why = document.createElement('span');
      why.className = 'na-why';
      why.dataset.naKey = key;
      why.textContent = i18n.t(id);
      el.classList.add('not-applying');
      if (el.matches('button')) el.after(why); // a button's words stay its own
      else el.appendChild(why);
      for (const input of el.matches('button') ? [el] : el.querySelectorAll('input, select')) input.disabled = true;
      marked.push({ el, why });
    }
  }

  function showBatch(state, derived) {
    const capped = derived.batchSize < state.batchSize;
    els.batchInEffect.hidden = !capped;
    els.batchInEffect.textContent = capped
      ? i18n.format('data.batchInEffect', { batch: derived.batchSize, points: derived.trainPoints }) : '';
  }

  /** The data set in use, in words, when no thumbnail pictures it (seed-digits, the tutorials' sets). */
  function showActiveSet(state) {
    const name = activeSet(state);
    const pictured = els.root.querySelector(`.dataset[data-value="${name}"]`) !== null;
    els.activeSet.hidden = pictured;
    if (pictured) return;
    const titled = i18n.t(`dataset.${name}`);
    els.activeSet.textContent = i18n.format('data.activeSet', {
      name: titled === `dataset.${name}` ? name : titled, dim: setFacts(state, boot.datasets).dim,
    });
  }

  /** Regenerate draws a new seed: a locked seed locks it (after showNotApplying, which re-enables it). */
  function showRegenerate(state, words) {
    const locked = (state.lock || []).includes('seed');
    if (locked) els.regenerate.disabled = true;
    showLocked(els.regenerate, els.regenerate, locked, words);
  }

  function show() {
    const { state, derived } = store.get();
    const words = { short: i18n.t('control.locked'), why: i18n.t('error.locked') };
    showState(els.root, state, words, derived?.locked);
    for (const name of boot.hidable) {
      for (const el of els.root.querySelectorAll(`.ui-${name}`)) el.classList.toggle('is-hidden', isHidden(state, name));
    }
    const m = setFacts(state, boot.datasets);
    for (const el of els.accuracyStats) el.classList.toggle('is-na', m.kind === 'regression');
    els.numClassesControl.classList.toggle('is-na', !m.takesNumClasses);
    els.body.classList.toggle('hide-text', state.hideText === true);
    showActiveSet(state);
    if (derived) { // before the first state message: the server-rendered menus stand
      showMenus(derived);
      showNotApplying(derived);
      showBatch(state, derived);
    }
    showRegenerate(state, words);
  }
  store.subscribe(['state', 'derived', 'lang'], show);
  show();
}
