// On a phone the output map is a screen away from the data sets, the sliders and the network: a
// small copy of it sticks to the screen's corner while the map itself is out of view, so what a tap
// changes stays in sight; it takes a corner only where nothing tappable lies under it. Tapping it
// scrolls to the map. Drawn from the map's own canvases.

/** The layout (playground.css) in which the page is one column and the map scrolls away. */
const PHONE = '(max-width: 720px)';

/**
 * @param els {button, canvas, map: the big map's box, layers: its canvases (grid, points), top: the page's top bar}
 * @param store the page's store; the copy follows its 'frame' (drawn at most once per animation frame)
 */
export function mountMiniMap(els, store) {
  const phone = window.matchMedia(PHONE);
  const g = els.canvas.getContext('2d');
  // the map counts as seen while at least half of it is on screen
  let mapSeen = true;
  // nor while the page's top bar shows: the copy would sit on its title, and the controls under it are in reach
  let topSeen = true;
  let shown = false;

  function draw() {
    if (!shown) return;
    const { width, height } = els.canvas;
    g.clearRect(0, 0, width, height);
    for (const layer of els.layers) {
      if (layer.width > 0 && layer.height > 0) g.drawImage(layer, 0, 0, width, height);
    }
  }

  // no copy of a map that is not there (a data set without a 2-D map shows words in its place)
  const hasMap = () => !els.map.querySelector('.no-map:not([hidden]), .sample-view:not([hidden])');

  // the copy's box in a corner (playground.css: 96 px and its 2 px border, 10 px from the edges)
  const SIZE = 100, MARGIN = 10;
  const TAPPABLE = 'button, a[href], input, select, textarea, label, summary, [role="button"], [tabindex]:not([tabindex="-1"]), .dataset';

  /** Whether nothing a person taps lies under the copy at the top or the bottom right corner: it never covers a control. */
  function free(atTop) {
    const right = innerWidth - MARGIN, left = right - SIZE, top = atTop ? MARGIN : innerHeight - MARGIN - SIZE, bottom = top + SIZE;
    const points = [[left, top], [right - 1, top], [left, bottom - 1], [right - 1, bottom - 1], [(left + right) / 2, (top + bottom) / 2]];
    return points.every(([x, y]) => document.elementsFromPoint(x, y).every((e) => els.button.contains(e) || !e.closest(TAPPABLE)));
  }

  // the corner away from the map (at the top while the map is below the screen), if it is free, else the other, else none
  let mapBelow = true;
  function corner() {
    for (const atTop of mapBelow ? [true, false] : [false, true]) if (free(atTop)) return atTop;
    return null;
  }

  function update() {
    const wanted = phone.matches && !mapSeen && !topSeen && store.get().frame !== null && hasMap();
    const atTop = wanted ? corner() : null;
    const show = atTop !== null;
    if (show) els.button.classList.toggle('at-top', atTop);
    if (show === shown) return;
    shown = show;
    els.button.hidden = !show;
    draw();
  }

  // what lies under a corner changes as the page scrolls: looked at again once per animation frame
  let pending = false;
  addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      update();
    });
  }, { passive: true });

  new IntersectionObserver((entries) => {
    const entry = entries[entries.length - 1];
    mapSeen = entry.intersectionRatio >= 0.5;
    mapBelow = entry.boundingClientRect.top > 0;
    update();
  }, { threshold: [0, 0.5, 1] }).observe(els.map);
  if (els.top) {
    new IntersectionObserver((entries) => {
      topSeen = entries[entries.length - 1].isIntersecting;
      update();
    }).observe(els.top);
  } else {
    topSeen = false;
  }
  phone.addEventListener('change', update);
  els.button.addEventListener('click', () => els.map.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  store.subscribe(['frame', 'state', 'points', 'selection'], () => {
    update();
    draw();
  });

  return { shown: () => shown };
}
