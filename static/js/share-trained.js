// "Share as trained": a link to this experiment with the network's weights of the moment and their
// epoch (the weights and weightsEpoch keys), so whoever opens it starts from this very network; a
// page opened from such a link says so. The button is off while there is nothing trained to share
// or more weights than a link can carry, its tooltip saying which.

import { resumeOf } from './resume.js';

/** The longest query a link may hold: the server reads a GET's URL up to 8 KiB. */
export const MAX_QUERY = 7000;
/** The most characters one weight takes in a link (-1.2345678901234567e-123) and its comma. */
const MAX_WEIGHT_CHARS = 25;

/** The state's query with its own weights replaced by the given ones at the given epoch. */
export function trainedQuery(query, weights, epoch) {
  const kept = query.split('&').filter((p) => p && !p.startsWith('weights=') && !p.startsWith('weightsEpoch='));
  return [...kept, `weights=${weights.join(',')}`, `weightsEpoch=${epoch}`].join('&');
}

/** @param els {shareTrainedButton}; toast(text, kind, options) */
export function mountShareTrained(els, store, i18n, toast) {
  const button = els.shareTrainedButton;
  let why = null;

  /** Why the button is off for this frame (a words key), or null when it is on. */
  function reason(values) {
    const h = values.frame?.header;
    if (!h || !h.layers || h.diverged || !(h.epoch > 0)) return 'shareTrained.untrained';
    let params = 0;
    for (const layer of h.layers) params += layer.biases.length * (1 + (layer.weights[0]?.length ?? 0));
    return values.query.length + params * MAX_WEIGHT_CHARS > MAX_QUERY ? 'shareTrained.tooMany' : null;
  }

  function follow(values) {
    const next = reason(values);
    if (next === why) return;
    why = next;
    button.disabled = why !== null;
    button.dataset.i18nTitle = why ?? 'shareTrained.title';
    button.title = i18n.t(button.dataset.i18nTitle);
  }

  async function share() {
    const trained = resumeOf(store.get().frame);
    if (!trained) return;
    const url = `${location.origin}${location.pathname}?${trainedQuery(store.get().query, trained.weights, trained.epoch)}`;
    try {
      await navigator.clipboard.writeText(url);
      toast(i18n.format('shareTrained.copied', { epoch: trained.epoch }), 'ok', { id: 'share' });
    } catch (e) {
      toast(`${i18n.format('shareTrained.manual', { epoch: trained.epoch })} ${url}`, 'info', { sticky: true, id: 'share' });
    }
  }

  button.addEventListener('click', share);
  store.subscribe(['frame', 'query'], follow);
  follow(store.get());
  const opened = store.get().state.weightsEpoch;
  if (opened > 0) toast(i18n.format('shareTrained.opened', { epoch: opened }), 'info', { sticky: true, id: 'shared-weights' });
}
