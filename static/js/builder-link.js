// The exercise link the builder writes: the teacher's state query with the exercise keys set from
// the builder's choices. Pure functions; the server reads (and normalizes) whatever this writes.

/** Keys the builder owns: dropped from the teacher's query and written from the choices. */
const EXERCISE_KEYS = ['title', 'task', 'goal', 'goalEpochs', 'lock', 'lang', 'exercise', 'board', 'name'];

/** A query value as the codec writes it: percent-encoded, but ',' kept (lock=x,y, networkShape=4,2). */
const encode = (v) => encodeURIComponent(v).replace(/%2C/g, ',');

/**
 * The link's query (without '?') and the same without the task (for a stored exercise or a board).
 * @param base the teacher's state query
 * @param c {title, task, metric, comparison, value, budget, lang, keepWeights, controls: [{hide, lock, hiddenLock, choice}]}
 */
export function exerciseQuery(base, c) {
  const pairs = [...new URLSearchParams(base)].filter(([k]) =>
    !EXERCISE_KEYS.includes(k) && !k.endsWith('_hide') && (k !== 'weights' || c.keepWeights));
  const hidden = c.controls.filter((x) => x.choice === 'hidden').map((x) => [`${x.hide}_hide`, 'true']);
  // a hidden control is locked too: what a student cannot see, a session does not let them change
  const locked = [...new Set(c.controls.filter((x) => x.choice !== 'shown')
    .flatMap((x) => (x.choice === 'hidden' ? x.hiddenLock ?? x.lock : x.lock)))];
  const own = [['lang', c.lang]];
  if (c.title.trim()) own.push(['title', c.title.trim()]);
  if (c.metric) {
    own.push(['goal', `${c.metric}${c.comparison}${c.value}`]);
    if (Number(c.budget) > 0) own.push(['goalEpochs', String(Math.floor(Number(c.budget)))]);
  }
  if (locked.length) own.push(['lock', locked.join(',')]);
  const write = (list) => list.map(([k, v]) => `${k}=${encode(v)}`).join('&');
  const withoutTask = write([...pairs, ...hidden, ...own]);
  const task = c.task.trim() ? `&task=${encode(c.task)}` : '';
  return { query: withoutTask + task, withoutTask, taskBytes: task.length };
}
