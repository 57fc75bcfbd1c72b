package org.backprop.playground.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The binary message layout of the protocol: {@code [u32 big-endian header length][header: UTF-8
 * JSON][payload]}. Block offsets in the header count from the first payload byte.
 */
public final class Envelope {
    private Envelope() {}

    /** The header and the blocks, concatenated in order; the buffer is ready to read (position 0). */
    public static ByteBuffer wrap(String header, List<byte[]> blocks) {
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        int size = 4 + head.length;
        for (byte[] b : blocks) size += b.length;
        ByteBuffer buf = ByteBuffer.allocate(size); // big-endian, as the length prefix and every multi-byte value
        buf.putInt(head.length).put(head);
        for (byte[] b : blocks) buf.put(b);
        return buf.flip();
    }

    /** The header of an envelope, for tests and tools. */
    public static String header(ByteBuffer message) {
        ByteBuffer b = message.duplicate();
        int length = b.getInt();
        byte[] head = new byte[length];
        b.get(head);
        return new String(head, StandardCharsets.UTF_8);
    }

    /** Where the payload starts in an envelope. */
    public static int payloadOffset(ByteBuffer message) {
        return 4 + message.getInt(message.position());
    }
}
