// Sharing: the page's link to the clipboard, and the classroom link that hides the ticked controls.

/** @param els {shareButton, hideControls, hideLink}; toast(text, kind, options) */
export function mountShare(els, store, i18n, toast) {
  const link = () => `${location.origin}${location.pathname}?${store.get().query}`;

  async function share() {
    const url = link();
    try {
      await navigator.clipboard.writeText(url);
      toast(i18n.t('share.copied'), 'ok', { id: 'share' });
    } catch (e) {
      toast(`${i18n.t('share.manual')} ${url}`, 'info', { sticky: true, id: 'share' });
    }
  }

  function classroomLink() {
    const hide = [...els.hideControls.querySelectorAll('[data-hide]')].filter((c) => c.checked).map((c) => `${c.dataset.hide}_hide=true`);
    const kept = store.get().query.split('&').filter((p) => p && !p.split('=')[0].endsWith('_hide'));
    els.hideLink.href = `${location.pathname}?${[...kept, ...hide].join('&')}`;
  }

  els.shareButton.addEventListener('click', share);
  els.hideControls.addEventListener('change', classroomLink);
  store.subscribe(['query'], classroomLink);
  classroomLink();
}
