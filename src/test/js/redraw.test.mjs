// One draw per animation frame, at most one per `every` ms, the newest state, none off screen (static/js/redraw.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redrawer } from '../../../static/js/redraw.js';
import { fakeEnv } from './fake-env.mjs';

test('many requests between two frames make one draw', () => {
  const env = fakeEnv();
  let draws = 0;
  const schedule = redrawer({}, () => draws++, 0, env);
  for (let i = 0; i < 50; i++) schedule();
  env.tick(16);
  assert.equal(draws, 1);
  env.tick(16);
  assert.equal(draws, 1, 'nothing asked, nothing drawn');
});

test('with every = 100, a request each 33 ms frame draws about ten times a second, and the last request is drawn', () => {
  const env = fakeEnv();
  const drawn = [];
  let state = 0;
  const schedule = redrawer({}, () => drawn.push({ at: env.time, state }), 100, env);
  for (let f = 1; f <= 30; f++) {
    state = f;
    schedule();
    env.tick(33);
  }
  // one draw at most in each 100 ms of the clock
  const slots = drawn.map((d) => Math.floor(d.at / 100));
  assert.equal(new Set(slots).size, slots.length, JSON.stringify(drawn));
  assert.ok(drawn.length >= 7 && drawn.length <= 11, `${drawn.length} draws in a second: ${JSON.stringify(drawn)}`);
  // requests stop: the newest state still reaches the screen once its wait is over
  for (let i = 0; i < 5; i++) env.tick(33);
  assert.equal(drawn[drawn.length - 1].state, 30, JSON.stringify(drawn));
});

test('off screen it waits, and draws once when it shows', () => {
  const env = fakeEnv();
  let draws = 0;
  const schedule = redrawer({}, () => draws++, 0, env);
  env.seen(false);
  schedule();
  env.tick(16);
  schedule();
  env.tick(16);
  assert.equal(draws, 0);
  env.seen(true);
  env.tick(16);
  assert.equal(draws, 1);
});

test('off screen it asks for no animation frame at all, however often it is fed', () => {
  const env = fakeEnv();
  let draws = 0;
  const schedule = redrawer({}, () => draws++, 0, env);
  env.seen(false);
  for (let f = 0; f < 30; f++) {
    schedule();
    assert.equal(env.frames.length, 0, `frame ${f}: an animation frame asked for while off screen`);
    env.tick(33);
  }
  env.seen(true);
  assert.equal(env.frames.length, 1, 'shown: one frame asked for');
  env.tick(16);
  assert.equal(draws, 1);
});

test('without an element it never waits for the screen', () => {
  const env = fakeEnv();
  let draws = 0;
  const schedule = redrawer(null, () => draws++, 0, env);
  assert.equal(env.seen, null, 'no observer');
  schedule();
  env.tick(16);
  assert.equal(draws, 1);
});

test('two drawers of the same every draw in the same frames', () => {
  const env = fakeEnv();
  const chart = [], numbers = [];
  const drawChart = redrawer({}, () => chart.push(env.time), 100, env);
  const drawNumbers = redrawer(null, () => numbers.push(env.time), 100, env);
  drawChart(); // the chart's first draw comes before the numbers have anything
  env.tick(33);
  for (let f = 0; f < 30; f++) {
    drawChart();
    drawNumbers();
    env.tick(33);
  }
  // after each one's first draw, every draw of the numbers is in a frame the chart draws in
  const apart = numbers.slice(1).filter((t) => !chart.includes(t));
  assert.ok(numbers.length >= 8 && apart.length === 0, `chart at ${chart}, numbers at ${numbers}`);
});

test('a timer that fires a little early still gives one draw in each slot', () => {
  // a millisecond clock, animation frames every 17 ms, frames fed every 33 ms, timers 1 ms early (as browsers may)
  let time = 0;
  const frames = [], timers = [];
  const env = {
    now: () => time, frame: (f) => frames.push(f), observe() {},
    later: (f, ms) => timers.push({ f, at: time + ms - 1 }),
  };
  let draws = 0;
  const schedule = redrawer(null, () => draws++, 66, env);
  for (time = 0; time < 2000; time++) {
    for (const t of timers.filter((x) => x.at <= time)) { timers.splice(timers.indexOf(t), 1); t.f(); }
    if (time % 33 === 0) schedule();
    if (time % 17 === 0) frames.splice(0).forEach((f) => f());
  }
  assert.ok(draws >= 28 && draws <= 31, `${draws} draws in 2 s of 66 ms slots`);
});
