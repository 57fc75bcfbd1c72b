// What a person can do, as messages to the server: a change of a state key (a `set`), play/pause,
// step (1 or more epochs), a faster or slower speed, reset. A new control calls change(key, value) or send(message); nothing else talks to the socket.

import { MessageType } from './protocol.js';

/** Keys only the page draws: shown at once, the server's state follows. */
const DISPLAY_KEYS = new Set(['showTestData', 'discretize']);

/**
 * A change is sent as just {key: value}: the server applies what it forces (a loss the data set
 * trains with, a narrower layer, …) and reports it in the `state` message's `changed` and warnings.
 * @param socket {send(message)}; i18n, boot (its speeds) and toast for the speed keys
 */
export function createActions(store, socket, i18n, boot, toast) {
  const send = (message) => socket.send(message);
  let wantedSpeed = null;
  let wantedTimer = 0;
  store.subscribe(['state'], ({ state }) => {
    if (String(state.speed) === wantedSpeed) wantedSpeed = null;
  });

  function change(key, value) {
    const { state } = store.get();
    if (DISPLAY_KEYS.has(key)) store.set({ state: { ...state, [key]: value } });
    send({ type: MessageType.SET, state: { [key]: value } });
  }

  function setPlaying(on) {
    if (store.get().status.playing === on) return;
    store.set({ status: { ...store.get().status, playing: on } });
  }

  return {
    send,
    change,
    setPlaying,
    togglePlay() {
      const playing = store.get().status.playing;
      send({ type: playing ? MessageType.PAUSE : MessageType.PLAY });
      setPlaying(!playing);
    },
    step(epochs = 1) {
      send({ type: MessageType.STEP, epochs });
    },
    /** One speed faster (by 1) or slower (by -1) in the server's list (boot.speeds), kept at its ends. */
    faster(by) {
      const { state } = store.get();
      if ((state.lock || []).includes('speed')) return toast(i18n.t('error.locked'), 'info');
      // quick presses go on from the speed asked for last, before the server's state confirms it
      const current = wantedSpeed ?? String(state.speed);
      const speeds = boot.speeds;
      const at = speeds.indexOf(current);
      const next = speeds[Math.min(speeds.length - 1, Math.max(0, (at < 0 ? speeds.indexOf('60') : at) + by))];
      if (next === current) return;
      wantedSpeed = next;
      clearTimeout(wantedTimer);
      wantedTimer = setTimeout(() => (wantedSpeed = null), 1000); // a refused set must not stick
      change('speed', next);
    },
    reset() {
      // a new run: the charts start over and the map shows the output again
      store.set({ selection: null, run: store.get().run + 1 });
      send({ type: MessageType.RESET });
    },
  };
}
