// The page's controls, found by data-key (the state key each edits): reading a person's change
// into state values and showing a state in them. What a change brings along is the server's to
// decide (it reports it in `changed`); what the menus allow comes from `derived` (page-view.js).

const NUMBER_KEYS = new Set(['learningRate', 'regularizationRate', 'noise', 'percTrainData', 'batchSize', 'numClasses']);

/** Calls onChange(key, value) when a person changes a control under root. */
export function bindControls(root, onChange) {
  root.addEventListener('change', (event) => {
    const el = event.target.closest?.('[data-key]');
    if (!el || el.tagName === 'BUTTON') return;
    const key = el.dataset.key;
    if (el.type === 'checkbox') onChange(key, el.checked);
    else onChange(key, NUMBER_KEYS.has(key) ? Number(el.value) : el.value);
  });
  root.addEventListener('input', (event) => {
    const el = event.target;
    if (el.type === 'range' && el.dataset.key) showSliderValue(root, el);
  });
  root.addEventListener('click', (event) => {
    const el = event.target.closest?.('button[data-key]');
    if (el && !el.disabled) onChange(el.dataset.key, el.dataset.value);
  });
}

function showSliderValue(root, slider) {
  const out = root.querySelector(`output[for="${slider.id}"]`);
  if (out) out.textContent = slider.value;
}

/** A number as the menus write it (0.00001, 0.03, 1). */
export function plain(v) {
  if (!Number.isFinite(v)) return String(v);
  let s = String(v);
  if (/e/i.test(s)) s = v.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

/**
 * Shows state in every control under root. lockedWords, what a locked control says:
 * {short: "locked", why: "Locked by this exercise"}; lockedKeys, the keys locked (derived.locked), else the state's lock.
 */
export function showState(root, state, lockedWords = { short: '', why: '' }, lockedKeys = null) {
  // the server's derived.locked when there is one: the lock and what it implies (points lock the data sets)
  const locked = new Set(lockedKeys ?? state.lock ?? []);
  for (const el of root.querySelectorAll('[data-key]')) {
    const key = el.dataset.key;
    const value = state[key];
    if (el.tagName === 'BUTTON') {
      // one's own points (the points or data key) are no data set's: none is shown picked, and a tap brings its own back
      const own = Boolean(state.points) || Boolean(state.data);
      const selected = !own && el.dataset.value === value && (key === 'dataset') === (state.problem === 'classification');
      el.classList.toggle('selected', selected);
      el.setAttribute('aria-pressed', String(selected));
      const otherProblem = (key === 'dataset') !== (state.problem === 'classification');
      el.classList.toggle('is-na', otherProblem);
      el.disabled = locked.has(key) || locked.has('problem') && otherProblem;
      continue;
    }
    el.disabled = locked.has(key);
    showLocked(el, el.closest(LOCK_BOXES), locked.has(key), lockedWords);
    if (value === undefined) continue;
    if (el.type === 'checkbox') {
      el.checked = Boolean(value);
    } else if (el.tagName === 'SELECT') {
      const text = typeof value === 'number' ? plain(value) : String(value);
      if (![...el.options].some((o) => o.value === text)) addOption(el, text);
      el.value = text;
    } else if (el.type === 'range') {
      if (Number(el.max) < value) el.max = String(value);
      el.value = String(value);
      showSliderValue(root, el);
    }
  }
  // a group of buttons (the data sets) is locked when every button in it that applies is
  for (const group of root.querySelectorAll('.dataset-list')) {
    const buttons = [...group.querySelectorAll('button[data-key]')].filter((b) => !b.classList.contains('is-na'));
    const all = buttons.length > 0 && buttons.every((b) => locked.has(b.dataset.key));
    showLocked(group, group, all, lockedWords);
  }
}

/** What shows a control's lock: its menu's, slider's or check box's box. */
const LOCK_BOXES = '.control, .slider-control, .check';

/**
 * A locked control looks locked (box.is-locked: greyed, "locked" beside it) and says why in the
 * tooltip of el (the control itself, or the box when it has no one element).
 */
export function showLocked(el, box, locked, words) {
  if (!box) return;
  box.classList.toggle('is-locked', locked);
  if (locked) box.dataset.locked = words.short;
  else delete box.dataset.locked;
  if (locked) {
    if (!('titleUnlocked' in el.dataset)) el.dataset.titleUnlocked = el.title;
    el.title = words.why;
  } else if (!locked && 'titleUnlocked' in el.dataset) {
    el.title = el.dataset.titleUnlocked;
    delete el.dataset.titleUnlocked;
  }
}

function addOption(select, value) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = value;
  const after = [...select.options].find((x) => Number(x.value) > Number(value));
  select.insertBefore(o, after ?? null);
}
