// What the goal pill remembers: the server's progress starts over at a reset, a reconnect's config
// or a reload, but a student who met the goal once has met it. The first `met` status of an
// exercise's goal is kept in the tab's storage (sessionStorage), keyed by the exercise (its title,
// task, goal and budget), and shown beside the status when the run on screen has not (yet) met it.

const PREFIX = 'playground.goalMet:';

/** The key of state's exercise goal: the same link, or a reload of it, gives the same key. */
export function goalKey(state) {
  return PREFIX + JSON.stringify([state.title || '', state.task || '', state.goal || '', state.goalEpochs || 0]);
}

/** @param storage a Storage (sessionStorage), or null where the browser refuses one */
export function createGoalMemory(storage) {
  return {
    /** The remembered first meeting of state's goal, {epoch, seconds} as the server wrote them, or null. */
    recall(state) {
      try {
        const text = storage?.getItem(goalKey(state));
        return text ? JSON.parse(text) : null;
      } catch (e) {
        return null;
      }
    },
    /** Keeps the server's goal object's meeting (its status params), if it is the first. */
    remember(state, goal) {
      if (!goal?.met || this.recall(state)) return;
      const { epoch, seconds } = goal.status?.params ?? {};
      try {
        storage?.setItem(goalKey(state), JSON.stringify({ epoch, seconds }));
      } catch (e) {
        // storage full or refused: the pill just forgets, as before
      }
    },
  };
}
