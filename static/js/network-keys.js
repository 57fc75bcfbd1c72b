// The network's weights and biases from the keyboard: one tab stop for them all (a roving
// tabindex over the links' hit paths and the bias squares), the arrow keys to move, Enter or space
// to edit; each named with what it joins and its value now. The editor itself is network-view.js's.

const STEPS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** The weight or bias an item stands for: {layer, to, from} (from −1 for a bias). */
export function targetOf(item) {
  const d = item.dataset;
  return { layer: Number(d.layer), to: Number(d.to), from: d.from === undefined ? -1 : Number(d.from) };
}

/** Makes items one tab stop: the first takes the focus from Tab, the others only from the arrows. */
export function rove(items) {
  items.forEach((item, i) => item.setAttribute('tabindex', i === 0 ? '0' : '-1'));
}

/**
 * A key on an item: the arrows move the focus (wrapping), Enter or space calls edit(item).
 * @returns whether the key was the weights' (then the page's own keys must not see it)
 */
export function onKey(e, items, edit) {
  const i = items.indexOf(e.target);
  if (i < 0 || e.ctrlKey || e.metaKey || e.altKey) return false;
  const step = STEPS[e.key];
  if (step) {
    const next = items[(i + step + items.length) % items.length];
    e.target.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
    return true;
  }
  if (e.key === 'Enter' || e.key === ' ') {
    edit(e.target);
    return true;
  }
  return false;
}

/**
 * Words for an item: "Weight from X₁ to neuron 1 of layer 1: 0.53 …" or "Bias of output 1: …".
 * @param name (column, index) → the node's name; layers the frame's layers (undefined before one)
 */
export function labelOf(i18n, target, layers, name) {
  const layer = layers?.[target.layer];
  const value = target.from < 0 ? layer?.biases[target.to] : layer?.weights[target.to]?.[target.from];
  const v = value === undefined ? '–' : String(Math.round(value * 1000) / 1000);
  const to = name(target.layer + 1, target.to);
  return target.from < 0
    ? i18n.format('net.biasKey', { to, v })
    : i18n.format('net.weightKey', { from: name(target.layer, target.from), to, v });
}
