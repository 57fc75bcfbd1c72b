// The binary envelope and a frame's blocks (static/js/protocol.js, messages.js; docs/protocol.md §6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEnvelope, blockBytes, blockFloats } from '../../../static/js/protocol.js';
import { frameOf } from '../../../static/js/messages.js';

/** [u32 big-endian header length][UTF-8 JSON header][payload], as the server writes it. */
function envelope(header, payload) {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const buffer = new ArrayBuffer(4 + json.length + payload.length);
  new DataView(buffer).setUint32(0, json.length, false);
  new Uint8Array(buffer, 4).set(json);
  new Uint8Array(buffer, 4 + json.length).set(payload);
  return buffer;
}

test('an envelope splits into its header and payload; blocks are views at their offsets', () => {
  const e = decodeEnvelope(envelope({ type: 'frame', epoch: 3, blocks: [{ name: 'output', offset: 2, length: 3 }] }, Uint8Array.of(9, 9, 1, 2, 3)));
  assert.equal(e.header.epoch, 3);
  assert.deepEqual([...blockBytes(e, e.header.blocks[0])], [1, 2, 3]);
});

test('float32 blocks are read big-endian', () => {
  const payload = new Uint8Array(8);
  const view = new DataView(payload.buffer);
  view.setFloat32(0, 1.5, false);
  view.setFloat32(4, -2.25, false);
  const e = decodeEnvelope(envelope({ type: 'data' }, payload));
  assert.deepEqual([...blockFloats(e, { offset: 0, length: 8 })], [1.5, -2.25]);
});

test('a short or overrunning message is refused with words that say so', () => {
  assert.throws(() => decodeEnvelope(new ArrayBuffer(2)), /no header length/);
  const bad = new ArrayBuffer(8);
  new DataView(bad).setUint32(0, 100, false);
  assert.throws(() => decodeEnvelope(bad), /overruns/);
});

test("a block marked same is the previous frame's very block object", () => {
  const first = frameOf(decodeEnvelope(envelope({ blocks: [{ name: 'neuron', layer: 0, neuron: 1, offset: 0, length: 1 }] }, Uint8Array.of(7))), null);
  const second = frameOf(decodeEnvelope(envelope({ blocks: [{ name: 'neuron', layer: 0, neuron: 1, same: true }] }, new Uint8Array(0))), first);
  assert.equal(second.blocks[0], first.blocks[0]);
  assert.deepEqual([...second.blocks[0].bytes], [7]);
});
