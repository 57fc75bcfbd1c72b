// The session's socket, with each server message routed by its type (protocol.js): text messages
// as objects, binary ones as decoded envelopes. Reconnecting is socket.js's job.

import { MessageType, ServerMessageType, decodeEnvelope } from './protocol.js';
import { ReconnectingSocket } from './socket.js';

const TEXT = [ServerMessageType.HELLO, ServerMessageType.STATE, ServerMessageType.ERROR, ServerMessageType.INSPECTION, ServerMessageType.GRADCHECK];
const BINARY = [ServerMessageType.FRAME, ServerMessageType.DATA];
// the server closes a connection that sends no message for 60 s (its pings do not count), paused or hidden alike
const PING_EVERY_MS = 20000;

/**
 * @param url      a function giving the ws:// address (it carries the state, so a session starts as the page is)
 * @param handlers onOpen(again, closeCode), onStatus(status), and one per message type: hello, state, error,
 *                 inspection, gradcheck (objects), frame, data (envelopes)
 */
export function connect(url, handlers) {
  const socket = new ReconnectingSocket(url, {
    onStatus: (status) => handlers.onStatus?.(status),
    onOpen: (again, closeCode) => handlers.onOpen?.(again, closeCode),
    onText(message) {
      if (TEXT.includes(message.type)) handlers[message.type]?.(message);
    },
    onBinary(buffer) {
      let envelope;
      try {
        envelope = decodeEnvelope(buffer);
      } catch (e) {
        return; // not an envelope: nothing to draw
      }
      const type = envelope.header.type;
      if (BINARY.includes(type)) handlers[type]?.(envelope);
    },
  });
  socket.connect();
  setInterval(() => socket.send({ type: MessageType.PING }), PING_EVERY_MS);
  return socket;
}
