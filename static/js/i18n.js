// The page's words. The tables come from static/i18n/strings.json, the same file the server
// renders the page from; the server puts the page's language in #boot, the others are fetched
// when the language changes. Elements name their words with data-i18n (text), data-i18n-title
// (tooltip) and data-i18n-aria (aria-label); data-i18n-params (JSON) fills a template's {names}.

const STRINGS_URL = '/i18n/strings.json';

export class I18n {
  constructor(lang, table) {
    this.lang = lang;
    this.table = table;
    this.tables = { [lang]: table };
  }

  /** The text of key, or the key itself (visible, never blank). */
  t(key) {
    const text = this.table[key] ?? this.tables.en?.[key];
    return text ?? key;
  }

  /** The text of key with {name} filled from params. */
  format(key, params = {}) {
    return this.t(key).replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  }

  /**
   * A server warning or error in these words: its detail {id, params} through the msg.<id> template
   * (a param may itself be a detail), or the English message when there is no such template.
   */
  say(detail, english) {
    const key = detail && detail.id ? `msg.${detail.id}` : null;
    if (key === null || this.t(key) === key) return english;
    const params = {};
    for (const [name, value] of Object.entries(detail.params ?? {})) {
      params[name] = value !== null && typeof value === 'object' ? this.say(value, '') : value;
    }
    return this.format(key, params);
  }

  /** Switches to lang, fetching the tables once; resolves to false when it has no such language. */
  async use(lang) {
    if (!this.tables[lang]) {
      const response = await fetch(STRINGS_URL);
      if (!response.ok) throw new Error(`${STRINGS_URL}: HTTP ${response.status}`);
      Object.assign(this.tables, await response.json());
    }
    if (!this.tables[lang]) return false;
    this.lang = lang;
    this.table = this.tables[lang];
    return true;
  }

  /** Rewrites every marked word under root in the current language. */
  apply(root) {
    const words = (el, key) => (el.dataset.i18nParams ? this.format(key, JSON.parse(el.dataset.i18nParams)) : this.t(key));
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = words(el, el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-title]')) {
      const text = words(el, el.dataset.i18nTitle);
      el.title = text;
      if (el.hasAttribute('aria-label')) el.setAttribute('aria-label', text);
    }
    for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', this.t(el.dataset.i18nAria));
  }
}
