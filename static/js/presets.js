// The tutorials: the menu and the open tutorial's card, both rendered by the server (PlaygroundPage,
// PresetCard; the options' and the card's words carry data-i18n keys, so the language switch changes
// them in place), and a worked example's sample opened in the step-through on load.
// The server says which tutorial this page is (#boot's `preset`); the page keeps no copy of that rule.

const READ = 'playground.presetCard.'; // + id: "open" or "closed", as the reader last left the card

/** The stage where the output's forward values are (a worked example's prediction, e.g. A2). */
const prediction = (stages) => stages.findLastIndex((s) => s.kind === 'forward');

/**
 * @param els  {select: the Tutorials menu, card: the card or null, numbersButton: its button or null}
 * @param open #boot's preset: {id, sample: {input, target} | null}, or null when the page is none
 * @param backprop the step-through (backprop-panel.js)
 */
export function mountPresets(els, store, i18n, open, backprop) {
  const { select, card, numbersButton } = els;

  select.addEventListener('change', () => {
    const query = select.selectedOptions[0]?.dataset.query;
    if (!query) return;
    // the preset's link (the option's, from the server); the reader's language comes along unless it names one
    location.href = `/?${query}${/(^|&)lang=/.test(query) ? '' : `&lang=${i18n.lang}`}`;
  });

  if (card) {
    // open on a first visit; collapsed to its one-line title after that, or as the reader left it
    const key = READ + card.dataset.preset;
    const left = remembered(key);
    if (left === 'closed' || left === 'seen') card.open = false;
    if (left == null) remember(key, 'seen');
    card.addEventListener('toggle', () => remember(key, card.open ? 'open' : 'closed'));
  }

  const sample = open && open.sample;
  if (sample) {
    // once the session runs, the step-through opens on the tutorial's sample, the page staying where it is
    const stop = store.subscribe(['frame'], ({ frame }) => {
      if (!frame) return;
      stop();
      backprop.inspectSample(sample, { scroll: false });
    });
    if (numbersButton) numbersButton.addEventListener('click', () => backprop.inspectSample(sample, { stage: prediction }));
  }

  return {
    /** The menu's tutorials in the page's language, and the one this page is (null when none). */
    presets: () => ({
      open: open ? open.id : null,
      menu: [...select.options].filter((o) => o.value).map((o) => ({ id: o.value, title: o.textContent })),
    }),
  };
}

function remembered(key) {
  try {
    return localStorage.getItem(key);
  } catch (e) {
    return null; // storage off: the card opens every time
  }
}

function remember(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch (e) {
    // storage off: nothing to keep
  }
}
