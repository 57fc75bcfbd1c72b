// The exercise banner of a shared link: its title, its goal, and whether the drawn frame meets it
// (goal-check.js, a copy of the server's rule until frames carry `goal`). It also titles the tab.

import { goalMet } from './goal-check.js';

/** @param els {exercise, title, goal, goalBox, status} */
export function mountExercise(els, store, i18n) {
  function show() {
    const { state } = store.get();
    const title = state.title || '';
    const goal = state.goal || '';
    els.exercise.hidden = !title && !goal;
    els.title.textContent = title;
    els.title.hidden = !title;
    els.goal.textContent = goal;
    els.goalBox.hidden = !goal;
    document.title = title ? `${title} · ${i18n.t('app.title')}` : i18n.t('app.title');
  }

  function check() {
    const { state, frame } = store.get();
    if (!state.goal || !frame) return;
    const met = goalMet(state.goal, frame.header);
    if (met == null) return;
    els.status.classList.toggle('met', met);
    els.status.dataset.i18n = met ? 'exercise.met' : 'exercise.notMet';
    els.status.textContent = i18n.t(els.status.dataset.i18n);
  }

  store.subscribe(['state', 'lang'], show);
  store.subscribe(['frame'], check);
  show();
}
