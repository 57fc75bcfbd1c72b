// One WebSocket that comes back by itself: after a drop it reconnects with a growing pause
// (0.3 s up to 5 s) and calls onOpen again, where the page re-sends its config (and resumes).

const FIRST_DELAY_MS = 300;
const MAX_DELAY_MS = 5000;

export class ReconnectingSocket {
  /**
   * @param url      a function giving the ws:// or wss:// address to (re)connect to
   * @param handlers onOpen(reconnected, closeCode of the connection before, or null), onText(object),
   *                 onBinary(ArrayBuffer), onStatus('connecting'|'open'|'lost')
   */
  constructor(url, handlers) {
    this.url = url;
    this.handlers = handlers;
    this.delay = FIRST_DELAY_MS;
    this.opened = false;
    this.ws = null;
    this.timer = null;
    this.closeCode = null;
  }

  connect() {
    clearTimeout(this.timer);
    this.handlers.onStatus?.(this.opened ? 'lost' : 'connecting');
    let ws;
    try {
      ws = new WebSocket(this.url());
    } catch (e) {
      this.retry();
      return;
    }
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      const again = this.opened;
      this.opened = true;
      this.delay = FIRST_DELAY_MS;
      this.handlers.onStatus?.('open');
      this.handlers.onOpen?.(again, this.closeCode);
    };
    ws.onmessage = (event) => {
      if (typeof event.data === 'string') {
        let message;
        try {
          message = JSON.parse(event.data);
        } catch (e) {
          return;
        }
        this.handlers.onText?.(message);
      } else {
        this.handlers.onBinary?.(event.data);
      }
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.closeCode = event.code; // 1001 "server restarting": the server stopped
      this.handlers.onStatus?.('lost');
      this.retry();
    };
    // an error is always followed by close, which reconnects
    ws.onerror = () => {};
  }

  retry() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), this.delay);
    this.delay = Math.min(MAX_DELAY_MS, Math.round(this.delay * 1.7));
  }

  isOpen() {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends a message object as JSON; false when the connection is down (the reconnect re-sends the config). */
  send(message) {
    if (!this.isOpen()) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }
}
