// The page's elements, looked up once by id (the ids PlaygroundPage.java renders) for app.js to
// hand to the modules: the one place that knows the page's ids and selectors.

const IDS = ['accuracy-test', 'accuracy-train', 'active-set', 'add-layer', 'board-as', 'build-link', 'build-weights', 'axis-max', 'axis-max-y', 'axis-mid', 'axis-mid-y',
  'axis-min', 'axis-min-y', 'batch-in-effect', 'boot', 'epoch', 'exercise', 'exercise-goal', 'exercise-task', 'exercise-title', 'goal-before', 'goal-reset', 'goal-status',
  'gradcheck-button', 'gradcheck-result', 'gradient-legend', 'gradient-view', 'heatmap', 'heatmap-back',
  'heatmap-caption', 'heatmap-caption-text', 'heatmap-grid', 'heatmap-points',
  'inspect-button', 'layers-label', 'legend-bar', 'legend-text', 'legend-ticks',
  'loss-chart', 'loss-csv-button', 'loss-test', 'loss-train', 'map-png-button', 'mini-map', 'mini-map-canvas', 'model-dialog', 'model-dialog-text', 'model-download-button', 'model-file', 'model-import-button', 'net-help', 'network', 'network-png-button', 'network-summary', 'nickname', 'nickname-dialog', 'nickname-error', 'nickname-form', 'no-map', 'numClasses', 'numpy-export', 'numpy-notebook-link', 'numpy-script-link', 'own-input', 'own-inspect-button',
  'own-target', 'page-header', 'play-pause-button', 'point-class', 'point-counts', 'point-errors', 'point-hint', 'point-tools', 'point-value', 'point-value-box', 'points-clear', 'points-export', 'points-file', 'points-import', 'ratio-chart', 'regenerate-button', 'remove-layer', 'reset-button',
  'sample-index', 'sample-view', 'speed', 'share-button', 'share-trained-button', 'status', 'step-body', 'step-button', 'step-close',
  'step-count', 'step-epoch', 'step-net', 'step-next', 'step-refresh', 'step-prev', 'step-sample', 'stepper', 'tutorials', 'warning-list', 'warnings',
  'warnings-close'];

const camel = (id) => id.replace(/-(\w)/g, (m, c) => c.toUpperCase());

/** {playPauseButton: <button id="play-pause-button">, …} plus the groups found by class. */
export function lookup(doc) {
  const els = {};
  for (const id of IDS) {
    const el = doc.getElementById(id);
    if (!el) throw new Error(`the page has no #${id}`);
    els[camel(id)] = el;
  }
  els.axes = [...doc.querySelectorAll('.heatmap-frame .axis')];
  els.accuracyStats = [...doc.querySelectorAll('.stat.accuracy')];
  els.langButtons = [...doc.querySelectorAll('.lang-button')];
  els.datasetButtons = [...doc.querySelectorAll('.dataset[data-value]')];
  els.numClassesControl = els.numClasses.closest('.control');
  // only on a tutorial's page (PresetCard.java), else null
  els.presetCard = doc.getElementById('preset-card');
  els.presetNumbersButton = doc.getElementById('preset-numbers-button');
  els.stepMoreButtons = [...doc.querySelectorAll('.step-more-button')];
  els.pointToolButtons = [...doc.querySelectorAll('.point-tool')];
  return els;
}

// Written only when they differ: an unchanged text or hidden flag, set 30 times a second, would
// still dirty the page's layout (and so its paint) every frame.
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}
export function setHidden(el, hidden) {
  if (el.hidden !== hidden) el.hidden = hidden;
}
