// The pictures' words for a screen reader (static/js/describe.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeFrame, trend } from '../../../static/js/describe.js';

const strings = JSON.parse(readFileSync(new URL('../../../static/i18n/strings.json', import.meta.url)));
/** The page's i18n reduced to what describe.js uses: {name} placeholders from strings.json. */
const words = (lang) => ({
  lang,
  t: (key) => strings[lang][key] ?? key,
  format: (key, params) => (strings[lang][key] ?? key).replace(/\{(\w+)\}/g, (m, k) => String(params[k])),
});
const net = { inputs: ['X₁', 'X₂'], shape: [4, 2], outputs: 1, kind: 'binary' };
const header = { epoch: 1234, trainLoss: 0.0712, testLoss: 0.0834, testAccuracy: 0.962 };

test('the map says the epoch and the test accuracy; the chart the loss from the start and its trend', () => {
  const d = describeFrame(words('en'), header, net, { epoch: 0, testLoss: 0.69 }, 0.12, null);
  assert.match(d.map, /At epoch 1,234 it gets 96\.2% of the test points right/);
  assert.match(d.chart, /was 0\.690 at epoch 0 and is 0\.083 at epoch 1,234, falling/);
  assert.match(d.network, /inputs X₁, X₂; hidden layers of 4, 2 neurons; 1 output.*training loss is 0\.071/);
});

test('regression says its loss, a neuron shown large says so, and Korean has its own words', () => {
  assert.match(describeFrame(words('en'), header, { ...net, kind: 'regression' }, { epoch: 0, testLoss: 1 }, NaN, null).map, /test loss is 0\.083/);
  assert.match(describeFrame(words('en'), header, net, { epoch: 0, testLoss: 1 }, NaN, { layer: 0, neuron: 2 }).map, /^Neuron 3 of hidden layer 1/);
  const ko = describeFrame(words('ko'), header, net, { epoch: 0, testLoss: 0.69 }, 0.05, null);
  assert.match(ko.chart, /늘고 있습니다/);
  assert.doesNotMatch(ko.map + ko.chart + ko.network, /[{}]|alt\./);
});

test('a change of 1% or less is level', () => {
  assert.equal(trend(1, 0.995), 'flat');
  assert.equal(trend(1, 0.98), 'falling');
  assert.equal(trend(1, 1.02), 'rising');
  assert.equal(trend(NaN, 1), 'flat');
});
