// The page's one store: the state and its link, the newest frame, the points, the session's status
// and what the person has picked. Views subscribe to the keys they draw; a change notifies only
// those. No framework: a plain object, set() merges and notifies, get() reads.

/**
 * @param initial the starting values, e.g. {state, query, latest: null, frame: null, points: null,
 *                status: {playing: false}, selection: null, inspected: null, lang, run: 0}
 */
export function createStore(initial) {
  let values = { ...initial };
  const listeners = [];

  return Object.freeze({
    /** The current values (do not mutate them: set() a new object instead). */
    get: () => values,

    /** Merges a patch and notifies every subscriber of a key whose value changed (by identity). */
    set(patch) {
      const changed = Object.keys(patch).filter((k) => values[k] !== patch[k]);
      if (changed.length === 0) return;
      values = { ...values, ...patch };
      for (const l of listeners.slice()) {
        if (l.keys.some((k) => changed.includes(k))) l.fn(values, changed);
      }
    },

    /** Calls fn(values, changedKeys) after each set() that changes one of keys; returns an unsubscribe. */
    subscribe(keys, fn) {
      const entry = { keys, fn };
      listeners.push(entry);
      return () => listeners.splice(listeners.indexOf(entry), 1);
    },
  });
}
