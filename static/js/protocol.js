// The /ws protocol's names and its binary envelope (docs/protocol.md). The message types mirror
// MessageType.java and ServerMessageType.java; ProtocolTypesTest checks that both sides list the same.

/** Types of the messages a page sends: {type: MessageType.SET, state: {learningRate: 0.1}}. */
export const MessageType = Object.freeze({
  CONFIG: 'config',
  SET: 'set',
  PLAY: 'play',
  PAUSE: 'pause',
  STEP: 'step',
  RESET: 'reset',
  REGENERATE: 'regenerate',
  SET_WEIGHT: 'setWeight',
  INSPECT: 'inspect',
  GRADCHECK: 'gradcheck',
  ADD_POINT: 'addPoint',
  REMOVE_POINT: 'removePoint',
  CLEAR_POINTS: 'clearPoints',
  PING: 'ping',
});

/** Types of the messages the server sends: hello, state and error as JSON text; frame and data as binary envelopes. */
export const ServerMessageType = Object.freeze({
  HELLO: 'hello',
  STATE: 'state',
  ERROR: 'error',
  FRAME: 'frame',
  DATA: 'data',
  INSPECTION: 'inspection',
  GRADCHECK: 'gradcheck',
});

/** The protocol version this page speaks; hello carries the server's. */
export const PROTOCOL_VERSION = 1;

const utf8 = new TextDecoder('utf-8');

/**
 * Splits a binary message, [u32 big-endian header length][UTF-8 JSON header][payload], into its
 * header and payload. Block offsets in the header count from the payload's first byte.
 * @param {ArrayBuffer} buffer the message (socket.binaryType = 'arraybuffer')
 * @returns {{header: object, payload: Uint8Array}}
 */
export function decodeEnvelope(buffer) {
  if (buffer.byteLength < 4) throw new Error(`binary message of ${buffer.byteLength} bytes has no header length`);
  const length = new DataView(buffer).getUint32(0, false);
  if (4 + length > buffer.byteLength) throw new Error(`header of ${length} bytes overruns a ${buffer.byteLength}-byte message`);
  const header = JSON.parse(utf8.decode(new Uint8Array(buffer, 4, length)));
  const payload = new Uint8Array(buffer, 4 + length);
  return { header, payload };
}

/**
 * The bytes of one uint8 block (a grid, row-major, row 0 at the top): byte q stands for
 * block.min + q * (block.max - block.min) / 255. A view, not a copy.
 */
export function blockBytes(envelope, block) {
  const p = envelope.payload;
  return new Uint8Array(p.buffer, p.byteOffset + block.offset, block.length);
}

/** The values of one float32 block, read big-endian (as the server writes them) into a new Float32Array. */
export function blockFloats(envelope, block) {
  const p = envelope.payload;
  const view = new DataView(p.buffer, p.byteOffset + block.offset, block.length);
  const out = new Float32Array(block.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(4 * i, false);
  return out;
}
