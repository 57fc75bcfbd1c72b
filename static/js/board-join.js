// A student's side of a class board: a link with `board` asks for a nickname (one small dialog)
// before the page connects; the socket then carries `board` and `name` in its URL and every
// `config` (the server joins the board and records the results, docs/protocol.md). The board's
// refusals (error codes board_not_found, board_full, name_taken, name_invalid, rate_limited) are
// shown in the page's words; a taken or invalid name opens the dialog again with the reason.

const NAME_MAX = 24;
const KEY = 'playground.boardName:';
const NAME_ERRORS = new Set(['name_taken', 'name_invalid']);
const BOARD_ERRORS = new Set(['board_not_found', 'board_full', 'rate_limited', 'store_unavailable', ...NAME_ERRORS]);

/**
 * @param els {dialog, form, input, error, status}; boardId the link's board (null: not a board link);
 * storage keeps the tab's nickname per board (sessionStorage; null for nowhere);
 * toast(text, kind, options) for the board's refusals
 */
export function mountBoardJoin(els, i18n, boardId, storage, toast) {
  let name = null;
  let picked = null; // what a pick does: connect the first time, send a config with the new name after
  try {
    name = boardId ? storage?.getItem(KEY + boardId) ?? null : null;
  } catch (e) {
    name = null;
  }

  function showStatus() {
    els.status.hidden = !(boardId && name);
    els.status.textContent = boardId && name ? i18n.format('board.joinedAs', { name }) : '';
  }

  function ask(reason) {
    els.error.textContent = reason ?? '';
    els.error.hidden = !reason;
    if (name) els.input.value = name;
    if (!els.dialog.open) els.dialog.showModal();
    els.input.focus();
    els.input.select();
  }

  function forget() {
    try {
      storage?.removeItem(KEY + boardId);
    } catch (e) {
      // nothing was kept
    }
  }

  els.input.maxLength = NAME_MAX;
  // a nickname is the way on: Escape does not close the dialog (and where the browser closes it
  // anyway, it opens again)
  let accepted = false;
  els.dialog.addEventListener('cancel', (e) => e.preventDefault());
  els.dialog.addEventListener('close', () => {
    if (!accepted) setTimeout(() => ask(els.error.hidden ? null : els.error.textContent), 0);
    accepted = false;
  });
  els.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const wanted = els.input.value.trim();
    if (!wanted) return ask(i18n.t('error.name_invalid'));
    name = wanted;
    try {
      storage?.setItem(KEY + boardId, name);
    } catch (err) {
      // storage refused: the name lasts as long as the page
    }
    accepted = true;
    els.dialog.close();
    showStatus();
    picked?.();
  });

  return {
    /** The keys a session needs to join: {board, name}, or {} off a board. */
    keys: () => (boardId && name ? { board: boardId, name } : {}),
    /**
     * connect() once a nickname is known: at once off a board or when this tab has one, else after
     * the dialog; rejoin() after each later pick (a taken or invalid name).
     */
    start(connect, rejoin) {
      showStatus();
      let connected = false;
      const first = () => {
        connected = true;
        connect();
      };
      picked = () => (connected ? rejoin() : first());
      if (!boardId || name) first();
      else ask(null);
    },
    /** Handles a board's refusal (true) or leaves the error to the page (false). */
    onError(message) {
      if (!boardId || !BOARD_ERRORS.has(message.code)) return false;
      const words = i18n.say(message.detail, i18n.t(`error.${message.code}`));
      if (NAME_ERRORS.has(message.code)) {
        forget();
        els.status.hidden = true; // not on the board under that name
        ask(words);
      } else {
        toast(words, 'error', { sticky: message.code === 'board_not_found' || message.code === 'board_full', id: 'board' });
      }
      return true;
    },
  };
}
