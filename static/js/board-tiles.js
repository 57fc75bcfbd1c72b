// The teacher board's tiles: one per student row (docs/api.md "Class boards"), built from elements
// and text nodes only (a nickname or a setting is never markup), and their order.

import { painterOf } from './heatmap.js';

const THUMB = { width: 20, height: 20, dtype: 'uint8', min: -1, max: 1 };

/** A row's 20×20 output map (base64 bytes over [-1, 1]) painted into canvas; false without one. */
export function paintThumbnail(canvas, base64) {
  if (!base64) return false;
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  if (bytes.length !== THUMB.width * THUMB.height) return false;
  painterOf(canvas).signed({ ...THUMB, bytes }, { shades: 0 });
  return true;
}

/** A few settings of a student's state query, as "learning rate 0.3 · tanh · 4,2". */
export function settingsOf(state, i18n) {
  const q = new URLSearchParams(state ?? '');
  const parts = [];
  if (q.has('learningRate')) parts.push(`${i18n.t('top.learningRate')} ${q.get('learningRate')}`);
  if (q.has('activation')) parts.push(i18n.t(`opt.activation.${q.get('activation')}`));
  if (q.has('networkShape')) parts.push(`${i18n.t('boardPage.shape')} ${q.get('networkShape') || '–'}`);
  if (q.has('batchSize')) parts.push(`${i18n.t('data.batchSize')} ${q.get('batchSize')}`);
  return parts.join(' · ');
}

/**
 * How two rows compare: 'reached' (the goal met first — fewest training seconds, then epochs —
 * then the best), 'best' (in the goal's direction), 'name', 'joined'.
 */
export function compareRows(by, better) {
  const best = (r) => (r.best == null ? Infinity : better === 'higher' ? -r.best : r.best);
  const byBest = (a, b) => best(a) - best(b);
  const byName = (a, b) => a.name.localeCompare(b.name);
  switch (by) {
    case 'reached':
      return (a, b) => {
        if (a.reached && b.reached) return a.reached.seconds - b.reached.seconds || a.reached.epoch - b.reached.epoch;
        if (a.reached || b.reached) return a.reached ? -1 : 1;
        return byBest(a, b) || byName(a, b);
      };
    case 'best':
      return (a, b) => byBest(a, b) || byName(a, b);
    case 'joined':
      return (a, b) => a.joinedAt.localeCompare(b.joinedAt) || byName(a, b);
    default:
      return byName;
  }
}

const el = (tag, cls, parent) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  parent?.appendChild(e);
  return e;
};

/** A tile for row; format(n) writes a number in the page's language. */
export function tileOf(row, i18n, format) {
  const li = el('li', `board-tile${row.reached ? ' reached' : ''}${row.online ? '' : ' offline'}`);
  li.dataset.name = row.name;
  const canvas = el('canvas', 'board-thumb', li);
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', i18n.format('boardPage.thumbnail', { name: row.name }));
  if (!paintThumbnail(canvas, row.thumbnail)) canvas.classList.add('empty');
  const body = el('div', 'board-tile-body', li);
  const head = el('p', 'board-name', body);
  el('span', `board-dot ${row.online ? 'on' : 'off'}`, head).title = i18n.t(row.online ? 'boardPage.online' : 'boardPage.left');
  el('span', 'board-nick', head).textContent = row.name;
  const status = el('p', 'board-status', body);
  status.textContent = row.reached
    ? `✓ ${i18n.format('boardPage.reached', { epoch: format(row.reached.epoch), seconds: format(Math.round(row.reached.seconds * 10) / 10) })}`
    : i18n.t('boardPage.notReached');
  const progress = [i18n.format('boardPage.epoch', { epoch: format(row.epoch) })];
  if (row.best != null) {
    // the goal's metric in words, an accuracy as a percentage (as the goal pill writes it)
    const metric = row.metric ? i18n.t(`msg.goal.metric.${row.metric}`) : '';
    const value = /Accuracy$/.test(row.metric ?? '') ? `${format(Math.round(row.best * 1000) / 10)}%` : format(Number(row.best.toPrecision(3)));
    progress.push(i18n.format('boardPage.best', { best: `${metric.startsWith('msg.') ? '' : `${metric} `}${value}` }));
  }
  el('p', 'board-progress', body).textContent = progress.join(' · ');
  el('p', 'board-settings', body).textContent = settingsOf(row.reached?.state ?? row.state, i18n);
  const open = el('a', 'board-open', body);
  open.textContent = i18n.t('boardPage.open');
  // a run is a link of this server's own; anything else is not followed
  if (typeof row.runUrl === 'string' && row.runUrl.startsWith('/?')) open.href = row.runUrl;
  open.target = '_blank';
  open.rel = 'noopener';
  return li;
}
