// A COPY of the server's Goal (state/Goal.java), kept here only until the server checks the goal
// and sends `goal` in each frame; then delete this module.

const OPS = { '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b };

/** Whether a frame header meets a goal such as "testLoss<0.1"; null when the goal cannot be read. */
export function goalMet(goal, header) {
  const m = /^(\w+)\s*(<=|>=|<|>)\s*(\S+)$/.exec(goal || '');
  if (!m) return null;
  const measured = header[m[1]];
  return measured != null && OPS[m[2]](measured, Number(m[3]));
}
