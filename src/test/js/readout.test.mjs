// The epoch counter's format (static/js/readout.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatEpoch, mountReadout } from '../../../static/js/readout.js';
import { createStore } from '../../../static/js/store.js';
import { fakeEnv } from './fake-env.mjs';

test('six digits at least, grouped by thousands', () => {
  assert.equal(formatEpoch(0), '000,000');
  assert.equal(formatEpoch(1234), '001,234');
  assert.equal(formatEpoch(9_999_999_999), '9,999,999,999');
});

/** An element whose text counts its reads and writes. */
function fakeElement(text) {
  const el = { reads: 0, writes: 0, text };
  Object.defineProperty(el, 'textContent', {
    get() { el.reads++; return el.text; },
    set(t) { el.writes++; el.text = t; },
  });
  return el;
}

function mounted() {
  const els = {
    epoch: fakeElement('000,000'), lossTrain: fakeElement('–'), lossTest: fakeElement('–'),
    accuracyTrain: fakeElement('–'), accuracyTest: fakeElement('–'),
  };
  const store = createStore({ frame: null });
  const env = fakeEnv();
  mountReadout(els, store, env);
  return { els, store, env };
}
const frame = (epoch, trainLoss, testLoss) => ({ header: { epoch, trainLoss, testLoss, trainAccuracy: 0.5, testAccuracy: null } });

test('the numbers are written when they change, and their text is never read back', () => {
  const { els, store, env } = mounted();
  store.set({ frame: frame(2, 0.51234, 0.6) });
  env.tick(16);
  assert.equal(els.epoch.text, '000,002');
  assert.equal(els.lossTrain.text, '0.512');
  assert.equal(els.accuracyTrain.text, '50.0%');
  assert.equal(els.accuracyTest.text, '–');
  // 30 frames: the epoch moves every frame, the train loss once at the third decimal, the rest not at all
  for (let e = 4; e < 64; e += 2) {
    store.set({ frame: frame(e, e < 40 ? 0.51201 : 0.5109, 0.6) });
    env.tick(33);
  }
  for (let i = 0; i < 5; i++) env.tick(33);
  assert.equal(els.epoch.text, '000,062', 'the newest frame is the one left standing');
  assert.equal(els.lossTrain.text, '0.511');
  const all = Object.values(els);
  assert.deepEqual(all.map((el) => el.reads), [0, 0, 0, 0, 0], 'no text read back from the page');
  assert.equal(els.lossTrain.writes, 2, 'a loss written when its three decimals change, not at each frame');
  assert.equal(els.lossTest.writes, 1);
  assert.equal(els.accuracyTest.writes, 1, 'a null accuracy shows as a dash, written once');
});

test('30 frames a second write the numbers about ten times a second', () => {
  const { els, store, env } = mounted();
  for (let e = 1; e <= 30; e++) {
    store.set({ frame: frame(e, 0.5, 0.6) });
    env.tick(33);
  }
  const writes = els.epoch.writes;
  assert.ok(writes >= 7 && writes <= 11, `the epoch count written ${writes} times in a second of 30 frames`);
});
