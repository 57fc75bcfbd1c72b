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

let stored = null;       // {forQuery, url}: the stored exercise of a long task, while the choices stay
let previewTimer = null;

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
  const link = linkOf(q);
  $('b-long').hidden = !long;
  $('b-store').hidden = !long || link !== null;
  $('b-link').value = link ? absolute(link) : '';
  $('b-copy').disabled = !link;
  $('b-open').hidden = !link;
  if (link) $('b-open').href = link;
  $('b-qr').hidden = !link;
  if (link) $('b-qr').src = `/api/qr?text=${encodeURIComponent(absolute(link))}`;
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

async function store() {
  const c = choices();
  const q = exerciseQuery(boot.base, c);
  $('b-link-error').hidden = true;
  $('b-store').disabled = true;
  try {
    const answer = await post('/api/exercises', { state: q.withoutTask, task: c.task });
    stored = { forQuery: q.query, url: answer.url };
  } catch (e) {
    showError('b-link-error', 'build.storeFailed', e);
  } finally {
    $('b-store').disabled = false;
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
    $('b-student-link').value = absolute(board.studentUrl);
    $('b-teacher-link').value = absolute(board.teacherUrl);
    $('b-open-board').href = board.teacherUrl;
    $('b-board-links').hidden = false;
  } catch (e) {
    showError('b-board-error', 'build.boardFailed', e);
  } finally {
    $('b-board').disabled = false;
  }
}

$('builder-form').addEventListener('input', update);
$('builder-form').addEventListener('change', update);
$('b-store').addEventListener('click', store);
$('b-board').addEventListener('click', startBoard);
bindCopy($('b-copy'), $('b-link'), words);
for (const b of document.querySelectorAll('[data-copy]')) bindCopy(b, $(b.dataset.copy), words);
update();

// the test hook: what the builder would share
window.builder = { link: () => $('b-link').value, choices };

// the preview is the page at 1400 px, scaled to its column
const frameBox = $('b-preview').parentElement;
new ResizeObserver(() => frameBox.style.setProperty('--scale', String(frameBox.clientWidth / 1400))).observe(frameBox);
