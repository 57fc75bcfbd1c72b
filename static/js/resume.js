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

/**
 * A reconnect's resume while the page waits for it. The new session's frames before the resumed
 * epoch are stale; the reply to the resume is told by its id alone, since the resumed epoch's first
 * frame (sent by the trainer) may arrive before the reply (sent by the socket's thread).
 */
export class PendingResume {
  constructor() {
    this.epoch = null;    // frames before it are the new session's own start
    this.waiting = false; // the resume's reply (state or error) has not come
  }

  /** A config with a resume from this epoch went out. */
  sent(epoch) {
    this.epoch = epoch;
    this.waiting = true;
  }

  /** A config without a resume went out: every frame counts. */
  none() {
    this.epoch = null;
    this.waiting = false;
  }

  /** Whether a frame of this epoch is to be dropped (once one is not, none is). */
  stale(epoch) {
    if (this.epoch === null) return false;
    if (epoch < this.epoch) return true;
    this.epoch = null;
    return false;
  }

  /** Whether a state or error of this id is the resume's reply (said once). */
  answers(id) {
    if (id !== RESUME_ID || !this.waiting) return false;
    this.waiting = false;
    return true;
  }

  /** The resume was refused: the page starts over from its link, so the frames from epoch 0 count. */
  refused() {
    this.epoch = null;
  }
}
