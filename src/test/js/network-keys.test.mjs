// The weights and biases from the keyboard (static/js/network-keys.js), with stand-in elements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { onKey, rove, targetOf, labelOf } from '../../../static/js/network-keys.js';

function item(data) {
  const attrs = {};
  const self = { dataset: data, focused: false, setAttribute: (k, v) => { attrs[k] = v; }, attrs, focus: () => { self.focused = true; } };
  return self;
}
const words = { format: (key, p) => `${key}|${Object.entries(p).map(([k, v]) => `${k}=${v}`).join(',')}` };

test('one tab stop: the first item only, and the arrows move it, wrapping at both ends', () => {
  const items = [item({ layer: '0', to: '0', from: '0' }), item({ layer: '0', to: '0', from: '1' }), item({ layer: '0', to: '0' })];
  rove(items);
  assert.deepEqual(items.map((i) => i.attrs.tabindex), ['0', '-1', '-1']);
  const key = (target, k) => onKey({ target, key: k }, items, () => assert.fail('not an edit'));
  assert.equal(key(items[0], 'ArrowLeft'), true);
  assert.equal(items[2].focused, true);
  assert.deepEqual(items.map((i) => i.attrs.tabindex), ['-1', '-1', '0']);
  assert.equal(key(items[2], 'ArrowDown'), true);
  assert.equal(items[0].attrs.tabindex, '0');
  assert.equal(onKey({ target: items[0], key: 'x' }, items, () => {}), false);
  assert.equal(onKey({ target: items[0], key: 'ArrowUp', ctrlKey: true }, items, () => {}), false);
});

test('Enter and space edit the focused item; a key elsewhere is not the weights\u2019', () => {
  const items = [item({ layer: '1', to: '2', from: '3' })];
  const edited = [];
  assert.equal(onKey({ target: items[0], key: 'Enter' }, items, (i) => edited.push(targetOf(i))), true);
  assert.equal(onKey({ target: items[0], key: ' ' }, items, (i) => edited.push(targetOf(i))), true);
  assert.deepEqual(edited, [{ layer: 1, to: 2, from: 3 }, { layer: 1, to: 2, from: 3 }]);
  assert.equal(onKey({ target: item({}), key: 'Enter' }, items, () => assert.fail()), false);
});

test('a label names both ends and the value, rounded; a bias its neuron; before a frame a dash', () => {
  const layers = [{ weights: [[0.12345, -2]], biases: [0.5] }];
  const name = (column, j) => `c${column}n${j}`;
  assert.equal(labelOf(words, { layer: 0, to: 0, from: 1 }, layers, name), 'net.weightKey|from=c0n1,to=c1n0,v=-2');
  assert.equal(labelOf(words, { layer: 0, to: 0, from: 0 }, layers, name), 'net.weightKey|from=c0n0,to=c1n0,v=0.123');
  assert.equal(labelOf(words, { layer: 0, to: 0, from: -1 }, layers, name), 'net.biasKey|to=c1n0,v=0.5');
  assert.equal(labelOf(words, { layer: 0, to: 0, from: -1 }, undefined, name), 'net.biasKey|to=c1n0,v=–');
});
