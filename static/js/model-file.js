// "Download model" and "Import model": the network on screen as the model file of docs/model.md
// (written by the server, POST /api/model/export, with the state it was trained under and its
// epoch), and a model file back in. The server reads the file (POST /api/model/import) and says
// what it needs; the same network goes on from the file's weights at once, another shape (or data
// set) is explained and applied only once confirmed (other settings the file's state brings are
// taken with it). Applying is a `config` with a `resume`, the
// socket's one way of taking a network's parameters (docs/protocol.md §4). A file that is no
// model, or one this playground cannot build, is an error that changes nothing.

import { MessageType } from './protocol.js';
import { paramsOf, fits } from './resume.js';
import { saveFile, setOff } from './download.js';

/** The id of the config that applies a model, so its reply is told apart. */
export const IMPORT_ID = 'import-model';

/** Keys that change the network's shape or its data: importing them is asked first. */
const RESHAPING = new Set(['networkShape', 'activation', 'outputActivation', 'loss', 'dataset', 'regDataset', 'problem',
  'numClasses', 'x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY']);

async function postJson(url, body) {
  const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch (e) { /* an error page: said below */ }
  if (!r.ok) throw new Error(json?.message ?? `${r.status} ${text.slice(0, 200)}`);
  return { json, response: r };
}

/**
 * @param els {modelDownloadButton, modelImportButton, modelFile, modelDialog, modelDialogText}
 * @param socket {send(message), maxBytes()}; toast(text, kind, options)
 */
export function mountModelFile(els, store, i18n, toast, socket) {
  let downloadWhy, importWhy;
  let pending = null; // the import the dialog asks about

  function follow(values) {
    const h = values.frame?.header;
    const down = !h || !h.layers ? 'export.waiting' : h.diverged || !paramsOf(h) ? 'export.modelDiverged' : null;
    if (down !== downloadWhy) setOff(els.modelDownloadButton, (downloadWhy = down), 'export.modelDownloadTitle', i18n);
    const up = (values.state.lock || []).includes('weights') ? 'export.modelLocked' : null;
    if (up !== importWhy) setOff(els.modelImportButton, (importWhy = up), 'export.modelImportTitle', i18n);
  }

  async function download() {
    const h = store.get().frame?.header;
    const weights = h && paramsOf(h);
    if (!weights) return;
    try {
      const { json, response } = await postJson('/api/model/export', { state: store.get().state, epoch: h.epoch, weights });
      const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'model.json';
      saveFile(new Blob([JSON.stringify(json, null, 1)], { type: 'application/json' }), name);
    } catch (e) {
      toast(i18n.format('status.serverError', { what: i18n.t('export.modelDownload'), message: e.message }), 'error');
    }
  }

  /** Sends the config that takes the model's state and weights; refused here when too large for one message. */
  function apply(answer) {
    const message = { type: MessageType.CONFIG, id: IMPORT_ID, state: answer.state, resume: { epoch: answer.epoch, weights: answer.weights } };
    if (!fits(message, socket.maxBytes())) {
      const bytes = new TextEncoder().encode(JSON.stringify(message)).length;
      return toast(i18n.format('export.modelTooLarge', { bytes, max: socket.maxBytes() }), 'error');
    }
    // a new run: the charts and the loss history start over from the model's epoch
    store.set({ selection: null, run: store.get().run + 1 });
    socket.send(message);
  }

  /** What a model of another shape or other settings changes, in the page's words. */
  function explain(answer) {
    const { hidden, inputs } = answer.shape;
    const changed = answer.changed;
    const rest = changed.filter((k) => k !== 'networkShape');
    const keys = rest.join(', ');
    const shape = hidden.length === 0
      ? i18n.format('export.modelReshapeNone', { inputs: inputs.join(', ') })
      : i18n.format('export.modelReshape', { count: hidden.length, sizes: hidden.join(', '), inputs: inputs.join(', ') });
    return rest.length ? `${shape} ${i18n.format('export.modelAlsoChanges', { keys })}` : shape;
  }

  async function importFile(file) {
    let model;
    try {
      model = JSON.parse(await file.text());
    } catch (e) {
      return toast(i18n.format('export.modelNotJson', { message: e.message }), 'error');
    }
    let answer;
    try {
      answer = (await postJson('/api/model/import', { state: store.get().state, model })).json;
    } catch (e) {
      return toast(i18n.format('export.modelRefused', { message: e.message }), 'error');
    }
    if (!answer.changed.some((k) => RESHAPING.has(k))) return apply(answer);
    pending = answer;
    els.modelDialogText.textContent = explain(answer);
    els.modelDialog.returnValue = '';
    els.modelDialog.showModal();
  }

  els.modelDialog.addEventListener('close', () => {
    const answer = pending;
    pending = null;
    if (answer && els.modelDialog.returnValue === 'apply') apply(answer);
  });
  els.modelDownloadButton.addEventListener('click', download);
  els.modelImportButton.addEventListener('click', () => els.modelFile.click());
  els.modelFile.addEventListener('change', () => {
    const file = els.modelFile.files[0];
    els.modelFile.value = ''; // the same file chosen again is a change again
    if (file) importFile(file);
  });
  store.subscribe(['frame', 'state'], follow);
  follow(store.get());

  return {
    /** The reply to the import's config: the page says where the session goes on from. */
    onApplied(message) {
      toast(i18n.format('export.modelContinued', { epoch: message.status.epoch.toLocaleString(i18n.lang) }), 'ok', { id: 'model' });
    },
  };
}
