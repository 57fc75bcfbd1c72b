// The loss chart and the update-ratio chart, fed every frame (not only the drawn ones), and a
// bounded history of the losses by epoch for checking a run against another (the test hook), and
// the loss log the CSV export saves.

import { LossChart } from './loss-chart.js';
import { RatioChart } from './ratio-chart.js';
import { LossLog } from './loss-log.js';
import { shownMeasures } from './measures.js';

/** Epochs of losses kept for the test hook; older ones are dropped first. */
const HISTORY = 5000;

/** @param els {lossChart, ratioChart} canvases */
export function mountCharts(els, store, i18n, datasetsFacts) {
  const labels = () => ({
    trainLoss: i18n.t('chart.trainLoss'), testLoss: i18n.t('chart.testLoss'),
    trainAccuracy: i18n.t('chart.trainAccuracy'), testAccuracy: i18n.t('chart.testAccuracy'), epoch: i18n.t('chart.epoch'),
  });
  const layerLabel = (l) => i18n.format('bp.ratioLayer', { l });
  const chart = new LossChart(els.lossChart, labels());
  const ratios = new RatioChart(els.ratioChart, layerLabel);
  const history = new Map(); // epoch → {trainLoss, testLoss}
  const log = new LossLog(); // every epoch seen, for the CSV

  store.subscribe(['latest'], ({ latest }) => {
    const h = latest.header;
    const m = shownMeasures(h, store.get().derived);
    history.set(h.epoch, { trainLoss: h.trainLoss, testLoss: h.testLoss });
    if (history.size > HISTORY) history.delete(history.keys().next().value);
    chart.add(h.epoch, m.trainLoss, m.testLoss, m.trainAccuracy, m.testAccuracy);
    log.add(h.epoch, m.trainLoss, m.testLoss, m.trainAccuracy, m.testAccuracy);
    if (h.updateRatio) ratios.add(h.epoch, h.updateRatio);
  });
  store.subscribe(['run'], () => {
    chart.clear();
    log.clear();
    ratios.clear();
  });
  store.subscribe(['state'], ({ state }) => chart.setAccuracy(datasetsFacts(state).kind !== 'regression'));
  store.subscribe(['lang'], () => {
    chart.setLabels(labels());
    ratios.relabel(layerLabel);
  });
  chart.setAccuracy(datasetsFacts(store.get().state).kind !== 'regression');

  return {
    chartPoints: (series) => chart.size(series),
    ratioPoints: () => ratios.size(),
    losses: () => Object.fromEntries(history),
    log,
  };
}
