// The tutorials menu: the presets of GET /api/presets, titled in the page's language; picking one
// opens its link; the entry this page is (every key of its link has that value here) is shown.

/** @param select the menu; its first option ("Tutorials…") stays */
export function mountPresets(select, store, i18n) {
  let presets = [];

  function fill() {
    const first = select.options[0];
    select.replaceChildren(first);
    for (const p of presets) {
      const o = document.createElement('option');
      o.value = p.id;
      o.textContent = i18n.lang === 'ko' ? p.titleKo : p.titleEn; // the titles start with the tutorial's number
      select.appendChild(o);
    }
    mark();
  }

  function mark() {
    const here = new URLSearchParams(store.get().query);
    const current = presets.find((p) => [...new URLSearchParams(p.query)].every(([k, v]) => here.get(k) === v));
    select.value = current ? current.id : '';
  }

  select.addEventListener('change', () => {
    const preset = presets.find((p) => p.id === select.value);
    // the link is the preset's; the reader's language comes along unless the preset names one
    if (preset) location.href = `/?${preset.query}${/(^|&)lang=/.test(preset.query) ? '' : `&lang=${i18n.lang}`}`;
  });
  store.subscribe(['query'], mark);
  store.subscribe(['lang'], fill);

  (async () => {
    try {
      const response = await fetch('/api/presets');
      if (!response.ok) return;
      presets = await response.json();
    } catch (e) {
      return; // the menu stays with its one "Tutorials…" entry
    }
    fill();
  })();

  return { presets: () => presets };
}
