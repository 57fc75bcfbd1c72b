// Saving what the page made as a file, and the export buttons' on/off: one way for every export
// of the "Take it home" group (web/page/ExportLinks.java).

import { activeSet } from './facts.js';

/** How long a saved file's blob: URL stays readable (the browser has long started the download). */
const KEEP_URL_MS = 60_000;

/** Hands a blob to the browser as a download called name. */
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
}

/** "backprop-playground-<the data set>": every file this page saves begins so. */
export function fileBase(state) {
  return `backprop-playground-${activeSet(state)}`;
}

/**
 * Turns an export button on (its tooltip says what it saves, onKey) or off (the tooltip says why,
 * reasonKey). Titles are words keys, so a change of language rewrites them (i18n.apply).
 */
export function setOff(button, reasonKey, onKey, i18n) {
  button.disabled = reasonKey !== null;
  button.dataset.i18nTitle = reasonKey ?? onKey;
  button.title = i18n.t(button.dataset.i18nTitle);
}
