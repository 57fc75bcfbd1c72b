// "Your own data" under the map (OutputColumn.java's #point-tools): what a click on the map does
// (inspect, add, erase), the class or value a new point gets, clear, CSV in (a file picker or a file
// dropped on the map) and out, and the points' counts. The server owns the points: every change is a
// message (addPoint, removePoint, clearPoints, or a `set` of `points` for an import) and the page
// draws what the server's `data` then says. A lock on the points shows the box locked, never enabled.

import { MessageType } from './protocol.js';
import { setFacts, classCount, activeSet } from './facts.js';
import { classCss } from './heatmap.js';
import { showLocked } from './controls.js';
import { saveFile, fileBase } from './download.js';
import { parseCsv, encodePoints, decodePoints, formatCsv } from './points-csv.js';
import { setText } from './dom.js';

/** The id an import's `set` carries, so its reply says how many points came in. */
export const IMPORT_POINTS_ID = 'points-import';

/**
 * @param els {box, counts, classes, valueBox, value, clear, importButton, file, exportButton, hint, errors, map, tools: [buttons]}
 * @param send a message to the server (false when not connected)
 */
export function mountPointTools(els, store, i18n, datasets, send, toast) {
  let tool = 'inspect';
  let picked = 1; // the class index picked (two classes: 0 is −1, 1 is +1)
  const facts = () => setFacts(store.get().state, datasets);
  const locked = () => (store.get().state.lock || []).includes('points');
  const editable = () => facts().dim === 2 && !locked();

  function setTool(next) {
    tool = editable() ? next : 'inspect';
    for (const b of els.tools) b.setAttribute('aria-pressed', String(b.dataset.tool === tool));
    els.map.classList.toggle('adding', tool === 'add');
    els.map.classList.toggle('erasing', tool === 'erase');
    // the keyboard's way onto the map: with Add or Erase it takes the focus, and the arrows move a cursor
    const keys = tool !== 'inspect';
    els.map.tabIndex = keys ? 0 : -1;
    if (keys) {
      els.map.setAttribute('role', 'group');
      els.map.dataset.i18nAria = 'points.mapKeys';
      els.map.setAttribute('aria-label', i18n.t('points.mapKeys'));
    } else {
      els.map.removeAttribute('role');
      els.map.removeAttribute('aria-label');
      delete els.map.dataset.i18nAria;
      cursor.hidden = true;
    }
    showHint();
  }

  // the keyboard's cursor on the map, in the domain's units (the map's centre at first)
  const cursor = document.createElement('div');
  cursor.className = 'map-cursor';
  cursor.hidden = true;
  cursor.setAttribute('aria-hidden', 'true');
  els.map.append(cursor);
  let at = null;
  const domainNow = () => store.get().points?.domain ?? facts().domain;
  function placeCursor() {
    const [lo, hi] = domainNow();
    if (!at) at = { x: (lo + hi) / 2, y: (lo + hi) / 2 };
    cursor.style.left = `${((at.x - lo) / (hi - lo)) * 100}%`;
    cursor.style.top = `${((hi - at.y) / (hi - lo)) * 100}%`;
    cursor.hidden = false;
  }
  // shown for the keyboard's focus only: a click gives the map the focus too
  els.map.addEventListener('focus', () => { if (tool !== 'inspect' && els.map.matches(':focus-visible')) placeCursor(); });
  els.map.addEventListener('blur', () => { cursor.hidden = true; });
  els.map.addEventListener('keydown', (e) => {
    if (tool === 'inspect' || e.target !== els.map || e.ctrlKey || e.metaKey || e.altKey) return;
    const [lo, hi] = domainNow();
    const step = (hi - lo) / (e.shiftKey ? 96 : 24);
    const move = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[e.key];
    if (move) {
      placeCursor();
      at = { x: Math.max(lo, Math.min(hi, at.x + move[0] * step)), y: Math.max(lo, Math.min(hi, at.y + move[1] * step)) };
      placeCursor();
    } else if (e.key === 'Enter' || e.key === ' ') {
      placeCursor();
      onMapClick(at, { shiftKey: false });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      placeCursor();
      onMapClick(at, { shiftKey: true });
    } else {
      return;
    }
    e.preventDefault();
  });

  function showHint() {
    const key = facts().dim !== 2 ? 'points.noMap' : locked() ? 'points.locked'
      : tool === 'add' ? (facts().kind === 'regression' ? 'points.hintAddValue' : 'points.hintAdd') : tool === 'erase' ? 'points.hintErase' : 'points.hintInspect';
    els.hint.dataset.i18n = key;
    setText(els.hint, i18n.t(key));
  }

  /** The class buttons: one a class, in the legend's colours (two classes: −1 and 1); a value box for regression. */
  function showClasses() {
    const m = facts();
    const regression = m.kind === 'regression';
    els.valueBox.hidden = !regression;
    els.classes.hidden = regression;
    const K = regression ? 0 : classCount(store.get().state, datasets);
    if (picked >= K) picked = K - 1;
    const names = m.kind === 'binary' ? ['−1', '1'] : Array.from({ length: K }, (_, k) => String(k));
    if (els.classes.childElementCount !== K || els.classes.dataset.kind !== m.kind) {
      els.classes.replaceChildren(...names.map((name, k) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'point-class-button';
        b.dataset.index = String(k);
        b.setAttribute('role', 'radio');
        b.style.setProperty('--swatch', classCss(k));
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.setAttribute('aria-hidden', 'true');
        b.append(swatch, document.createTextNode(name));
        b.addEventListener('click', () => { picked = k; showClasses(); if (tool === 'inspect') setTool('add'); });
        return b;
      }));
      els.classes.dataset.kind = m.kind;
    }
    for (const b of els.classes.children) {
      const on = Number(b.dataset.index) === picked;
      b.setAttribute('aria-checked', String(on));
      b.tabIndex = on ? 0 : -1;
      b.setAttribute('aria-label', i18n.format('points.className', { n: b.textContent }));
      b.disabled = !editable();
    }
  }

  function showCounts() {
    const { derived } = store.get();
    if (!derived) return;
    const key = derived.ownPoints ? 'points.countsOwn' : 'points.counts';
    setText(els.counts, i18n.format(key, { train: derived.trainPoints, test: derived.testPoints ?? 0 }));
  }

  function show() {
    const can = editable();
    els.box.classList.toggle('is-na', facts().dim !== 2);
    for (const b of [...els.tools, els.clear, els.importButton]) {
      if (b.dataset.tool !== 'inspect') b.disabled = !can;
    }
    els.value.disabled = !can;
    showLocked(els.box, els.box, locked(), { short: i18n.t('control.locked'), why: i18n.t('error.locked') });
    if (!can && tool !== 'inspect') setTool('inspect');
    showClasses();
    showCounts();
    showHint();
  }

  /** The label a new point gets: the class picked (two classes: −1 or 1), or the value typed. */
  function label() {
    const m = facts();
    if (m.kind === 'regression') return Number(els.value.value);
    return m.kind === 'binary' ? (picked === 0 ? -1 : 1) : picked;
  }

  /**
   * A click on the map at {x, y} (domain units): adds or erases in those modes, and shift-click
   * erases in any; true when it was the tools' (the map then does not step a point through).
   */
  function onMapClick(place, event) {
    if (!editable()) return false;
    if (tool === 'add' && !event.shiftKey) {
      clearErrors();
      send({ type: MessageType.ADD_POINT, x: place.x, y: place.y, label: label() });
      return true;
    }
    if (tool === 'erase' || event.shiftKey) {
      clearErrors();
      send({ type: MessageType.REMOVE_POINT, x: place.x, y: place.y });
      return true;
    }
    return false;
  }

  /** A long press on the map (a phone's shift-click): erases there. */
  function onLongPress(place) {
    if (!editable()) return false;
    send({ type: MessageType.REMOVE_POINT, x: place.x, y: place.y });
    return true;
  }

  function clearErrors() {
    els.errors.replaceChildren();
    els.errors.hidden = true;
  }

  function showErrors(file, errors) {
    const head = document.createElement('li');
    head.className = 'point-errors-head';
    head.textContent = i18n.format('points.refused', { file });
    els.errors.replaceChildren(head, ...errors.map((e) => {
      const li = document.createElement('li');
      li.textContent = i18n.format(`msg.${e.id}`, e.params);
      return li;
    }));
    els.errors.hidden = false;
    els.errors.scrollIntoView({ block: 'nearest' });
  }

  /** Reads a CSV file and sends its points as one `set`: all of it or, with a list of what is wrong, nothing. */
  async function importFile(file) {
    if (!file || !editable()) return;
    clearErrors();
    const m = facts();
    const domain = store.get().points?.domain ?? m.domain;
    const parsed = parseCsv(await file.text(), { domain, kind: m.kind, classes: classCount(store.get().state, datasets) });
    if (parsed.errors) return showErrors(file.name, parsed.errors);
    send({ type: MessageType.SET, id: IMPORT_POINTS_ID, state: { points: encodePoints(parsed.rows, domain, m.kind) } });
  }

  /** The points trained on as CSV (/api/datasets' columns): one's own from the state, a data set's from the API. */
  async function exportCsv() {
    const { state, points } = store.get();
    const m = facts();
    const name = `${fileBase(state)}-points.csv`;
    let text;
    if (state.points) {
      text = formatCsv(decodePoints(state.points, points?.domain ?? m.domain, m.kind));
    } else {
      const q = new URLSearchParams({ seed: state.seed, noise: String(state.noise), percTrainData: String(state.percTrainData), format: 'csv' });
      if (state.numClasses > 0) q.set('numClasses', String(state.numClasses));
      const answer = await fetch(`/api/datasets/${encodeURIComponent(activeSet(state))}?${q}`);
      if (!answer.ok) return toast(i18n.format('status.serverError', { what: i18n.t('points.export'), message: answer.status }), 'error');
      text = await answer.text();
    }
    saveFile(new Blob([text], { type: 'text/csv' }), name);
    toast(i18n.format('points.exported', { file: name }), 'ok');
  }

  for (const b of els.tools) b.addEventListener('click', () => setTool(b.dataset.tool));
  // the class buttons are one radio group: arrows move the choice
  els.classes.addEventListener('keydown', (e) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (!step) return;
    e.preventDefault();
    const K = els.classes.childElementCount;
    picked = (picked + step + K) % K;
    showClasses();
    els.classes.children[picked].focus();
  });
  els.clear.addEventListener('click', () => { clearErrors(); send({ type: MessageType.CLEAR_POINTS }); });
  els.importButton.addEventListener('click', () => els.file.click());
  els.file.addEventListener('change', () => { importFile(els.file.files[0]); els.file.value = ''; });
  els.exportButton.addEventListener('click', () => exportCsv().catch((e) => toast(String(e.message || e), 'error')));
  els.map.addEventListener('dragover', (e) => {
    if (!editable() || ![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
    e.preventDefault();
    els.map.classList.add('dropping');
  });
  els.map.addEventListener('dragleave', () => els.map.classList.remove('dropping'));
  els.map.addEventListener('drop', (e) => {
    els.map.classList.remove('dropping');
    if (!editable() || !e.dataTransfer?.files?.length) return;
    e.preventDefault();
    importFile(e.dataTransfer.files[0]);
  });

  store.subscribe(['state', 'derived', 'lang'], show);
  show();
  setTool('inspect');

  return {
    onMapClick,
    onLongPress,
    /** The reply to an import: how many points came in. */
    onImported(message) {
      toast(i18n.format('points.imported', { train: message.derived.trainPoints, test: message.derived.testPoints }), 'ok');
    },
    tool: () => tool,
  };
}
