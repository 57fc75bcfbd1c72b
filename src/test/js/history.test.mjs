// The loss chart's decimation: a whole run in a fixed number of points (static/js/history.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { History } from '../../../static/js/history.js';

test('under its cap a history draws every sample', () => {
  const h = new History(100);
  for (let e = 0; e < 40; e++) h.add(e, 1 / (e + 1));
  assert.equal(h.size, 40);
  assert.deepEqual(h.points().map((p) => p.x), Array.from({ length: 40 }, (_, i) => i));
  assert.equal(h.resolution, 1);
});

test('a million epochs stay within the cap, in epoch order, first and newest kept', () => {
  const h = new History(1000);
  for (let e = 0; e <= 1_000_000; e++) h.add(e, Math.exp(-e / 1e5));
  const ps = h.points();
  assert.ok(ps.length <= 1000, `${ps.length} points`);
  assert.ok(ps.length > 400, `${ps.length} points: too thin`);
  assert.equal(ps[0].x, 0);
  assert.equal(ps[ps.length - 1].x, 1_000_000);
  for (let i = 1; i < ps.length; i++) assert.ok(ps[i].x > ps[i - 1].x, `not in order at ${i}`);
});

test('a one-epoch spike survives every halving', () => {
  const h = new History(64);
  for (let e = 0; e < 100_000; e++) h.add(e, e === 54_321 ? 50 : 0.1);
  assert.ok(h.points().some((p) => p.x === 54_321 && p.y === 50));
  assert.ok(h.resolution > 1);
});

test('a cap below 8 is refused', () => {
  assert.throws(() => new History(4), /at least 8/);
});
