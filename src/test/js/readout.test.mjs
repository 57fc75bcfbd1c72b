// The epoch counter's format (static/js/readout.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatEpoch } from '../../../static/js/readout.js';

test('six digits at least, grouped by thousands', () => {
  assert.equal(formatEpoch(0), '000,000');
  assert.equal(formatEpoch(1234), '001,234');
  assert.equal(formatEpoch(9_999_999_999), '9,999,999,999');
});
