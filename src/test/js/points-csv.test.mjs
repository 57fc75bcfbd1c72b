// A person's own points as text (static/js/points-csv.js): the `points` bytes as the server writes
// them (CustomPointsTest's worked example), CSV in /api/datasets' form, and an import that is all or
// nothing, each bad line named with what is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodePoints, decodePoints, formatCsv, parseCsv, MAX_POINTS } from '../../../static/js/points-csv.js';

const MAP = [-6, 6];
const STEP = 12 / 65535;

test('the points key of the worked example: the same text as the server writes, decoded to its doubles', () => {
  // (−6, 6) class 1 training, (0, 0) class 0 test: 01 | 0000 FFFF 01 | 8000 8000 80
  const rows = [{ x: -6, y: 6, label: 1, test: false }, { x: 0, y: 0, label: -1, test: true }];
  assert.equal(encodePoints(rows, MAP, 'binary'), 'AQAA__8BgACAAIA');
  const back = decodePoints('AQAA__8BgACAAIA', MAP, 'binary');
  assert.deepEqual(back[0], { x: -6, y: 6, label: 1, test: false });
  assert.equal(back[1].x, -6 + 32768 * STEP);
  assert.equal(back[1].label, -1);
  assert.equal(back[1].test, true);
  // values: 02 | 8000 8000 00 FFFF is (0, 0) with the value 2
  assert.equal(encodePoints([{ x: 0, y: 0, label: 2, test: false }], MAP, 'regression'), 'AoAAgAAA__8');
  assert.equal(decodePoints('AoAAgAAA__8', MAP, 'regression')[0].label, 2);
  assert.equal(decodePoints('AQAAAAAD', MAP, 'multiclass')[0].label, 3);
  assert.deepEqual(decodePoints('', MAP, 'binary'), []);
});

test('CSV goes out as /api/datasets serves it: train rows, then test rows', () => {
  const csv = formatCsv([{ x: 1.5, y: -2, label: 1, test: true }, { x: 0.25, y: 3, label: -1, test: false }]);
  assert.equal(csv, 'split,x,y,label\ntrain,0.25,3,-1\ntest,1.5,-2,1\n');
});

test('a good CSV comes in whole: with or without a header, split optional, blank lines skipped', () => {
  const opts = { domain: MAP, kind: 'binary', classes: 2 };
  assert.deepEqual(parseCsv('x,y,label\n1,2,1\n\n-3,0.5,-1\n', opts).rows,
    [{ x: 1, y: 2, label: 1, test: false }, { x: -3, y: 0.5, label: -1, test: false }]);
  assert.deepEqual(parseCsv('1,2,1\r\n-1,-2,-1', opts).rows.length, 2);
  // the export's own form reads back, and a header may name its columns in any order
  assert.deepEqual(parseCsv('split,x,y,label\ntrain,0.25,3,-1\ntest,1.5,-2,1\n', opts).rows,
    [{ x: 0.25, y: 3, label: -1, test: false }, { x: 1.5, y: -2, label: 1, test: true }]);
  assert.deepEqual(parseCsv('label,y,x\n1,2,3\n', opts).rows, [{ x: 3, y: 2, label: 1, test: false }]);
  assert.deepEqual(parseCsv('"x","y","label"\n"1","2","1"\n', opts).rows, [{ x: 1, y: 2, label: 1, test: false }]);
  const k = parseCsv('x,y,label\n0,0,0\n1,1,2\n', { domain: MAP, kind: 'multiclass', classes: 3 });
  assert.deepEqual(k.rows.map((r) => r.label), [0, 2]);
  const r = parseCsv('0,0,0.75\n', { domain: MAP, kind: 'regression', classes: 0 });
  assert.equal(r.rows[0].label, 0.75);
});

test('a bad CSV brings nothing in: each bad line says its number and what is wrong', () => {
  const opts = { domain: MAP, kind: 'binary', classes: 2 };
  const bad = parseCsv('x,y,label\n1,2,1\n1,abc,1\n7,0,1\n0,0,2\n0,0\ntrain,1\n', opts);
  assert.equal(bad.rows, undefined);
  assert.deepEqual(bad.errors, [
    { id: 'csv.number', params: { line: 3, column: 'y', value: 'abc' } },
    { id: 'csv.outside', params: { line: 4, column: 'x', value: '7', min: -6, max: 6 } },
    { id: 'csv.labelBinary', params: { line: 5, value: '2' } },
    { id: 'csv.columns', params: { line: 6, count: 2, expected: 3, columns: 'x, y, label' } },
    { id: 'csv.columns', params: { line: 7, count: 2, expected: 3, columns: 'x, y, label' } },
  ]);
  assert.deepEqual(parseCsv('split,x,y,label\nvalidate,0,0,1\n', opts).errors,
    [{ id: 'csv.split', params: { line: 2, value: 'validate' } }]);
  assert.deepEqual(parseCsv('a,b,c\n1,2,1\n', opts).errors, [{ id: 'csv.header', params: { line: 1, got: 'a, b, c' } }]);
  assert.deepEqual(parseCsv('0,0,3\n', { domain: MAP, kind: 'multiclass', classes: 3 }).errors,
    [{ id: 'csv.labelClass', params: { line: 1, value: '3', last: 2 } }]);
  assert.deepEqual(parseCsv('0,0,2.5\n', { domain: MAP, kind: 'regression', classes: 0 }).errors,
    [{ id: 'csv.labelValue', params: { line: 1, value: '2.5', min: -2, max: 2 } }]);
  assert.deepEqual(parseCsv('\n\n', opts).errors, [{ id: 'csv.empty', params: {} }]);
  // one error a line, its first; past five bad lines the rest are counted
  const many = parseCsv('x,y,label\n' + '9,9,9\n'.repeat(8), opts).errors;
  assert.equal(many.length, 6);
  assert.deepEqual(many[0], { id: 'csv.outside', params: { line: 2, column: 'x', value: '9', min: -6, max: 6 } });
  assert.deepEqual(many[5], { id: 'csv.moreErrors', params: { count: 3 } });
  const full = parseCsv('0,0,1\n'.repeat(MAX_POINTS + 1), opts).errors;
  assert.deepEqual(full, [{ id: 'csv.tooMany', params: { count: MAX_POINTS + 1, max: MAX_POINTS } }]);
});

test('an import round-trips through the points key within half a grid step', () => {
  const rows = parseCsv('0.123456,-5.5,1\n', { domain: MAP, kind: 'binary', classes: 2 }).rows;
  const back = decodePoints(encodePoints(rows, MAP, 'binary'), MAP, 'binary')[0];
  assert.ok(Math.abs(back.x - 0.123456) <= STEP / 2);
  assert.ok(Math.abs(back.y + 5.5) <= STEP / 2);
});
