// Messages on screen: toasts at the bottom of the page (an id replaces the earlier one with that id)
// and the box of the state's warnings (a bad URL value, a narrowed layer).

export class Notices {
  /**
   * @param els {status, warnings, warningList, warningsClose}
   * @param i18n the page's words
   */
  constructor(els, i18n) {
    this.els = els;
    this.i18n = i18n;
    els.warningsClose.addEventListener('click', () => { els.warnings.hidden = true; });
  }

  /** Shows text; kind 'info' | 'ok' | 'error' | 'lost'; errors stay 9 s, others 5 s, sticky ones until closed. */
  toast(text, kind = 'info', { sticky = false, id = null } = {}) {
    if (id) this.clear(id);
    const box = document.createElement('div');
    box.className = `toast ${kind}`;
    box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    if (id) box.dataset.toast = id;
    const words = document.createElement('span');
    words.textContent = text;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close-button';
    close.textContent = '×';
    close.title = this.i18n.t('status.dismiss');
    close.setAttribute('aria-label', close.title);
    close.addEventListener('click', () => box.remove());
    box.append(words, close);
    this.els.status.appendChild(box);
    if (!sticky) setTimeout(() => box.remove(), kind === 'error' ? 9000 : 5000);
    return box;
  }

  clear(id) {
    this.els.status.querySelector(`[data-toast="${id}"]`)?.remove();
  }

  /**
   * The state's warnings ({key, value, message, detail}), each in the page's language, under a
   * heading that says whether the link's values or a change just made were not used as given.
   */
  warn(list, fromLink = true) {
    this.shown = list;
    this.fromLink = fromLink;
    const heading = this.els.warnings.querySelector('[data-i18n^="warnings.heading"]');
    if (heading) {
      heading.dataset.i18n = fromLink ? 'warnings.heading' : 'warnings.headingChange';
      heading.textContent = this.i18n.t(heading.dataset.i18n);
    }
    const ul = this.els.warningList;
    ul.replaceChildren();
    for (const w of list) {
      const li = document.createElement('li');
      if (w.key != null) {
        const code = document.createElement('code');
        code.textContent = w.value == null ? w.key : `${w.key}=${w.value}`;
        li.append(code, ' ');
      }
      const text = document.createElement('span');
      text.textContent = this.i18n.say(w.detail, w.message);
      li.appendChild(text);
      ul.appendChild(li);
    }
    this.els.warnings.hidden = list.length === 0;
  }

  /** A change that warned of nothing: the warnings of an earlier change are out of date (the link's stay until closed). */
  settle() {
    if (this.shown && !this.fromLink) {
      this.shown = null;
      this.els.warnings.hidden = true;
    }
  }

  /** The warnings on screen again, in the page's new language (a closed box stays closed). */
  relabel() {
    if (this.shown && !this.els.warnings.hidden) this.warn(this.shown, this.fromLink);
  }
}
