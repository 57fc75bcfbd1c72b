// "Export as NumPy": the links to /api/export/numpy follow the state on screen, and at the click
// the epochs the page has run (at least the page's minimum, at most the server's maximum, both
// read from the links' container), so the file prints the losses the page showed.

/** @param els {numpyExport, numpyScriptLink, numpyNotebookLink} */
export function mountNumpyExport(els, store) {
  const min = Number(els.numpyExport.dataset.minEpochs), max = Number(els.numpyExport.dataset.maxEpochs);

  function update() {
    const epoch = store.get().frame?.header.epoch ?? 0;
    const href = `/api/export/numpy?${store.get().query}&epochs=${Math.min(max, Math.max(min, epoch))}`;
    els.numpyScriptLink.href = href;
    els.numpyNotebookLink.href = `${href}&format=ipynb`;
  }

  // the epoch of the moment of the click, not of the last state change
  els.numpyScriptLink.addEventListener('click', update);
  els.numpyNotebookLink.addEventListener('click', update);
  store.subscribe(['query'], update);
  update();
}
