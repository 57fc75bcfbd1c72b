// A TF Playground link keeps its state in the hash, which never reaches the server. The page folds
// it into the query (the hash wins on a clash, as in TF) and starts its session from that, in
// place: no second load (app.js). Pure: strings in, a string out.

/**
 * The query a link means: its search with the hash's keys over it, or null when the hash holds no
 * state (no `key=value`), e.g. ("?dataset=circle", "#dataset=xor&noise=5") → "dataset=xor&noise=5".
 */
export function foldHash(search, hash) {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h.indexOf('=') < 0) return null;
  const query = new URLSearchParams(search);
  new URLSearchParams(h).forEach((value, key) => query.set(key, value));
  return query.toString();
}
