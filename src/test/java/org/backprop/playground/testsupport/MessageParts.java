package org.backprop.playground.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Joins a WebSocket message's parts as the JDK client delivers them: whole once the last part came. */
public final class MessageParts {
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    /** The whole text message when {@code last}, else null. */
    public String text(CharSequence part, boolean last) {
        text.append(part);
        if (!last) return null;
        String whole = text.toString();
        text.setLength(0);
        return whole;
    }

    /** The whole binary message (position 0) when {@code last}, else null. */
    public ByteBuffer binary(ByteBuffer part, boolean last) {
        byte[] bytes = new byte[part.remaining()];
        part.get(bytes);
        binary.writeBytes(bytes);
        if (!last) return null;
        ByteBuffer whole = ByteBuffer.wrap(binary.toByteArray());
        binary.reset();
        return whole;
    }
}
