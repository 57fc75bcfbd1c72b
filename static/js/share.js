// Sharing: the page's link to the clipboard, and the "Use it in class" link to the exercise
// builder (/build) with the state on screen and, when ticked, the network's current weights.

import { resumeOf } from './resume.js';

/** Longest builder link with weights: a GET the server reads in full (its header limit is 8 KiB). */
const MAX_BUILD_LINK = 6000;

/** @param els {shareButton, buildLink, buildWeights}; toast(text, kind, options) */
export function mountShare(els, store, i18n, toast) {
  const link = () => `${location.origin}${location.pathname}?${store.get().query}`;

  async function share() {
    const url = link();
    try {
      await navigator.clipboard.writeText(url);
      toast(i18n.t('share.copied'), 'ok', { id: 'share' });
    } catch (e) {
      toast(`${i18n.t('share.manual')} ${url}`, 'info', { sticky: true, id: 'share' });
    }
  }

  /** The builder link: the state's query without its own weights, then the frame's when asked. */
  function buildLink() {
    const kept = store.get().query.split('&').filter((p) => p && !p.startsWith('weights='));
    const trained = els.buildWeights.checked ? resumeOf(store.get().frame) : null;
    const withWeights = trained ? [...kept, `weights=${trained.weights.join(',')}`].join('&') : null;
    const query = withWeights && withWeights.length <= MAX_BUILD_LINK ? withWeights : store.get().query;
    els.buildLink.href = `/build?${query}`;
  }

  els.shareButton.addEventListener('click', share);
  // the weights of the moment the teacher clicks, not of the last state change
  els.buildLink.addEventListener('click', buildLink);
  els.buildWeights.addEventListener('change', buildLink);
  store.subscribe(['query'], buildLink);
  buildLink();
}
