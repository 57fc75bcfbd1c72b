// The network's panel: the NetworkView (network-view.js) fed from the store, its layer buttons,
// and the weights/gradients switch. Structure from the state, colours from the drawn frame, input
// pictures from the data message, the picked neuron and the stepped-through layer from the store;
// how many layers and neurons it may have, and the output's activation, from the server's `derived`.

import { NetworkView, featureLabel } from './network-view.js';
import { setFacts, classCount, isHidden } from './facts.js';
import { outputScale } from './map-view.js';
import { MessageType } from './protocol.js';
import { showLocked } from './controls.js';
import { redrawer } from './redraw.js';

/**
 * The least time between two colourings of the links and paintings of the neurons' maps, in ms:
 * fifteen a second. Their seven or more small canvases and the links' svg were a third of what Blink
 * painted and committed each frame; at this size a map that changes fifteen times a second reads as
 * smoothly as at thirty, and the newest frame is always the one drawn last (the output map stays at 30).
 */
const NETWORK_EVERY_MS = 66;

/**
 * @param els {network, help, addLayer, removeLayer, layersLabel, gradientView, gradientLegend}
 * @param boot {features, datasets, limits, hidable}
 * @param act  {change(key, value), send(message)}
 */
export function mountNetwork(els, store, i18n, boot, act) {
  // before the first state message: the boot limits (a 2-D set's, the smaller)
  const maxNeurons = () => store.get().derived?.maxNeurons ?? boot.limits.maxNeurons;
  const maxHiddenLayers = () => store.get().derived?.maxHiddenLayers ?? boot.limits.maxHiddenLayers;

  function structure(state) {
    const m = setFacts(state, boot.datasets);
    const twoD = m.dim === 2;
    const locked = new Set(state.lock || []);
    // locking (or hiding: <feature>_hide) one feature is that feature only: the others stay a click away
    const inputs = twoD
      ? boot.features.map((f) => ({ name: f.name, label: featureLabel(f.label), enabled: state[f.name] === true,
        locked: locked.has(f.name), hidden: isHidden(state, f.name) }))
      : Array.from({ length: m.dim }, (_, i) => ({ name: `c${i}`, label: `x${i + 1}`, enabled: true, locked: false, hidden: false }));
    return {
      inputs,
      shape: state.networkShape,
      outputs: m.kind === 'multiclass' ? classCount(state, boot.datasets) : 1,
      domain: m.domain,
      canToggle: twoD && !isHidden(state, 'features'),
      shapeLocked: locked.has('networkShape'),
      maxNeurons: maxNeurons(),
      canEditWeights: !locked.has('weights'),
      outputKind: m.kind,
      outputActivation: store.get().derived?.outputActivation ?? null,
      discretize: state.discretize,
      outputScale: outputScale(store.get().derived),
    };
  }

  const network = new NetworkView(els.network, i18n, {
    onToggleFeature(name) {
      act.change(name, !(store.get().state[name] === true));
    },
    onAddNeuron(layer) {
      const shape = [...store.get().state.networkShape];
      if (shape[layer] < maxNeurons()) shape[layer]++;
      act.change('networkShape', shape);
    },
    onRemoveNeuron(layer) {
      const shape = [...store.get().state.networkShape];
      if (shape[layer] > 1) shape[layer]--;
      act.change('networkShape', shape);
    },
    onSelectNeuron(layer, neuron) {
      store.set({ selection: layer == null ? null : { layer, neuron } });
    },
    onSetWeight(layer, to, from, value) {
      act.send({ type: MessageType.SET_WEIGHT, layer, to, from, value });
    },
    onSetBias(layer, to, value) {
      act.send({ type: MessageType.SET_WEIGHT, layer, to, bias: true, value });
    },
  });

  function showStructure() {
    const { state } = store.get();
    network.setStructure(structure(state));
    const layers = state.networkShape.length;
    els.layersLabel.textContent = layers === 1 ? i18n.t('net.layersOne') : i18n.format('net.layersMany', { n: layers });
    const shapeLocked = (state.lock || []).includes('networkShape');
    // the hint under the network offers no weight editing where the exercise locks the weights
    const help = (state.lock || []).includes('weights') ? 'net.helpLocked' : 'net.help';
    els.help.dataset.i18n = help;
    els.help.textContent = i18n.t(help);
    els.network.setAttribute('aria-label', i18n.t(help));
    els.addLayer.disabled = shapeLocked || layers >= maxHiddenLayers();
    els.removeLayer.disabled = shapeLocked || layers === 0;
    const words = { short: i18n.t('control.locked'), why: i18n.t('error.locked') };
    for (const b of [els.addLayer, els.removeLayer]) showLocked(b, b, shapeLocked, words);
    showLocked(els.layersLabel, els.layersLabel, shapeLocked, words);
    for (const name of boot.hidable) {
      for (const el of els.network.querySelectorAll(`.ui-${name}`)) el.classList.toggle('is-hidden', isHidden(state, name));
    }
  }

  function showGradientLegend() {
    const on = els.gradientView.checked;
    els.gradientLegend.dataset.i18n = on ? 'bp.legendGradients' : 'bp.legendWeights';
    els.gradientLegend.textContent = i18n.t(els.gradientLegend.dataset.i18n);
  }

  els.addLayer.addEventListener('click', () => {
    const shape = store.get().state.networkShape;
    if (shape.length < maxHiddenLayers()) act.change('networkShape', [...shape, 2]);
  });
  els.removeLayer.addEventListener('click', () => {
    const shape = store.get().state.networkShape;
    if (shape.length > 0) act.change('networkShape', shape.slice(0, -1));
  });
  els.gradientView.addEventListener('change', () => {
    network.setMode(els.gradientView.checked ? 'gradients' : 'weights');
    showGradientLegend();
  });

  store.subscribe(['state', 'derived'], showStructure);
  let newest = null;
  let draws = 0;
  let drawnEpoch = null;
  const drawNetwork = redrawer(els.network, () => {
    network.update(newest.header, newest.blocks);
    draws++;
    drawnEpoch = newest.header.epoch;
  }, NETWORK_EVERY_MS);
  store.subscribe(['frame'], ({ frame }) => {
    if (!frame) return;
    newest = frame;
    drawNetwork();
  });
  store.subscribe(['points'], ({ points }) => network.setInputMaps(points.features));
  store.subscribe(['selection'], ({ selection }) => network.select(selection?.layer ?? null, selection?.neuron ?? null));
  store.subscribe(['highlight'], ({ highlight }) => network.highlight(highlight));
  store.subscribe(['lang'], () => { network.relabel(); showStructure(); showGradientLegend(); });
  showStructure();
  showGradientLegend();

  return {
    /** Layer sizes, inputs first. */
    sizes: () => network.sizes(),
    /** For tests: how many frames the network has drawn, and the epoch of the last one. */
    draws: () => ({ count: draws, epoch: drawnEpoch }),
  };
}
