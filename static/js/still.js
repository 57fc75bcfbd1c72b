// Pictures drawn once in a while (a data set's thumbnail, an input feature's map) shown as an <img>
// instead of a canvas: Chromium makes every canvas a compositor layer of its own and re-produces
// and pushes each one at every frame while the page plays (27 a frame; docs/performance.md), while
// an image is just part of the page's own picture.

/** Draws on a canvas of the given size (kept by the caller, or a new one) and returns it as a data URL. */
export function drawnUrl(draw, canvas = document.createElement('canvas')) {
  draw(canvas);
  return canvas.toDataURL();
}
