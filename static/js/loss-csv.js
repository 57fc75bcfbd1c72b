// "Loss history: CSV": the loss log (loss-log.js) as a file, with the accuracy columns only for
// classification. Off until the page has seen an epoch.

import { saveFile, fileBase, setOff } from './download.js';

/** @param els {lossCsvButton}; log the page's LossLog; isClassification(state) */
export function mountLossCsv(els, store, i18n, log, isClassification) {
  const button = els.lossCsvButton;
  let why;

  function follow() {
    const next = log.size > 0 ? null : 'export.noHistory';
    if (next === why) return;
    why = next;
    setOff(button, why, 'export.lossCsvTitle', i18n);
  }

  button.addEventListener('click', () => {
    const state = store.get().state;
    saveFile(new Blob([log.csv(isClassification(state))], { type: 'text/csv' }), `${fileBase(state)}-loss-history.csv`);
  });
  store.subscribe(['latest', 'run'], follow);
  follow();
}
