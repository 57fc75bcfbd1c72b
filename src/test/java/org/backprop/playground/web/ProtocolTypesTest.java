package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backprop.playground.protocol.MessageType;
import org.backprop.playground.protocol.ServerMessageType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Message types exist once per side: the Java enums and static/js/protocol.js list the same names. */
@Tag("unit")
class ProtocolTypesTest {
    private static final Path PROTOCOL_JS = Path.of("static", "js", "protocol.js");

    @Test
    void client_message_types_match_the_page() throws IOException {
        Map<String, String> java = new LinkedHashMap<>();
        for (MessageType t : MessageType.values()) java.put(t.name(), t.wire);
        assertEquals(java, frozenObject("MessageType"));
    }

    @Test
    void server_message_types_match_the_page() throws IOException {
        Map<String, String> java = new LinkedHashMap<>();
        for (ServerMessageType t : ServerMessageType.values()) java.put(t.name(), t.wire);
        assertEquals(java, frozenObject("ServerMessageType"));
    }

    @Test
    void protocol_versions_match() throws IOException {
        Matcher m = Pattern.compile("export const PROTOCOL_VERSION = (\\d+);").matcher(Files.readString(PROTOCOL_JS));
        assertEquals(true, m.find(), "protocol.js exports PROTOCOL_VERSION");
        assertEquals(ServerMessages.PROTOCOL_VERSION, Integer.parseInt(m.group(1)));
    }

    /** {@code export const NAME = Object.freeze({ KEY: 'value', ... });} as an ordered map. */
    private static Map<String, String> frozenObject(String name) throws IOException {
        String js = Files.readString(PROTOCOL_JS);
        Matcher block = Pattern.compile("export const " + name + " = Object\\.freeze\\(\\{(.*?)\\}\\);", Pattern.DOTALL)
                .matcher(js);
        assertEquals(true, block.find(), "protocol.js exports a frozen " + name);
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("([A-Z_]+)\\s*:\\s*'([^']*)'").matcher(block.group(1));
        while (entry.find()) entries.put(entry.group(1), entry.group(2));
        return entries;
    }
}
