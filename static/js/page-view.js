// The state in the page's controls and layout: each control's value (controls.js), the controls a
// link hid, the ones that do not apply to the data set, and the article text (hideText).

import { showState } from './controls.js';
import { setFacts, isHidden } from './facts.js';

/** @param els {root, accuracyStats: [elements], numClassesControl, body} */
export function mountPageView(els, store, boot) {
  function show() {
    const { state } = store.get();
    showState(els.root, state, boot.datasets);
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
