// The loss history's CSV: every epoch seen, a restart starting over, a long run halved (static/js/loss-log.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LossLog } from '../../../static/js/loss-log.js';

test('one row per epoch seen, a repeated epoch once, accuracy columns only when asked', () => {
  const log = new LossLog();
  log.add(0, 0.5, 0.6, 0.5, 0.4);
  log.add(3, 0.25, 0.3, 0.75, 0.7);
  log.add(3, 9, 9, 9, 9);
  assert.equal(log.csv(true), 'epoch,train_loss,test_loss,train_accuracy,test_accuracy\n0,0.5,0.6,0.5,0.4\n3,0.25,0.3,0.75,0.7\n');
  assert.equal(log.csv(false), 'epoch,train_loss,test_loss\n0,0.5,0.6\n3,0.25,0.3\n');
});

test('an epoch below the last (a reset) starts the log over; a missing number is an empty cell', () => {
  const log = new LossLog();
  log.add(10, 1, 1, null, null);
  log.add(2, 0.1234567890123, NaN, null, null);
  assert.equal(log.size, 1);
  assert.equal(log.csv(false), 'epoch,train_loss,test_loss\n2,0.1234567890123,\n');
});

test('past its cap every other older row goes, the newest stays', () => {
  const log = new LossLog(8);
  for (let e = 0; e <= 8; e++) log.add(e, e, e, null, null);
  assert.deepEqual(log.rows.map((r) => r[0]), [0, 2, 4, 6, 8]);
});
