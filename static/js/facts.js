// What the boot JSON says about the data set a state trains on (kind, dimension, classes, domain):
// read from the server's table, never decided here.

const FALLBACK = { kind: 'binary', dim: 2, classes: 2, domain: [-6, 6] };

/** The data set a state trains on: regDataset for regression, dataset otherwise. */
export function activeSet(state) {
  return state.problem === 'regression' ? state.regDataset : state.dataset;
}

/** The boot table's entry for a state's data set. */
export function setFacts(state, datasets) {
  return datasets[activeSet(state)] ?? FALLBACK;
}

/** Classes the output has: the state's numClasses where the set takes one, else the set's. */
export function classCount(state, datasets) {
  const m = setFacts(state, datasets);
  return m.takesNumClasses && state.numClasses > 0 ? state.numClasses : m.classes;
}

/** Whether a link hid a control (`<name>_hide=true`). */
export function isHidden(state, name) {
  return state[`${name}_hide`] === true;
}
