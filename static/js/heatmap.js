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

export function cssColor(v) {
  const [r, g, b] = colorOf(v);
  return `rgb(${r | 0},${g | 0},${b | 0})`;
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
 * Paints a grid of values in [−1, 1] (row 0 at the top) onto a canvas the grid's size.
 * {@code discretize} shows only the sign, as TF's "discretize output".
 */
export function paintSigned(canvas, values, width, height, { discretize = false, shades = SHADES } = {}) {
  sizeTo(canvas, width, height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(width, height);
  const px = image.data;
  for (let i = 0, p = 0; i < width * height; i++, p += 4) {
    let v = values[i];
    if (discretize) v = v >= 0 ? 1 : -1;
    else if (shades) v = Math.round(Math.max(-1, Math.min(1, v)) * shades / 2) / (shades / 2);
    const c = colorOf(v);
    px[p] = c[0]; px[p + 1] = c[1]; px[p + 2] = c[2]; px[p + 3] = MAP_ALPHA;
  }
  ctx.putImageData(image, 0, 0);
}

/**
 * Paints K-class regions: each cell in its winning class's colour, paler where the network is
 * less sure (the winning probability near 1/K); {@code discretize} paints full colours.
 */
export function paintClasses(canvas, classes, probs, width, height, K, { discretize = false } = {}) {
  sizeTo(canvas, width, height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(width, height);
  const px = image.data;
  const floor = 1 / Math.max(2, K);
  for (let i = 0, p = 0; i < width * height; i++, p += 4) {
    const col = CLASS_COLORS[classes[i] % CLASS_COLORS.length];
    let t = discretize ? 1 : Math.max(0, Math.min(1, (probs[i] - floor) / (1 - floor)));
    t = 0.25 + 0.75 * t;
    px[p] = NEUTRAL[0] + (col[0] - NEUTRAL[0]) * t;
    px[p + 1] = NEUTRAL[1] + (col[1] - NEUTRAL[1]) * t;
    px[p + 2] = NEUTRAL[2] + (col[2] - NEUTRAL[2]) * t;
    px[p + 3] = MAP_ALPHA;
  }
  ctx.putImageData(image, 0, 0);
}

/** A grid the server sent (an input feature's values), scaled by its largest |value| to [−1, 1]. */
export function paintPeak(canvas, grid) {
  const values = Float32Array.from(grid.values);
  let peak = 0;
  for (const v of values) peak = Math.max(peak, Math.abs(v));
  if (peak > 0) for (let i = 0; i < values.length; i++) values[i] /= peak;
  paintSigned(canvas, values, grid.width, grid.height, { shades: 0 });
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
