// The network's forward pass in the page, from a frame's layers (weights out × in, biases,
// activation): the predictions of the views that have no 2-D map (digits, 3-D regression).

function activate(activation, z) {
  switch (activation) {
    case 'relu': return z.map((v) => (v > 0 ? v : 0));
    case 'leakyRelu': return z.map((v) => (v > 0 ? v : 0.01 * v));
    case 'tanh': return z.map(Math.tanh);
    case 'sigmoid': return z.map((v) => 1 / (1 + Math.exp(-v)));
    case 'softmax': {
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    }
    default: return z;
  }
}

/** The output of the network for one input vector. */
export function forward(layers, input) {
  let a = input;
  for (const layer of layers) {
    const z = layer.weights.map((row, j) => row.reduce((s, w, i) => s + w * a[i], layer.biases[j]));
    a = activate(layer.activation, z);
  }
  return a;
}

/** Rows of a points block (width values each, the label last) as [{x: [..], label}]. */
export function rowsOf(values, width) {
  const rows = [];
  if (!values || width < 1) return rows; // width 1: no inputs at all (004's "guess 42")
  for (let i = 0; i + width <= values.length; i += width) {
    rows.push({ x: Array.from(values.subarray(i, i + width - 1)), label: values[i + width - 1] });
  }
  return rows;
}
