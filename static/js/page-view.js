// The state in the page's controls and layout: each control's value (controls.js), the controls a
// link hid, the ones that do not apply to the data set, and the article text (hideText).

import { showState } from './controls.js';
import { setFacts, isHidden } from './facts.js';

/** @param els {root, accuracyStats: [elements], numClassesControl, body}; i18n for a locked control's words */
export function mountPageView(els, store, boot, i18n) {
  function show() {
    const { state } = store.get();
    showState(els.root, state, boot.datasets, i18n ? { short: i18n.t('control.locked'), why: i18n.t('error.locked') } : undefined);
    for (const name of boot.hidable) {
      for (const el of els.root.querySelectorAll(`.ui-${name}`)) el.classList.toggle('is-hidden', isHidden(state, name));
    }
    const m = setFacts(state, boot.datasets);
    for (const el of els.accuracyStats) el.classList.toggle('is-na', m.kind === 'regression');
    els.numClassesControl.classList.toggle('is-na', !m.takesNumClasses);
    els.body.classList.toggle('hide-text', state.hideText === true);
  }
  store.subscribe(['state', 'lang'], show);
  show();
}
