// The exercise banner of a shared link: its title, its task text (task-text.js), its goal in words
// and the goal's status, both as the server wrote them (the store's `goal`, from every frame and
// state message; goal-words.js renders them), what this tab remembers of the goal being met
// (goal-memory.js), and a reset button once the budget ran out. It also titles the tab.

import { goalWords, goalStatus } from './goal-words.js';
import { renderTask } from './task-text.js';
import { createGoalMemory } from './goal-memory.js';

/**
 * @param els {exercise, title, task, goal, goalBox, status, before, reset}; onReset() when reset is pressed;
 * storage where the met goal is remembered (sessionStorage; null for nowhere)
 */
export function mountExercise(els, store, i18n, onReset, storage) {
  const memory = createGoalMemory(storage);
  let taskShown = null;

  function show() {
    const { state, goal } = store.get();
    const title = state.title || '';
    const task = state.task || '';
    // the goal of the state on screen: before its first goal object, the server-rendered words stay
    const hasGoal = Boolean(state.goal);
    els.exercise.hidden = !title && !task && !hasGoal;
    els.title.textContent = title;
    els.title.hidden = !title;
    if (task !== taskShown) renderTask(els.task, task);
    taskShown = task;
    els.task.hidden = !task;
    els.goalBox.hidden = !hasGoal;
    document.title = title ? `${title} · ${i18n.t('app.title')}` : i18n.t('app.title');
    if (!hasGoal || !goal) {
      if (!hasGoal) els.reset.hidden = true;
      els.before.hidden = true;
      return;
    }
    els.goal.textContent = goalWords(goal, i18n);
    const status = goalStatus(goal, i18n);
    els.status.textContent = status.text;
    for (const kind of ['pending', 'met', 'spent']) els.status.classList.toggle(kind, status.kind === kind);
    els.reset.hidden = status.kind !== 'spent';
    memory.remember(state, goal);
    const before = goal.met ? null : memory.recall(state);
    els.before.hidden = !before;
    if (before) els.before.textContent = `✓ ${i18n.format('exercise.metBefore', before)}`;
  }

  els.reset.addEventListener('click', onReset);
  store.subscribe(['state', 'goal', 'lang'], show);
  show();
}
