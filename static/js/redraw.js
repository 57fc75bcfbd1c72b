// One draw per animation frame, and none while the element is off screen: a chart asked to redraw
// 30 times a second below the fold waits, and draws once when it scrolls into view.

/**
 * @param element what is drawn (a chart's canvas)
 * @param draw    draws the newest state; called at most once per animation frame, only on screen
 * @returns schedule(): asks for a draw (any number of times between two frames)
 */
export function redrawer(element, draw) {
  let wanted = false;
  let pending = false;
  // until the observer's first answer, count the element as seen (a test may read it at once)
  let visible = true;
  const frame = () => {
    pending = false;
    if (!visible) return; // stays wanted: drawn when it shows
    wanted = false;
    draw();
  };
  const request = () => {
    if (pending || !wanted) return;
    pending = true;
    requestAnimationFrame(frame);
  };
  if (typeof IntersectionObserver === 'function') {
    new IntersectionObserver((entries) => {
      visible = entries[entries.length - 1].isIntersecting;
      if (visible) request();
    }).observe(element);
  }
  return () => {
    wanted = true;
    request();
  };
}
