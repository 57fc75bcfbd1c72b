// The keyboard: space plays or pauses, s steps, r resets, + (or =) and - make it faster or slower by
// one speed, unless a field or menu has the focus.

/** @param act {togglePlay(), step(), reset(), faster(by)} */
export function bindKeys(doc, act) {
  // a mouse click leaves no focus on a button, so space goes on meaning play/pause
  doc.addEventListener('click', (e) => {
    if (e.detail > 0 && doc.activeElement instanceof HTMLButtonElement && !e.target.closest('form')) doc.activeElement.blur();
  });
  // nor on a checkbox or slider the pointer changed: there space would tick the box, not play
  // (from the keyboard they keep the focus, and space and the arrows work them as usual)
  let byPointer = false;
  doc.addEventListener('pointerdown', () => { byPointer = true; }, true);
  doc.addEventListener('keydown', () => { byPointer = false; }, true);
  doc.addEventListener('change', (e) => {
    const t = e.target;
    if (byPointer && t instanceof HTMLInputElement && (t.type === 'checkbox' || t.type === 'range') && !t.closest('form')) t.blur();
  });
  doc.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t instanceof Element && t.closest('input, select, textarea, [contenteditable=""], [contenteditable="true"]')) return;
    if (e.key === ' ' || e.key === 'Spacebar') {
      if (t instanceof HTMLButtonElement) return; // a focused button clicks itself
      e.preventDefault();
      act.togglePlay();
    } else if (e.key === 's' || e.key === 'S') {
      act.step();
    } else if (e.key === 'r' || e.key === 'R') {
      act.reset();
    } else if (e.key === '+' || e.key === '=') {
      act.faster(1);
    } else if (e.key === '-' || e.key === '_') {
      act.faster(-1);
    }
  });
}
