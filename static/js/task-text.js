// An exercise's task text as people read it: plain text whose line breaks stay (CSS white-space:
// pre-line) and whose *word* is emphasized. Built from text nodes and <em> elements, never from
// HTML, so whatever a link's task holds is shown as the characters it is.

const EMPHASIS = /\*([^*\n]+)\*/g;

/** Replaces el's children with text's words: *a few words* (on one line) as <em>. */
export function renderTask(el, text) {
  const doc = el.ownerDocument;
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(EMPHASIS)) {
    if (m.index > last) parts.push(doc.createTextNode(text.slice(last, m.index)));
    const em = doc.createElement('em');
    em.textContent = m[1];
    parts.push(em);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(doc.createTextNode(text.slice(last)));
  el.replaceChildren(...parts);
}
