// The exercise builder (/build, BuilderPage.java): reads the choices, writes the link
// (builder-link.js), previews it in a frame, shows its QR code (GET /api/qr), stores a long task
// (POST /api/exercises) and starts a class board (POST /api/boards). The only module of the page.

import { I18n } from './i18n.js';
import { exerciseQuery } from './builder-link.js';
import { bindCopy } from './copy-button.js';

const $ = (id) => document.getElementById(id);
const boot = JSON.parse($('builder-boot').textContent);
const i18n = new I18n(boot.lang, boot.strings);
const words = { copied: i18n.t('build.copied'), manual: i18n.t('build.copyManual') };
const PREVIEW_DELAY_MS = 700;
const absolute = (path) => new URL(path, location.origin).href;

let stored = null;       // {forQuery, url, shortUrl}: the stored exercise (a long task, or a short link asked for), while the choices stay
let previewTimer = null;
let boardFor = null;     // the query the board shown was started with: another choice hides its links

function choices() {
  return {
    title: $('b-title').value,
    task: $('b-task').value,
    metric: $('b-metric').value,
    comparison: $('b-comparison').value,
    value: $('b-value').value.trim() || '0',
    budget: $('b-budget').value,
    lang: $('b-lang').value,
    keepWeights: $('b-weights').checked,
    controls: boot.controls.map((c) => ({
      ...c, choice: document.querySelector(`input[name="ctl-${c.name}"]:checked`)?.value ?? 'shown',
    })),
  };
}

/** The link students open: the written query, or the stored exercise's for a long task. */
function linkOf(q) {
  if (q.taskBytes <= boot.taskLinkBytes) return `/?${q.query}`;
  return stored && stored.forQuery === q.query ? stored.url : null;
}

function showCount(task) {
  const number = new Intl.NumberFormat(boot.lang === 'ko' ? 'ko-KR' : 'en-US');
  $('b-task-count').textContent = i18n.format('build.taskCount', { n: number.format(task.length), max: number.format(boot.maxTask) });
}

function update() {
  const c = choices();
  showCount(c.task);
  for (const id of ['b-comparison', 'b-value', 'b-budget']) $(id).disabled = !c.metric;
  const q = exerciseQuery(boot.base, c);
  const long = q.taskBytes > boot.taskLinkBytes;
  if (boardFor !== null && boardFor !== q.query) {
    boardFor = null;
    $('b-board-links').hidden = true; // that board has the exercise as it was; start another for this one
  }
  const link = linkOf(q);
  const short = stored && stored.forQuery === q.query ? stored.shortUrl : null;
  $('b-long').hidden = !long;
  $('b-store').hidden = !long || link !== null;
  $('b-link').value = link ? absolute(link) : '';
  $('b-copy').disabled = !link;
  $('b-open').hidden = !link;
  if (link) $('b-open').href = link;
  // the QR code of the short link once there is one: a long link's code is too dense for a projector
  $('b-short-row').hidden = !short;
  $('b-short-link').value = short ? absolute(short) : '';
  $('b-shorten').hidden = !link || short !== null;
  $('b-qr').hidden = !link;
  if (link) $('b-qr').src = `/api/qr?text=${encodeURIComponent(absolute(short ?? link))}`;
  // a long task not stored yet: the preview shows the rest of the exercise
  schedulePreview(link ?? `/?${q.withoutTask}`);
}

function schedulePreview(link) {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    const frame = $('b-preview');
    if (frame.getAttribute('src') !== link) frame.setAttribute('src', link);
  }, PREVIEW_DELAY_MS);
}

/** POSTs body as JSON to path; resolves to the answer's JSON, or throws an Error with the server's words. */
async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  let answer = null;
  try {
    answer = await response.json();
  } catch (e) {
    // not JSON: the status says it
  }
  if (!response.ok) {
    const code = answer?.code;
    const known = code && i18n.t(`error.${code}`) !== `error.${code}` ? i18n.t(`error.${code}`) : null;
    throw new Error(known ?? answer?.message ?? `HTTP ${response.status}`);
  }
  return answer;
}

function showError(id, key, e) {
  $(id).textContent = i18n.format(key, { message: e.message });
  $(id).hidden = false;
}

/** Stores the exercise as the choices have it (its link then names it, and it has a short link); button is the one pressed. */
async function store(button) {
  const c = choices();
  const q = exerciseQuery(boot.base, c);
  $('b-link-error').hidden = true;
  button.disabled = true;
  try {
    const answer = await post('/api/exercises', { state: q.withoutTask, task: c.task });
    stored = { forQuery: q.query, url: answer.url, shortUrl: answer.shortUrl };
  } catch (e) {
    showError('b-link-error', 'build.storeFailed', e);
  } finally {
    button.disabled = false;
  }
  update();
}

async function startBoard() {
  const c = choices();
  const q = exerciseQuery(boot.base, c);
  $('b-board-error').hidden = true;
  $('b-board').disabled = true;
  try {
    const board = await post('/api/boards', { state: q.withoutTask, task: c.task });
    $('b-student-link').value = absolute(board.shortStudentUrl);
    $('b-board-qr').src = `/api/qr?text=${encodeURIComponent(absolute(board.shortStudentUrl))}`;
    $('b-teacher-link').value = absolute(board.teacherUrl);
    $('b-open-board').href = board.teacherUrl;
    $('b-board-links').hidden = false;
    boardFor = q.query;
    $('b-board-links').scrollIntoView({ block: 'nearest' });
  } catch (e) {
    showError('b-board-error', 'build.boardFailed', e);
  } finally {
    $('b-board').disabled = false;
  }
}

$('builder-form').addEventListener('input', update);
$('builder-form').addEventListener('change', update);
$('b-store').addEventListener('click', () => store($('b-store')));
$('b-shorten').addEventListener('click', () => store($('b-shorten')));
$('b-board').addEventListener('click', startBoard);
bindCopy($('b-copy'), $('b-link'), words);
for (const b of document.querySelectorAll('[data-copy]')) bindCopy(b, $(b.dataset.copy), words);
update();

// the test hook: what the builder would share
window.builder = { link: () => $('b-link').value, shortLink: () => $('b-short-link').value, choices };

// the preview is the page at 1400 px, scaled to its column
const frameBox = $('b-preview').parentElement;
new ResizeObserver(() => frameBox.style.setProperty('--scale', String(frameBox.clientWidth / 1400))).observe(frameBox);
