package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.backprop.playground.protocol.MessageType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ClientMessageTest {
    private static final ObjectMapper MAPPER = JsonBody.strictMapper();

    private static ClientMessage parse(String text) {
        return ClientMessage.parse(text, MAPPER, 10_000);
    }

    private static ClientMessage.Invalid refused(String text) {
        return assertThrows(ClientMessage.Invalid.class, () -> parse(text));
    }

    @Test
    void reads_each_type_with_its_fields() {
        ClientMessage config =
                parse("{\"type\":\"config\",\"id\":\"a\",\"state\":{\"dataset\":\"xor\",\"networkShape\":[4,2],"
                        + "\"noise\":5.5,\"x\":true,\"seed\":null,\"big\":123456789012345678901234567890}}");
        assertEquals(MessageType.CONFIG, config.type());
        assertEquals("a", config.id());
        assertEquals("xor", config.state().get("dataset"));
        assertEquals(List.of(4L, 2L), config.state().get("networkShape"));
        assertEquals(5.5, config.state().get("noise"));
        assertEquals(true, config.state().get("x"));
        assertTrue(config.state().containsKey("seed") && config.state().get("seed") == null);
        assertEquals(
                new BigInteger("123456789012345678901234567890"), config.state().get("big"));
        assertEquals(Map.of(), parse("{\"type\":\"config\"}").state());
        assertEquals(1, parse("{\"type\":\"step\"}").epochs());
        assertEquals(25, parse("{\"type\":\"step\",\"epochs\":25,\"id\":7}").epochs());
        assertEquals(7L, parse("{\"type\":\"step\",\"id\":7}").id());
        ClientMessage w = parse("{\"type\":\"setWeight\",\"layer\":1,\"to\":2,\"from\":3,\"value\":-0.5}");
        assertEquals(List.of(1, 2, 3, -0.5), List.of(w.layer(), w.to(), w.from(), w.value()));
        ClientMessage b = parse("{\"type\":\"setWeight\",\"layer\":0,\"to\":1,\"bias\":true,\"value\":2}");
        assertTrue(b.bias());
        assertEquals(
                MessageType.PLAY, parse("{\"type\":\"play\",\"extra\":[1,2]}").type());
    }

    @Test
    void refusals_name_code_and_field() {
        assertEquals("malformed_json", refused("{").error.code());
        assertEquals("bad_message", refused("[]").error.code());
        assertEquals("type", refused("{\"id\":1}").error.field());
        assertEquals("unknown_type", refused("{\"type\":\"fly\"}").error.code());
        assertEquals(
                "epochs", refused("{\"type\":\"step\",\"epochs\":10001}").error.field());
        assertEquals(
                "epochs", refused("{\"type\":\"step\",\"epochs\":true}").error.field());
        assertEquals(
                "id",
                refused("{\"type\":\"step\",\"id\":\"" + "i".repeat(65) + "\"}")
                        .error
                        .field());
        assertEquals(
                "value",
                refused("{\"type\":\"setWeight\",\"layer\":0,\"to\":0,\"from\":0,\"value\":1e999}")
                        .error
                        .field());
        ClientMessage.Invalid e = refused("{\"type\":\"set\",\"id\":\"x\",\"state\":3}");
        assertEquals("set", e.type);
        assertEquals("x", e.id);
        assertEquals("state", e.error.field());
        assertEquals("bad_value", e.error.code());
    }

    @Test
    void echoed_client_text_is_cut_short() {
        String message = refused("{\"type\":\"" + "z".repeat(10_000) + "\"}").getMessage();
        assertTrue(message.length() < 400, message);
    }
}
