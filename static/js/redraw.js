// One draw per animation frame at most (or per `every` ms), and none while the element is off
// screen: a chart asked to redraw 30 times a second below the fold waits, and draws once when it
// scrolls into view.

/**
 * @param element what is drawn (a chart's canvas), or null: drawn whether on screen or not
 * @param draw    draws the newest state; called at most once per animation frame, only on screen
 * @param every   at most one draw in each `every` ms of the clock (0: every animation frame); the draw a
 *                request waits for is still the newest state, so a run's last frame is always drawn
 * @param env     {now, frame, later, observe}: the clock and schedulers (tests pass their own)
 * @returns schedule(): asks for a draw (any number of times between two frames)
 */
export function redrawer(element, draw, every = 0, env = browser) {
  let wanted = false;
  let pending = false;
  // the slot of `every` ms the last draw was for; a timer that fires a hair early still counts as the next one
  let lastSlot = -Infinity;
  // until the observer's first answer, count the element as seen (a test may read it at once)
  let visible = true;
  const frame = () => {
    pending = false;
    if (!visible) return; // stays wanted: drawn when it shows
    wanted = false;
    if (every > 0) lastSlot = Math.max(lastSlot + 1, Math.floor(env.now() / every));
    draw();
  };
  // off screen no frame is asked for at all (a chart below the fold, fed 30 times a second, would
  // otherwise ask for an animation frame each time only to skip it); the observer asks when it shows
  const request = () => {
    if (pending || !wanted || !visible) return;
    pending = true;
    // at most one draw in each slot of `every` ms on the clock: drawers of the same `every` (the chart
    // and the numbers above it) then change in the same frame, not one a few frames after the other
    const wait = every > 0 ? (lastSlot + 1) * every - env.now() : 0;
    if (wait > 0) env.later(() => env.frame(frame), wait);
    else env.frame(frame);
  };
  if (element) {
    env.observe(element, (seen) => {
      visible = seen;
      if (visible) request();
    });
  }
  return () => {
    wanted = true;
    request();
  };
}

const browser = {
  now: () => performance.now(),
  frame: (f) => requestAnimationFrame(f),
  later: (f, ms) => setTimeout(f, ms),
  observe(element, onChange) {
    if (typeof IntersectionObserver !== 'function') return;
    new IntersectionObserver((entries) => onChange(entries[entries.length - 1].isIntersecting)).observe(element);
  },
};
