// Going on where the page was after a reconnect (docs/protocol.md §4 `config`'s resume): the
// server that restarted has no session of ours, so the page sends its state with the epoch and
// the network's parameters of the last frame it drew, in the engine's flat layout.

/** The id of the config that carries a resume, so its reply (or refusal) is told apart. */
export const RESUME_ID = 'resume';

/** {epoch, weights} from a frame's header, or null when there is nothing to go on from. */
export function resumeOf(frame) {
  const h = frame?.header;
  if (!h || !h.layers || h.diverged || !(h.epoch > 0)) return null;
  const weights = paramsOf(h);
  return weights && { epoch: h.epoch, weights };
}

/** A frame header's parameters in the engine's flat layout (per layer W row by row, then b), or null if one is not a number. */
export function paramsOf(header) {
  const weights = [];
  for (const layer of header.layers) {
    for (const row of layer.weights) for (const w of row) weights.push(w);
    for (const b of layer.biases) weights.push(b);
  }
  // the frame writes NaN and ±∞ as null: such a network cannot be resumed or saved
  return weights.some((w) => typeof w !== 'number') ? null : weights;
}

/** Whether a message fits the server's limit on one message (a larger one would close the socket). */
export function fits(message, maxBytes) {
  return new TextEncoder().encode(JSON.stringify(message)).length <= maxBytes;
}
