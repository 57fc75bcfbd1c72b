// The teacher's live class board (/board/{id}?key=…, BoardPage.java): the board socket
// (docs/protocol.md §11) feeds one tile per student (board-tiles.js), sorted as the teacher picks;
// the student link and its QR code for the projector; CSV export; delete. The only module of the page.

import { I18n } from './i18n.js';
import { bindCopy } from './copy-button.js';
import { tileOf, compareRows } from './board-tiles.js';
import { renderTask } from './task-text.js';

const $ = (id) => document.getElementById(id);
const boot = JSON.parse($('board-boot').textContent);
const i18n = new I18n(boot.lang, boot.strings);
const key = new URLSearchParams(location.search).get('key') ?? '';
const number = new Intl.NumberFormat(boot.lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 6 });
const format = (n) => number.format(n);
const PING_EVERY_MS = 20000;
const RETRY_MS = 2000;

const rows = new Map(); // nickname → row
let maxStudents = 200;
let over = false;       // deleted, or refused for good: no reconnecting
let socket = null;

$('board-csv').href = `/api/boards/${encodeURIComponent(boot.id)}/results.csv?key=${encodeURIComponent(key)}`;
bindCopy($('board-copy'), $('board-student-link'), { copied: i18n.t('build.copied'), manual: i18n.t('build.copyManual') });

function showLink(studentUrl) {
  const url = new URL(studentUrl, location.origin).href;
  $('board-student-link').value = url;
  $('board-qr').src = `/api/qr?text=${encodeURIComponent(url)}`;
}

// 200 students may each change twice a second: the tiles are drawn at most every DRAW_EVERY_MS
const DRAW_EVERY_MS = 200;
let drawTimer = null;
function scheduleDraw() {
  if (drawTimer === null) drawTimer = setTimeout(() => { drawTimer = null; draw(); }, DRAW_EVERY_MS);
}

// a tile is built again only when its row changed (a tile with its map costs ~0.5-1 ms; 200 of
// them at every draw took 90-200 ms here); the others are only put in order
const tiles = new Map(); // nickname → {row, li}
function tile(r) {
  const known = tiles.get(r.name);
  if (known && known.row === r) return known.li;
  const li = tileOf(r, i18n, format);
  tiles.set(r.name, { row: r, li });
  return li;
}

function draw() {
  const list = [...rows.values()].sort(compareRows($('board-sort').value, boot.better));
  for (const name of tiles.keys()) if (!rows.has(name)) tiles.delete(name);
  const ordered = list.map(tile);
  const box = $('board-rows');
  if (ordered.length !== box.children.length || ordered.some((li, i) => box.children[i] !== li)) box.replaceChildren(...ordered);
  $('board-empty').hidden = list.length > 0 || over;
  const reached = list.filter((r) => r.reached).length;
  $('board-count').textContent = i18n.format('boardPage.count', { n: list.length, max: maxStudents, reached });
}

function connection(words) {
  $('board-connection').textContent = words;
}

function end(words) {
  if (over) return; // the delete's answer and the socket's 'deleted' both end it: say it once
  over = true;
  connection('');
  $('board-empty').hidden = true;
  const p = document.createElement('p');
  p.className = 'board-ended';
  p.setAttribute('role', 'alert');
  p.textContent = words;
  $('board-rows').before(p);
  for (const id of ['board-delete', 'board-csv']) $(id).hidden = true;
}

function onMessage(m) {
  if (m.type === 'board') {
    rows.clear();
    for (const r of m.students) rows.set(r.name, r);
    if (m.maxStudents) maxStudents = m.maxStudents;
    showLink(m.shortStudentUrl ?? m.studentUrl); // the short one: a QR code a projector shows is read from the back row
    renderTask($('board-task'), m.task ?? '');
    $('board-task').hidden = !m.task;
    draw();
  } else if (m.type === 'student') {
    rows.set(m.student.name, m.student);
    scheduleDraw();
  } else if (m.type === 'deleted') {
    end(i18n.t('boardPage.deleted'));
  } else if (m.type === 'error') {
    const known = i18n.t(`error.${m.code}`);
    if (m.code === 'board_key' || m.code === 'board_not_found') {
      end(i18n.t(m.code === 'board_key' ? 'boardPage.needKey' : 'boardPage.notFound'));
    } else {
      connection(known === `error.${m.code}` ? m.message : known);
    }
  }
}

function open() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${scheme}://${location.host}/ws/board/${encodeURIComponent(boot.id)}?key=${encodeURIComponent(key)}`);
  socket.onopen = () => connection(`● ${i18n.t('boardPage.live')}`);
  socket.onmessage = (e) => {
    try {
      onMessage(JSON.parse(e.data));
    } catch (err) {
      // not a message of ours: nothing to show
    }
  };
  socket.onclose = (e) => {
    // 1008: refused for good (the key, the board); 1000 after deleted
    if (over || e.code === 1008) return;
    connection(i18n.t('boardPage.reconnecting'));
    setTimeout(open, RETRY_MS);
  };
}

$('board-sort').addEventListener('change', draw);
$('board-projector').addEventListener('click', () => {
  const on = document.body.classList.toggle('projector');
  $('board-projector').setAttribute('aria-pressed', String(on));
  $('board-projector').textContent = i18n.t(on ? 'boardPage.projectorOff' : 'boardPage.projector');
});
$('board-delete').addEventListener('click', async () => {
  if (!confirm(i18n.t('boardPage.deleteConfirm'))) return;
  const response = await fetch(`/api/boards/${encodeURIComponent(boot.id)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } });
  if (response.status === 204) return end(i18n.t('boardPage.deleted'));
  let message = `HTTP ${response.status}`;
  try {
    message = (await response.json()).message ?? message;
  } catch (e) {
    // the status says it
  }
  connection(i18n.format('boardPage.deleteFailed', { message }));
});
setInterval(() => socket?.readyState === WebSocket.OPEN && socket.send(JSON.stringify({ type: 'ping' })), PING_EVERY_MS);
draw();
open();

// the test hook: the rows as the page holds them
window.board = { rows: () => [...rows.values()], names: () => [...document.querySelectorAll('#board-rows .board-nick')].map((e) => e.textContent) };
