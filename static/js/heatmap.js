// Colours and grids: TF Playground's orange-grey-blue scale, painted into a small ImageData that
// CSS scales up (a 100×100 grid costs 40 KB of pixels, whatever size it is shown at).

/** TF's scale: orange for −1, grey for 0, blue for +1 (its colorScale). */
export const NEGATIVE = [245, 147, 34];
export const NEUTRAL = [232, 234, 235];
export const POSITIVE = [8, 119, 189];
/** One colour per class; class 0 and 1 keep TF's orange and blue. */
export const CLASS_COLORS = [[245, 147, 34], [8, 119, 189], [46, 160, 67], [152, 78, 163]];
/** TF paints its maps with alpha 160 so the page's white lightens them. */
const MAP_ALPHA = 160;
/** TF quantizes map colours to 30 shades; it reads as contour bands. */
const SHADES = 30;

/** The colour of v in [−1, 1] (clamped), as TF's linear scale. */
export function colorOf(v) {
  if (!(v === v)) return NEUTRAL;
  const t = Math.max(-1, Math.min(1, v));
  const [a, b, f] = t < 0 ? [NEUTRAL, NEGATIVE, -t] : [NEUTRAL, POSITIVE, t];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** The colour table's entry for v: −1 → 0, 0 → 127.5 rounded up, +1 → 255 (clamped; NaN → the middle). */
export function tableIndex(v) {
  if (!(v === v)) return 128;
  return Math.round((Math.max(-1, Math.min(1, v)) + 1) * 127.5);
}

/** One RGBA pixel as a little-endian word, the byte order of ImageData's bytes seen through a Uint32Array. */
export function rgbaWord(r, g, b, a) {
  return ((a << 24) | (Math.round(b) << 16) | (Math.round(g) << 8) | Math.round(r)) >>> 0;
}

/** 256 colours over [−1, 1], computed once: entry i is colorOf(−1 + 2i/255) with the map's alpha. */
export const COLOR_TABLE = Uint32Array.from({ length: 256 }, (_, i) => {
  const [r, g, b] = colorOf(-1 + (2 * i) / 255);
  return rgbaWord(r, g, b, MAP_ALPHA);
});
/** The same 256 colours as CSS, for links and bias marks (no string built per frame). */
const CSS_TABLE = Array.from({ length: 256 }, (_, i) => {
  const [r, g, b] = colorOf(-1 + (2 * i) / 255);
  return `rgb(${r | 0},${g | 0},${b | 0})`;
});

export function cssColor(v) {
  return CSS_TABLE[tableIndex(v)];
}

export function classCss(k) {
  const [r, g, b] = CLASS_COLORS[k % CLASS_COLORS.length];
  return `rgb(${r},${g},${b})`;
}

/** The values a uint8 block stands for: byte q is min + q · (max − min) / 255. */
export function blockValues(block, bytes) {
  const n = block.width * block.height;
  const out = new Float32Array(n);
  if (block.dtype === 'float32') {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < n; i++) out[i] = view.getFloat32(4 * i, false);
    return out;
  }
  const scale = (block.max - block.min) / 255;
  for (let i = 0; i < n; i++) out[i] = block.min + bytes[i] * scale;
  return out;
}

function sizeTo(canvas, width, height) {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
}

/**
 * Where a value lands on the map's scale: the sign alone with {@code discretize} (TF's "discretize
 * output"), else one of {@code shades} bands over [−1, 1] (0: no bands).
 */
export function signedLevel(v, discretize, shades) {
  if (discretize) return v >= 0 ? 1 : -1;
  if (shades) return Math.round(Math.max(-1, Math.min(1, v)) * shades / 2) / (shades / 2);
  return v;
}

/**
 * Paints grids onto one canvas the grid's size (CSS scales it up), reusing its ImageData: a uint8
 * block goes through a 256-entry table from byte to colour, made once per value range, so a
 * 100 × 100 map is 10,000 table reads; the very block already on the canvas is not painted again
 * (a frame's `same` block is the previous frame's object, messages.js).
 */
export class GridPainter {
  constructor(canvas) {
    this.canvas = canvas;
    this.image = null;
    this.words = null;
    this.byteColors = new Uint32Array(256 * CLASS_COLORS.length);
    this.tableFor = null; // what byteColors holds: [kind, min, max, discretize, shades, a, b]
    this.shown = [null, null, 0, 0, 0, 0]; // the block(s) on the canvas and how they were painted
  }

  /** The canvas's pixels as words, sized to width × height. */
  pixels(width, height) {
    sizeTo(this.canvas, width, height);
    if (!this.image || this.image.width !== width || this.image.height !== height) {
      this.image = this.canvas.getContext('2d').createImageData(width, height);
      this.words = new Uint32Array(this.image.data.buffer);
      this.shown[0] = null;
    }
    return this.words;
  }

  /** Whether the canvas already shows these blocks painted this way (then nothing to do); else notes them. */
  showing(block, other, discretize, shades, a, b) {
    const s = this.shown;
    if (s[0] === block && s[1] === other && s[2] === discretize && s[3] === shades && s[4] === a && s[5] === b) return true;
    s[0] = block; s[1] = other; s[2] = discretize; s[3] = shades; s[4] = a; s[5] = b;
    return false;
  }

  put() {
    this.canvas.getContext('2d').putImageData(this.image, 0, 0);
  }

  /** Whether byteColors holds the table for this kind of block over [min, max]; else notes that it will. */
  hasTable(kind, min, max, discretize, shades, a, b) {
    const t = this.tableFor;
    if (t && t[0] === kind && t[1] === min && t[2] === max && t[3] === discretize && t[4] === shades && t[5] === a && t[6] === b) return true;
    this.tableFor = [kind, min, max, discretize, shades, a, b];
    return false;
  }

  /**
   * A block of values in [−1, 1] (row 0 at the top), seen through v → a·v + b first (a sigmoid
   * output in [0, 1] is a = 2, b = −1).
   */
  signed(block, { discretize = false, shades = SHADES, a = 1, b = 0 } = {}) {
    if (block.dtype === 'float32') return this.values(blockValues(block, block.bytes), block.width, block.height, { discretize, shades, a, b });
    const words = this.pixels(block.width, block.height);
    if (this.showing(block, null, discretize, shades, a, b)) return;
    const colors = this.byteColors;
    if (!this.hasTable('signed', block.min, block.max, discretize, shades, a, b)) {
      const step = (block.max - block.min) / 255;
      for (let q = 0; q < 256; q++) colors[q] = COLOR_TABLE[tableIndex(signedLevel(a * (block.min + q * step) + b, discretize, shades))];
    }
    const bytes = block.bytes;
    for (let i = 0; i < words.length; i++) words[i] = colors[bytes[i]];
    this.put();
  }

  /** Values already decoded (a float32 block, an input feature's grid), through the same colour table. */
  values(values, width, height, { discretize = false, shades = SHADES, a = 1, b = 0 } = {}) {
    const words = this.pixels(width, height);
    this.shown[0] = null;
    for (let i = 0; i < words.length; i++) words[i] = COLOR_TABLE[tableIndex(signedLevel(a * values[i] + b, discretize, shades))];
    this.put();
  }

  /**
   * K-class regions from the output block (the winning probability) and outputClass (its class):
   * each cell in its class's colour, paler where the network is less sure (the probability near
   * 1/K); {@code discretize} paints full colours.
   */
  classes(probs, classes, K, { discretize = false } = {}) {
    const words = this.pixels(probs.width, probs.height);
    if (this.showing(probs, classes, discretize, K, 1, 0)) return;
    const floor = 1 / Math.max(2, K);
    const colors = this.byteColors;
    if (!this.hasTable('classes', probs.min, probs.max, discretize, K, 1, 0)) {
      const step = (probs.max - probs.min) / 255;
      CLASS_COLORS.forEach((col, k) => {
        for (let q = 0; q < 256; q++) {
          const t = 0.25 + 0.75 * (discretize ? 1 : Math.max(0, Math.min(1, (probs.min + q * step - floor) / (1 - floor))));
          colors[256 * k + q] = rgbaWord(NEUTRAL[0] + (col[0] - NEUTRAL[0]) * t, NEUTRAL[1] + (col[1] - NEUTRAL[1]) * t,
            NEUTRAL[2] + (col[2] - NEUTRAL[2]) * t, MAP_ALPHA);
        }
      });
    }
    const p = probs.bytes, c = classes.bytes, n = CLASS_COLORS.length;
    for (let i = 0; i < words.length; i++) words[i] = colors[256 * (c[i] % n) + p[i]];
    this.put();
  }
}

/** The painter of a canvas, made on first use and kept with it. */
const painters = new WeakMap();
export function painterOf(canvas) {
  let p = painters.get(canvas);
  if (!p) painters.set(canvas, (p = new GridPainter(canvas)));
  return p;
}

/** A grid the server sent (an input feature's values), scaled by its largest |value| to [−1, 1]. */
export function paintPeak(canvas, grid) {
  let peak = 0;
  for (const v of grid.values) peak = Math.max(peak, Math.abs(v));
  painterOf(canvas).values(grid.values, grid.width, grid.height, { shades: 0, a: peak > 0 ? 1 / peak : 1 });
}

/**
 * Draws points (x, y, label rows) over a map. The canvas is sized to its CSS box in device
 * pixels, so dots stay round and sharp whatever the map's scale.
 * @param kind 'binary' (labels ±1), 'multiclass' (0..K−1) or 'regression' (values)
 */
export function drawPoints(canvas, sets, domain, kind) {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const h = Math.max(1, Math.round(canvas.clientHeight * ratio));
  sizeTo(canvas, w, h);
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, w, h);
  const [lo, hi] = domain;
  const radius = 3 * ratio; // TF's dots: radius 3, white ring for training, black for test
  for (const { rows, stroke } of sets) {
    if (!rows) continue;
    ctx.lineWidth = ratio;
    ctx.strokeStyle = stroke;
    for (let i = 0; i + 2 < rows.length; i += 3) {
      const x = ((rows[i] - lo) / (hi - lo)) * w;
      const y = ((hi - rows[i + 1]) / (hi - lo)) * h;
      const label = rows[i + 2];
      ctx.fillStyle = kind === 'multiclass' ? classCss(label) : cssColor(label);
      ctx.beginPath();
      ctx.arc(x, y, radius, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
  }
}

/** A data set's thumbnail: its points on a white square, as TF's data-thumbnail. */
export function drawThumbnail(canvas, rows, domain, kind) {
  const ctx = canvas.getContext('2d');
  const { width: w, height: h } = canvas;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  const [lo, hi] = domain;
  for (const row of rows) {
    const x = ((row[0] - lo) / (hi - lo)) * w;
    const y = ((hi - row[1]) / (hi - lo)) * h;
    const label = row[row.length - 1];
    ctx.fillStyle = kind === 'multiclass' ? classCss(label) : cssColor(label);
    ctx.beginPath();
    ctx.arc(x, y, 2.2, 0, 2 * Math.PI);
    ctx.fill();
  }
}
