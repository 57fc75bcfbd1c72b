// TF Playground's engine (nn.js) on the oracle's workloads, as playground.ts's oneStep runs it: per-example
// forwardProp and backProp, updateWeights every 10 examples, then the train and test loss; W3 adds
// updateDecisionBoundary's 100x100 grid, every node's output at every point. The figure is epochs a second
// of wall-clock time, the median of five rounds of `seconds` each after a warm-up round, as
// `java -jar ... bench --seconds S` measures ours.
// usage: node bench.cjs W1|W2|W3 [seconds a round, default 1]
'use strict';
const nn = require('./nn.js');
const fs = require('fs');
const path = require('path');

const workload = process.argv[2];
const seconds = parseFloat(process.argv[3] || '1');
if (!['W1', 'W2', 'W3'].includes(workload)) {
  console.error('usage: node bench.cjs W1|W2|W3 [seconds a round]');
  process.exit(2);
}
const file = workload === 'W1' ? 'tfp-W1.json' : 'tfp-W2.json';
const data = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'resources', 'oracle', file), 'utf8'));
const net = nn.buildNetwork(data.shape, nn.Activations.TANH, nn.Activations.TANH, null, ['x', 'y'], false);
const grid = workload === 'W3';
let sink = 0;

function loss(points) {
  let sum = 0;
  for (const p of points) sum += nn.Errors.SQUARE.error(nn.forwardProp(net, [p[0], p[1]]), p[2]);
  return sum / points.length;
}

function epoch() {
  data.train.forEach((p, i) => {
    nn.forwardProp(net, [p[0], p[1]]);
    nn.backProp(net, p[2], nn.Errors.SQUARE);
    if ((i + 1) % 10 === 0) nn.updateWeights(net, 0.03, 0);
  });
  sink += loss(data.train) + loss(data.test);
  if (!grid) return;
  for (let i = 0; i < 100; i++) {
    for (let j = 0; j < 100; j++) {
      nn.forwardProp(net, [-6 + (12 * i) / 99, 6 - (12 * j) / 99]);
      nn.forEachNode(net, true, (node) => { sink += node.output * 0; });
    }
  }
}

function rate(s) {
  const start = process.hrtime.bigint();
  let n = 0;
  let elapsed;
  do {
    epoch();
    n++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  } while (elapsed < s);
  return n / elapsed;
}

rate(seconds); // warm-up: let V8 optimize the loops
const rounds = [0, 1, 2, 3, 4].map(() => rate(seconds)).sort((a, b) => a - b);
console.log(`${workload} tf-playground ${rounds[2].toFixed(1)} epochs/s (rounds ${rounds.map((r) => r.toFixed(1)).join(' ')})${Number.isNaN(sink) ? ' diverged' : ''}`);
