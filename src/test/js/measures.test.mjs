// A frame's numbers as shown: an empty set has none (static/js/measures.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shownMeasures } from '../../../static/js/measures.js';

const h = { trainLoss: 0.3, testLoss: 0, trainAccuracy: 0.8, testAccuracy: 0 };

test('a set of no test points shows no test loss or accuracy; the training numbers stay', () => {
  assert.deepEqual(shownMeasures(h, { trainPoints: 12, testPoints: 0 }),
    { trainLoss: 0.3, testLoss: null, trainAccuracy: 0.8, testAccuracy: null });
});

test('no training points: no training numbers; before any derived, every number as sent', () => {
  assert.deepEqual(shownMeasures(h, { trainPoints: 0, testPoints: 5 }),
    { trainLoss: null, testLoss: 0, trainAccuracy: null, testAccuracy: 0 });
  assert.deepEqual(shownMeasures(h, undefined), h);
});
