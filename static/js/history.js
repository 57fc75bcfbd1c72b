// One series of a long run in a fixed number of points. Samples (epoch, value) arrive in epoch
// order; each bucket holds `stride` of them and keeps its lowest and highest value, so a spike
// survives any thinning. When the closed buckets reach the cap, neighbours merge in pairs and the
// stride doubles: the whole history stays, at half the resolution. Pure: no DOM, no Chart.js.

/** A bucket of samples: its first and last sample and its extremes, each as {x, y}. */
function bucketOf(x, y) {
  const p = { x, y };
  return { n: 1, first: p, last: p, min: p, max: p };
}

function merge(a, b) {
  return {
    n: a.n + b.n, first: a.first, last: b.last,
    min: b.min.y < a.min.y ? b.min : a.min,
    max: b.max.y > a.max.y ? b.max : a.max,
  };
}

/**
 * Appends the bucket's points to out in epoch order, each once: its extremes, and its first or
 * last sample when asked (first.x ≤ both extremes' x ≤ last.x, so no sort is needed).
 */
function pushPoints(out, bucket, withFirst, withLast) {
  const early = bucket.min.x <= bucket.max.x ? bucket.min : bucket.max;
  const late = early === bucket.min ? bucket.max : bucket.min;
  if (withFirst && bucket.first !== early) out.push(bucket.first);
  out.push(early);
  if (late !== early) out.push(late);
  if (withLast && bucket.last !== late) out.push(bucket.last);
}

/** Adds a sample to the bucket still filling, in place (it is nobody else's). */
function absorb(bucket, x, y) {
  const p = { x, y };
  bucket.n++;
  bucket.last = p;
  if (y < bucket.min.y) bucket.min = p;
  if (y > bucket.max.y) bucket.max = p;
}

export class History {
  /** @param cap the most points {@link points} returns (at least 8) */
  constructor(cap = 1000) {
    if (!(cap >= 8)) throw new Error(`a history needs at least 8 points, not ${cap}`);
    // every bucket draws as ≤ 2 points, the first one also its first sample, the last its newest
    this.maxBuckets = Math.floor((cap - 2) / 2);
    this.clear();
  }

  clear() {
    this.buckets = []; // the last one is still filling while its n < stride
    this.stride = 1;
    this.data = [];
    this.lastStart = 0; // where in data the last bucket's points begin
  }

  /** Adds a sample; epochs must grow. Returns true when the points were rebuilt (a halving), not appended to. */
  add(x, y) {
    const bs = this.buckets;
    const last = bs[bs.length - 1];
    this.data.length = this.lastStart;
    if (last && last.n < this.stride) {
      absorb(last, x, y);
    } else {
      if (last) pushPoints(this.data, last, bs.length === 1, false);
      this.lastStart = this.data.length;
      bs.push(bucketOf(x, y));
    }
    pushPoints(this.data, bs[bs.length - 1], bs.length === 1, true);
    if (bs.length < this.maxBuckets || bs[bs.length - 1].n < this.stride) return false;
    this.halve();
    return true;
  }

  /** Merges neighbouring buckets in pairs (an odd last one goes on filling) and redraws. */
  halve() {
    const bs = this.buckets;
    const merged = [];
    for (let i = 0; i + 1 < bs.length; i += 2) merged.push(merge(bs[i], bs[i + 1]));
    if (bs.length % 2 === 1) merged.push(bs[bs.length - 1]);
    this.buckets = merged;
    this.stride *= 2;
    this.data.length = 0;
    merged.forEach((b, i) => {
      if (i === merged.length - 1) this.lastStart = this.data.length;
      pushPoints(this.data, b, i === 0, i === merged.length - 1);
    });
  }

  /** The points in epoch order: one array, appended to in place except when the history halves. */
  points() {
    return this.data;
  }

  /** How many points the history draws (never more than its cap). */
  get size() {
    return this.data.length;
  }

  /** How many samples each full bucket holds: 1 until the first halving, then 2, 4, … */
  get resolution() {
    return this.stride;
  }
}
