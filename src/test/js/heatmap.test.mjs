// The map's colours: the 256-entry table and the byte → colour path (static/js/heatmap.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COLOR_TABLE, tableIndex, signedLevel, rgbaWord, colorOf, cssColor, GridPainter, NEGATIVE, NEUTRAL, POSITIVE } from '../../../static/js/heatmap.js';

const rgbOf = (word) => [word & 255, (word >>> 8) & 255, (word >>> 16) & 255, word >>> 24];

test('the table runs from TF orange at -1 through grey to blue at +1, with the map alpha', () => {
  assert.equal(COLOR_TABLE.length, 256);
  assert.deepEqual(rgbOf(COLOR_TABLE[0]), [...NEGATIVE, 160]);
  assert.deepEqual(rgbOf(COLOR_TABLE[255]), [...POSITIVE, 160]);
  // entry 128 is v = 1/255: a hair from the neutral grey
  const [r, g, b] = rgbOf(COLOR_TABLE[128]);
  assert.ok(Math.abs(r - NEUTRAL[0]) <= 1 && Math.abs(g - NEUTRAL[1]) <= 1 && Math.abs(b - NEUTRAL[2]) <= 1, `${r},${g},${b}`);
});

test('tableIndex clamps, rounds and sends NaN to the middle', () => {
  assert.equal(tableIndex(-1), 0);
  assert.equal(tableIndex(1), 255);
  assert.equal(tableIndex(-7), 0);
  assert.equal(tableIndex(7), 255);
  assert.equal(tableIndex(0), 128); // 127.5 rounds up
  assert.equal(tableIndex(NaN), 128);
});

test('signedLevel: the sign alone when discretized, TF 30 bands otherwise', () => {
  assert.equal(signedLevel(0.2, true, 30), 1);
  assert.equal(signedLevel(-0.2, true, 30), -1);
  // 30 shades: steps of 1/15; 0.1 → round(1.5)/15 = 2/15
  assert.equal(signedLevel(0.1, false, 30), 2 / 15);
  assert.equal(signedLevel(3, false, 30), 1);
  assert.equal(signedLevel(0.1234, false, 0), 0.1234);
});

test('every table entry is the colour colorOf gives there', () => {
  for (let i = 0; i < 256; i++) {
    const [r, g, b] = colorOf(-1 + (2 * i) / 255).map(Math.round);
    assert.deepEqual(rgbOf(COLOR_TABLE[i]), [r, g, b, 160], `entry ${i}`);
  }
  assert.equal(rgbaWord(1, 2, 3, 4), (4 << 24 | 3 << 16 | 2 << 8 | 1) >>> 0);
  assert.equal(cssColor(-1), `rgb(${NEGATIVE.join(',')})`);
});

/** A canvas stand-in: records what putImageData was given. */
function fakeCanvas() {
  const puts = [];
  return {
    width: 0, height: 0, puts,
    getContext: () => ({
      createImageData: (w, h) => ({ width: w, height: h, data: new Uint8ClampedArray(4 * w * h) }),
      putImageData: (image) => puts.push(Uint8ClampedArray.from(image.data)),
    }),
  };
}

test('a uint8 block paints byte q as the colour of min + q (max - min) / 255, through a + b', () => {
  const canvas = fakeCanvas();
  const painter = new GridPainter(canvas);
  // bytes 0, 255, 51: values −1, 1, −0.6 over [−1, 1]
  const block = { width: 3, height: 1, dtype: 'uint8', min: -1, max: 1, bytes: Uint8Array.of(0, 255, 51) };
  painter.signed(block, { shades: 0 });
  assert.equal(canvas.width, 3);
  const words = new Uint32Array(canvas.puts[0].buffer);
  assert.equal(words[0], COLOR_TABLE[0]);
  assert.equal(words[1], COLOR_TABLE[255]);
  assert.equal(words[2], COLOR_TABLE[tableIndex(-1 + 51 * 2 / 255)]);
  // a sigmoid output in [0, 1]: a = 2, b = −1 puts 0.5 at the grey middle
  const sigmoid = { width: 1, height: 1, dtype: 'uint8', min: 0, max: 1, bytes: Uint8Array.of(128) };
  painter.signed(sigmoid, { shades: 0, a: 2, b: -1 });
  assert.equal(new Uint32Array(canvas.puts[1].buffer)[0], COLOR_TABLE[tableIndex(2 * (128 / 255) - 1)]);
});

test('the very block already on the canvas is not painted again; another way of painting it is', () => {
  const canvas = fakeCanvas();
  const painter = new GridPainter(canvas);
  const block = { width: 2, height: 2, dtype: 'uint8', min: -1, max: 1, bytes: Uint8Array.of(0, 64, 128, 255) };
  painter.signed(block);
  painter.signed(block);
  assert.equal(canvas.puts.length, 1);
  painter.signed(block, { discretize: true });
  assert.equal(canvas.puts.length, 2);
  painter.signed({ ...block }); // a new frame's block with the same bytes: painted
  assert.equal(canvas.puts.length, 3);
});

test('the class legend has one band per class', async () => {
  const { classBands, classCss } = await import('../../../static/js/heatmap.js');
  assert.equal(classBands(2), `linear-gradient(90deg, ${classCss(0)} 0% 50%, ${classCss(1)} 50% 100%)`);
  assert.equal(classBands(4).match(/rgb\(/g).length, 4);
});
