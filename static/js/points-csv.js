// A person's own points as text, both ways, with nothing of the page: the `points` key's bytes
// (docs/protocol.md §1 "Your own data", the same as state/CustomPoints.java) and CSV in the form
// GET /api/datasets serves (`split,x,y,label`). Rows are {x, y, label, test}; a label is as the `data`
// message has it: −1 or 1 for two classes, a class 0…K−1, a value for regression.

const STEPS = 65535;
const CLASSES = 1, VALUES = 2, TEST = 0x80;
/** The regression values a point may have (CustomPoints.MIN_VALUE, MAX_VALUE). */
export const VALUE_RANGE = Object.freeze([-2, 2]);
/** At most this many points in a set (CustomPoints.MAX_POINTS). */
export const MAX_POINTS = 2000;
/** Lines with errors said at most; the rest are counted. */
export const MAX_ERRORS = 5;

const grid = (v, lo, hi) => Math.max(0, Math.min(STEPS, Math.round(((v - lo) / (hi - lo)) * STEPS)));
const value = (q, lo, hi) => lo + (q * (hi - lo)) / STEPS;

/** base64url without padding, both ways (browsers and Node have btoa and atob). */
function toBase64Url(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(text) {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** The `points` key's text of these rows over the data set's domain; kind 'binary', 'multiclass' or 'regression'. */
export function encodePoints(rows, domain, kind) {
  const values = kind === 'regression';
  const size = values ? 7 : 5;
  const bytes = new Uint8Array(1 + rows.length * size);
  bytes[0] = values ? VALUES : CLASSES;
  const [lo, hi] = domain;
  rows.forEach((r, i) => {
    const at = 1 + i * size;
    const gx = grid(r.x, lo, hi), gy = grid(r.y, lo, hi);
    bytes[at] = gx >> 8; bytes[at + 1] = gx & 255;
    bytes[at + 2] = gy >> 8; bytes[at + 3] = gy & 255;
    const flags = r.test ? TEST : 0;
    if (values) {
      const gv = grid(r.label, VALUE_RANGE[0], VALUE_RANGE[1]);
      bytes[at + 4] = flags;
      bytes[at + 5] = gv >> 8; bytes[at + 6] = gv & 255;
    } else {
      bytes[at + 4] = flags | (kind === 'binary' ? (r.label > 0 ? 1 : 0) : r.label);
    }
  });
  return toBase64Url(bytes);
}

/** The rows a `points` text stands for, as the server decodes them (the same doubles); [] for none. */
export function decodePoints(text, domain, kind) {
  if (!text) return [];
  const bytes = fromBase64Url(text);
  const values = bytes[0] === VALUES;
  const size = values ? 7 : 5;
  const [lo, hi] = domain;
  const rows = [];
  for (let at = 1; at + size <= bytes.length; at += size) {
    const flags = bytes[at + 4];
    const code = values ? (bytes[at + 5] << 8) | bytes[at + 6] : flags & ~TEST;
    rows.push({
      x: value((bytes[at] << 8) | bytes[at + 1], lo, hi),
      y: value((bytes[at + 2] << 8) | bytes[at + 3], lo, hi),
      label: values ? value(code, VALUE_RANGE[0], VALUE_RANGE[1]) : kind === 'binary' ? (code === 0 ? -1 : 1) : code,
      test: (flags & TEST) !== 0,
    });
  }
  return rows;
}

/** The rows as CSV in /api/datasets' form: a header, then `train` rows, then `test` rows. */
export function formatCsv(rows) {
  const lines = ['split,x,y,label'];
  for (const test of [false, true]) {
    for (const r of rows) if (r.test === test) lines.push(`${test ? 'test' : 'train'},${r.x},${r.y},${r.label}`);
  }
  return `${lines.join('\n')}\n`;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const COLUMNS = ['split', 'x', 'y', 'label'];

/**
 * Reads CSV text into rows, all or nothing: `x,y,label` or `split,x,y,label`, with or without a
 * header (a header may name the columns in any order; `split` is optional and a row without one
 * trains). Every row is checked against the map (`domain`), the task (`kind`, `classes`) and the cap.
 * @returns {{rows: Array}} or {{errors: Array<{id, params}>}}: message ids of strings.json (`msg.csv.*`),
 *          each with its 1-based line
 */
export function parseCsv(text, { domain, kind, classes, maxPoints = MAX_POINTS }) {
  const lines = String(text).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const errors = [];
  let extra = 0;
  const fail = (id, params) => {
    if (errors.length < MAX_ERRORS) errors.push({ id, params });
    else extra++;
  };
  let columns = null;
  const rows = [];
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i].trim() === '') continue;
    const fields = lines[i].split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1').trim());
    if (columns === null) {
      if (fields.every((f) => !NUMBER.test(f))) {
        // a header (no number in it): the columns by name
        const names = fields.map((f) => f.toLowerCase());
        const known = names.every((n) => COLUMNS.includes(n)) && new Set(names).size === names.length;
        if (!known || !['x', 'y', 'label'].every((n) => names.includes(n))) {
          return { errors: [{ id: 'csv.header', params: { line, got: fields.join(', ') } }] };
        }
        columns = names;
        continue;
      }
      columns = fields.length === 4 ? COLUMNS : ['x', 'y', 'label'];
    }
    if (fields.length !== columns.length) {
      fail('csv.columns', { line, count: fields.length, expected: columns.length, columns: columns.join(', ') });
      continue;
    }
    const cell = Object.fromEntries(columns.map((c, k) => [c, fields[k]]));
    const row = readRow(cell, line, { domain, kind, classes }, fail);
    if (row) rows.push(row);
  }
  if (extra > 0) errors.push({ id: 'csv.moreErrors', params: { count: extra } });
  if (errors.length) return { errors };
  if (rows.length === 0) return { errors: [{ id: 'csv.empty', params: {} }] };
  if (rows.length > maxPoints) return { errors: [{ id: 'csv.tooMany', params: { count: rows.length, max: maxPoints } }] };
  return { rows };
}

function readRow(cell, line, { domain, kind, classes }, fail) {
  const [lo, hi] = domain;
  // the first thing wrong with the line, or null
  const wrong = () => {
    for (const column of ['x', 'y']) {
      const raw = cell[column];
      if (!NUMBER.test(raw)) return ['csv.number', { line, column, value: raw }];
      const v = Number(raw);
      if (!(v >= lo && v <= hi)) return ['csv.outside', { line, column, value: raw, min: lo, max: hi }];
    }
    const raw = cell.label;
    const label = Number(raw);
    if (!NUMBER.test(raw)) return ['csv.number', { line, column: 'label', value: raw }];
    if (kind === 'binary' && label !== -1 && label !== 1) return ['csv.labelBinary', { line, value: raw }];
    if (kind === 'multiclass' && !(Number.isInteger(label) && label >= 0 && label < classes)) {
      return ['csv.labelClass', { line, value: raw, last: classes - 1 }];
    }
    if (kind === 'regression' && !(label >= VALUE_RANGE[0] && label <= VALUE_RANGE[1])) {
      return ['csv.labelValue', { line, value: raw, min: VALUE_RANGE[0], max: VALUE_RANGE[1] }];
    }
    if (cell.split !== undefined && !/^(train|test)$/i.test(cell.split)) return ['csv.split', { line, value: cell.split }];
    return null;
  };
  const problem = wrong();
  if (problem) {
    fail(...problem);
    return null;
  }
  return { x: Number(cell.x), y: Number(cell.y), label: Number(cell.label), test: cell.split?.toLowerCase() === 'test' };
}
