// The data set buttons' pictures: each set's points from GET /api/datasets, drawn small.

import { drawThumbnail } from './heatmap.js';
import { drawnUrl } from './still.js';

/** @param buttons the data set buttons (data-value = the set's URL name, an 80 × 80 img inside) */
export async function drawThumbnails(buttons, datasets) {
  for (const button of buttons) {
    const name = button.dataset.value;
    const m = datasets[name];
    try {
      const response = await fetch(`/api/datasets/${encodeURIComponent(name)}?numSamples=${m.kind === 'regression' ? 300 : 200}&percTrainData=90`);
      if (!response.ok) continue;
      const json = await response.json();
      const img = button.querySelector('img');
      img.src = drawnUrl((canvas) => {
        // the markup's 80 × 80 (img.width would be the size it is shown at)
        canvas.width = Number(img.getAttribute('width'));
        canvas.height = Number(img.getAttribute('height'));
        drawThumbnail(canvas, [...json.train, ...json.test], m.domain, m.kind);
      });
    } catch (e) {
      // a thumbnail is decoration; the set can still be picked
    }
  }
}
