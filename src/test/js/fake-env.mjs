// The clock and schedulers static/js/redraw.js runs by, driven by hand (its tests and the readout's).

/** A clock and schedulers the test runs by hand: frame() runs the animation frames asked for. */
export function fakeEnv() {
  const env = {
    time: 0, frames: [], timers: [], seen: null,
    now: () => env.time,
    frame: (f) => env.frames.push(f),
    later: (f, ms) => env.timers.push({ f, at: env.time + ms }),
    observe: (element, onChange) => { env.seen = onChange; },
    /** Moves the clock by ms, firing timers due, then runs one animation frame. */
    tick(ms) {
      env.time += ms;
      const due = env.timers.filter((t) => t.at <= env.time);
      env.timers = env.timers.filter((t) => t.at > env.time);
      due.forEach((t) => t.f());
      const fs = env.frames;
      env.frames = [];
      fs.forEach((f) => f());
    },
  };
  return env;
}

