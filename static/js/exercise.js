// The exercise banner of a shared link: its title, its goal in words and the goal's status, both
// as the server wrote them (the store's `goal`, from every frame and state message; goal-words.js
// renders them), and a reset button once the budget ran out. It also titles the tab.

import { goalWords, goalStatus } from './goal-words.js';

/** @param els {exercise, title, goal, goalBox, status, reset}; onReset() when reset is pressed */
export function mountExercise(els, store, i18n, onReset) {
  function show() {
    const { state, goal } = store.get();
    const title = state.title || '';
    // the goal of the state on screen: before its first goal object, the server-rendered words stay
    const hasGoal = Boolean(state.goal);
    els.exercise.hidden = !title && !hasGoal;
    els.title.textContent = title;
    els.title.hidden = !title;
    els.goalBox.hidden = !hasGoal;
    document.title = title ? `${title} · ${i18n.t('app.title')}` : i18n.t('app.title');
    if (!hasGoal || !goal) {
      if (!hasGoal) els.reset.hidden = true;
      return;
    }
    els.goal.textContent = goalWords(goal, i18n);
    const status = goalStatus(goal, i18n);
    els.status.textContent = status.text;
    for (const kind of ['pending', 'met', 'spent']) els.status.classList.toggle(kind, status.kind === kind);
    els.reset.hidden = status.kind !== 'spent';
  }

  els.reset.addEventListener('click', onReset);
  store.subscribe(['state', 'goal', 'lang'], show);
  show();
}
