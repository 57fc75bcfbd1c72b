// The page's one store (static/js/store.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore } from '../../../static/js/store.js';

test('set merges and notifies only the subscribers of the keys that changed', () => {
  const store = createStore({ a: 1, b: 2 });
  const seen = [];
  store.subscribe(['a'], (values, changed) => seen.push(['a', values.a, changed]));
  store.subscribe(['b'], (values) => seen.push(['b', values.b]));
  store.set({ a: 5 });
  assert.deepEqual(seen, [['a', 5, ['a']]]);
  assert.deepEqual(store.get(), { a: 5, b: 2 });
});

test('a value set to itself (by identity) notifies nobody', () => {
  const state = { x: 1 };
  const store = createStore({ state });
  let calls = 0;
  store.subscribe(['state'], () => calls++);
  store.set({ state });
  assert.equal(calls, 0);
  store.set({ state: { x: 1 } });
  assert.equal(calls, 1);
});

test('an unsubscribed listener hears nothing more', () => {
  const store = createStore({ n: 0 });
  let calls = 0;
  const off = store.subscribe(['n'], () => calls++);
  store.set({ n: 1 });
  off();
  store.set({ n: 2 });
  assert.equal(calls, 1);
});
