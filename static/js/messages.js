// The binary messages as the views use them: a frame with its blocks' bytes, and the points of a
// data message with the input features' grids (docs/protocol.md §6).

import { blockBytes, blockFloats } from './protocol.js';
import { blockValues } from './heatmap.js';

const blockKey = (b) => `${b.name}/${b.layer ?? ''}/${b.neuron ?? ''}`;

/**
 * A frame: its header and every block with its bytes. A block marked `same` has no bytes: it is
 * the block of the same name, layer and neuron in {@code previous} (the frame before); one marked
 * `delta` carries each byte's change (mod 256) to that block's bytes.
 */
export function frameOf(envelope, previous) {
  const before = new Map((previous?.blocks ?? []).map((b) => [blockKey(b), b]));
  const blocks = envelope.header.blocks
    .map((b) => {
      if (b.same) return before.get(blockKey(b));
      const bytes = blockBytes(envelope, b);
      return b.delta ? applyDelta(b, bytes, before.get(blockKey(b))) : { ...b, bytes };
    })
    .filter(Boolean);
  return { header: envelope.header, blocks };
}

/** The block the client had plus each byte's change; a Uint8Array wraps mod 256 as the server counts. */
function applyDelta(block, change, had) {
  if (!had || had.bytes.length !== change.length) return null; // the server never sends one without a block before it
  const bytes = new Uint8Array(change.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = had.bytes[i] + change[i];
  return { ...block, bytes };
}

/** Rows of a points block (width values each, the label last) as [{x: [..], label}]. */
function rowsOf(values, width) {
  const rows = [];
  if (!values || width < 1) return rows; // width 1: no inputs at all (004's "guess 42")
  for (let i = 0; i + width <= values.length; i += width) {
    rows.push({ x: Array.from(values.subarray(i, i + width - 1)), label: values[i + width - 1] });
  }
  return rows;
}

/**
 * A data message: train/test as flat x, y, label rows for a 2-D map (else null), every split's
 * rows, and features: name → {values, width, height} (the input neurons' pictures).
 */
export function pointsOf(envelope, datasets) {
  const h = envelope.header;
  const train = h.blocks.find((b) => b.name === 'train');
  const test = h.blocks.find((b) => b.name === 'test');
  const width = train ? train.width : 0;
  const trainValues = train ? blockFloats(envelope, train) : null;
  const testValues = test ? blockFloats(envelope, test) : null;
  const grids = h.blocks.filter((b) => b.name === 'feature');
  const features = new Map((h.features ?? []).map((name, i) => [name,
    { values: blockValues(grids[i], blockBytes(envelope, grids[i])), width: grids[i].width, height: grids[i].height }]));
  return {
    dataVersion: h.dataVersion,
    dataset: h.dataset,
    train: width === 3 ? trainValues : null,
    test: width === 3 ? testValues : null,
    rows: rowsOf(trainValues, width),
    testRows: rowsOf(testValues, width),
    domain: h.domain,
    kind: datasets[h.dataset]?.kind ?? 'binary',
    features,
  };
}
