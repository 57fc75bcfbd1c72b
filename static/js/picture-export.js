// "Picture": the output map with its points, and the network view, as PNG files for a worksheet.
// The map is its two canvases as drawn (the output's colours under the points layer, which holds
// the test points when they are shown). The network is drawn again onto one canvas from what is on
// screen: its links (the SVG's paths, in their computed colours and widths), each neuron's canvas
// and frame, and the labels, at the view's size times the screen's pixel ratio.

import { saveFile, fileBase, setOff } from './download.js';

function pngOf(canvas, name) {
  canvas.toBlob((blob) => saveFile(blob, name), 'image/png');
}

/** The output map and its points at the points layer's pixel size, on white. */
export function mapPicture(grid, points) {
  const out = document.createElement('canvas');
  out.width = points.width;
  out.height = points.height;
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(grid, 0, 0, out.width, out.height);
  ctx.drawImage(points, 0, 0);
  return out;
}

/** The network view as it is on screen, redrawn onto one canvas. */
export function networkPicture(view) {
  const ratio = window.devicePixelRatio || 1;
  const base = view.getBoundingClientRect();
  const out = document.createElement('canvas');
  out.width = Math.round(base.width * ratio);
  out.height = Math.round(base.height * ratio);
  const ctx = out.getContext('2d');
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, base.width, base.height);
  const at = (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - base.left, y: r.top - base.top, w: r.width, h: r.height };
  };
  const links = view.querySelector('svg.links');
  if (links) {
    const o = at(links);
    ctx.save();
    ctx.translate(o.x, o.y);
    for (const path of links.querySelectorAll('path.link')) {
      const s = getComputedStyle(path);
      if (s.display === 'none' || s.visibility === 'hidden' || s.stroke === 'none') continue;
      ctx.globalAlpha = Number(s.opacity) * Number(s.strokeOpacity || 1);
      ctx.strokeStyle = s.stroke;
      ctx.lineWidth = parseFloat(s.strokeWidth) || 1;
      ctx.setLineDash(s.strokeDasharray && s.strokeDasharray !== 'none' ? s.strokeDasharray.split(/[ ,]+/).map(parseFloat) : []);
      ctx.stroke(new Path2D(path.getAttribute('d')));
    }
    ctx.restore();
  }
  for (const node of view.querySelectorAll('.node')) {
    const s = getComputedStyle(node);
    if (s.display === 'none') continue;
    const n = at(node);
    ctx.globalAlpha = Number(s.opacity);
    const canvas = node.querySelector('canvas');
    if (canvas) {
      const c = at(canvas);
      ctx.drawImage(canvas, c.x, c.y, c.w, c.h);
    }
    ctx.strokeStyle = s.borderTopColor;
    ctx.lineWidth = parseFloat(s.borderTopWidth) || 0;
    if (ctx.lineWidth > 0) ctx.strokeRect(n.x, n.y, n.w, n.h);
  }
  ctx.globalAlpha = 1;
  for (const label of view.querySelectorAll('.node-label, .neuron-count, .layer-title')) {
    const s = getComputedStyle(label);
    if (s.display === 'none' || !label.textContent) continue;
    const l = at(label);
    ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    ctx.fillStyle = s.color;
    ctx.textBaseline = 'middle';
    ctx.fillText(label.textContent, l.x, l.y + l.h / 2);
  }
  return out;
}

/** @param els {mapPngButton, networkPngButton, heatmapGrid, heatmapPoints, network} */
export function mountPictures(els, store, i18n) {
  let mapWhy, netWhy;

  function follow(values) {
    const f = values.frame;
    const map = !f ? 'export.waiting' : !f.blocks.some((b) => b.name === 'output') ? 'export.noMap' : null;
    if (map !== mapWhy) setOff(els.mapPngButton, (mapWhy = map), 'export.mapPngTitle', i18n);
    const net = f ? null : 'export.waiting';
    if (net !== netWhy) setOff(els.networkPngButton, (netWhy = net), 'export.networkPngTitle', i18n);
  }

  const name = (what) => `${fileBase(store.get().state)}-${what}-epoch-${store.get().frame?.header.epoch ?? 0}.png`;
  els.mapPngButton.addEventListener('click', () => pngOf(mapPicture(els.heatmapGrid, els.heatmapPoints), name('map')));
  els.networkPngButton.addEventListener('click', () => pngOf(networkPicture(els.network), name('network')));
  store.subscribe(['frame'], follow);
  follow(store.get());
}
