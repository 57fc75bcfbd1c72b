// A frame's four numbers as the page shows them: a set of no points (one's own, all training, say)
// has no loss or accuracy, not a loss of 0, in the readout, the chart and the CSV alike.

/** {trainLoss, testLoss, trainAccuracy, testAccuracy}, null where `derived` says the set is empty. */
export function shownMeasures(h, derived) {
  const noTrain = derived?.trainPoints === 0, noTest = derived?.testPoints === 0;
  return {
    trainLoss: noTrain ? null : h.trainLoss,
    testLoss: noTest ? null : h.testLoss,
    trainAccuracy: noTrain ? null : h.trainAccuracy,
    testAccuracy: noTest ? null : h.testAccuracy,
  };
}
