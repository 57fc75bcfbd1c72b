// "Export as NumPy": the links to /api/export/numpy follow the state on screen and, at the click,
// the epochs the page has run (a fresh page's file trains the page's minimum, and no file more
// than the server's maximum, both read from the links' container), so the file prints the losses
// the page showed. A run that diverged has no losses to reproduce: the links are off until reset.

/** @param els {numpyExport, numpyScriptLink, numpyNotebookLink}; i18n the page's words */
export function mountNumpyExport(els, store, i18n) {
  const min = Number(els.numpyExport.dataset.minEpochs), max = Number(els.numpyExport.dataset.maxEpochs);
  const links = [els.numpyScriptLink, els.numpyNotebookLink];
  let diverged = false;

  function update() {
    const epoch = store.get().frame?.header.epoch ?? 0;
    const href = `/api/export/numpy?${store.get().query}&epochs=${epoch > 0 ? Math.min(max, epoch) : min}`;
    if (diverged) return;
    els.numpyScriptLink.href = href;
    els.numpyNotebookLink.href = `${href}&format=ipynb`;
  }

  function follow(values) {
    const now = !!values.frame?.header.diverged;
    if (now === diverged) return;
    diverged = now;
    for (const link of links) {
      link.dataset.i18nTitle = diverged ? 'export.numpyDiverged' : 'export.numpyTitle';
      link.title = i18n.t(link.dataset.i18nTitle);
      link.classList.toggle('is-disabled', diverged);
      if (diverged) link.setAttribute('aria-disabled', 'true');
      else link.removeAttribute('aria-disabled');
      // a link without href goes nowhere: no file that is an error
      if (diverged) link.removeAttribute('href');
    }
    update();
  }

  // the epoch of the moment of the click, not of the last state change
  for (const link of links) link.addEventListener('click', update);
  store.subscribe(['query'], update);
  store.subscribe(['frame'], follow);
  update();
}
