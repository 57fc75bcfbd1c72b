// A COPY of the server's Compatibility rules (state/Compatibility.java), kept here only until the
// server applies a set's dependent changes itself and reports them in `changed`; then delete this
// module. Nothing else in the page decides which losses, problems or widths go together.

/** The losses a task can train with (the loss menu greys the others out). */
export function lossesFor(task) {
  if (task === 'multiclass') return ['ce'];
  if (task === 'regression') return ['square', 'mse'];
  return ['square', 'mse', 'bce'];
}

/**
 * Neurons a hidden layer may have on a data set (its boot metadata): a 2-D set draws a map of every
 * hidden neuron, so it keeps maxNeurons; a set without a map allows maxNeuronsWithoutMap.
 */
export function neuronLimit(set, limits) {
  const twoD = !set || set.dim === 2;
  return twoD ? limits.maxNeurons : (limits.maxNeuronsWithoutMap ?? limits.maxNeurons);
}

/**
 * The set message for one change: the key, plus what it forces (problem for a data set of the
 * other kind, a loss the new task can train with, hidden layers no wider than the new data set
 * allows). The server refuses a conflicting change, so the page sends the fix along.
 */
export function changesFor(key, value, state, datasets, limits) {
  const changes = { [key]: value };
  let problem = state.problem;
  if (key === 'dataset' && problem !== 'classification') changes.problem = problem = 'classification';
  if (key === 'regDataset' && problem !== 'regression') changes.problem = problem = 'regression';
  if (key === 'problem') problem = value;
  const active = key === 'dataset' || key === 'regDataset' ? value
    : problem === 'regression' ? state.regDataset : state.dataset;
  const task = datasets[active]?.kind;
  if (task && key !== 'loss') {
    const allowed = lossesFor(task);
    if (!allowed.includes(state.loss)) changes.loss = task === 'multiclass' ? 'ce' : 'square';
  }
  if (limits && key !== 'networkShape' && !(state.lock || []).includes('networkShape')) {
    const max = neuronLimit(datasets[active], limits);
    if (state.networkShape.some((n) => n > max)) changes.networkShape = state.networkShape.map((n) => Math.min(n, max));
  }
  return changes;
}
