package org.backprop.playground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.playground.protocol.MessageType;
import org.backprop.playground.session.Resume;
import org.backprop.playground.state.FieldError;
import org.backprop.playground.state.Msg;

/**
 * One client message on {@code /ws}, read and type-checked (docs/protocol.md §4). Only the fields
 * of its type are read; other fields are ignored. Ranges that depend on the session (which layer
 * exists, how many epochs a step may ask for) are the session's to check.
 *
 * @param type   what the message asks for
 * @param id     the client's own tag (a string of at most {@value #MAX_ID_CHARS} characters, or an
 *               integer), echoed in the reply; null when absent
 * @param state  {@code config} and {@code set}: the URL keys and their JSON values (empty otherwise)
 * @param epochs {@code step}: epochs to train (1 when absent)
 * @param layer  {@code setWeight}: the weight layer (0 = into the first hidden layer)
 * @param to     {@code setWeight}: the neuron of that layer the link goes to (or whose bias it is)
 * @param from   {@code setWeight}: the neuron or input of the layer below, −1 for a bias
 * @param value  {@code setWeight}: the new weight or bias
 * @param probe  {@code inspect}: the sample to inspect (null for other types)
 * @param resume {@code config}: the epoch and parameters a reconnecting page goes on from, or null
 * @param point  {@code addPoint} and {@code removePoint}: where, and the label to add (NaN for a removal); else null
 */
public record ClientMessage(
        MessageType type,
        Object id,
        Map<String, Object> state,
        int epochs,
        int layer,
        int to,
        int from,
        double value,
        Probe probe,
        Resume resume,
        PointAt point) {
    /** Values an {@code input} or {@code target} may hold, at most (far more than any network here has inputs). */
    static final int MAX_SAMPLE_VALUES = 4096;

    /**
     * The sample of an {@code inspect}: a point of the session's data ({@code split} "train" or
     * "test" and its {@code index}), or, when {@code input} is given, that input vector and target.
     */
    public record Probe(String split, int index, double[] input, double[] target) {}

    /** An {@code addPoint}'s x, y and label, or a {@code removePoint}'s x and y (label NaN). */
    public record PointAt(double x, double y, double label) {}

    public static final int MAX_ID_CHARS = 64;

    /** The field a refusal names when a message's {@code type} is the problem. */
    static final String TYPE = "type";

    /** Parameters a {@code resume} may hold, at most: a 64 KiB message holds fewer. */
    static final int MAX_RESUME_VALUES = 65536;

    public ClientMessage {
        state = state == null ? Map.of() : Collections.unmodifiableMap(state);
    }

    ClientMessage(
            MessageType type,
            Object id,
            Map<String, Object> state,
            int epochs,
            int layer,
            int to,
            int from,
            double value,
            Probe probe) {
        this(type, id, state, epochs, layer, to, from, value, probe, null, null);
    }

    /** Whether a {@code setWeight} edits a bias ({@code "bias": true}) rather than a link. */
    public boolean bias() {
        return from < 0;
    }

    /** A message that could not be read: the error to answer, with the type and id when they were readable. */
    static final class Invalid extends RuntimeException {
        final transient FieldError error;
        final String type;
        final transient Object id;

        Invalid(String code, String field, Msg detail, String type, Object id) {
            this(new FieldError(code, field, detail), type, id);
        }

        Invalid(FieldError error, String type, Object id) {
            super(error.message(), null, false, false);
            this.error = error;
            this.type = type;
            this.id = id;
        }
    }

    /** Error codes of messages that cannot be read at all. */
    static final String MALFORMED_JSON = "malformed_json";

    static final String BAD_MESSAGE = "bad_message";
    static final String UNKNOWN_TYPE = "unknown_type";

    /**
     * Reads one text message.
     *
     * @param maxStepEpochs the most epochs a {@code step} may ask for (a larger number is refused here,
     *                      before it could overflow an int)
     * @throws Invalid with the error to answer
     */
    static ClientMessage parse(String text, ObjectMapper mapper, int maxStepEpochs) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw new Invalid(
                    MALFORMED_JSON,
                    null,
                    Msg.of("socket.malformedJson", "detail", firstLine(e.getOriginalMessage()) + where),
                    null,
                    null);
        }
        if (root == null || !root.isObject()) {
            throw new Invalid(BAD_MESSAGE, null, Msg.of("socket.notObject", "got", describe(root)), null, null);
        }
        Object id = id(root.get("id"));
        JsonNode typeNode = root.get(TYPE);
        if (typeNode == null || typeNode.isNull()) {
            throw new Invalid(BAD_MESSAGE, TYPE, Msg.of("socket.noType", "types", typeList()), null, id);
        }
        if (!typeNode.isTextual()) {
            throw new Invalid(BAD_MESSAGE, TYPE, Msg.of("socket.typeNotString", "got", describe(typeNode)), null, id);
        }
        String wire = typeNode.textValue();
        MessageType type = MessageType.fromWire(wire);
        if (type == null) {
            throw new Invalid(
                    UNKNOWN_TYPE,
                    TYPE,
                    Msg.of("socket.unknownType", "type", shorten(wire), "types", typeList()),
                    null,
                    id);
        }
        Reader r = new Reader(root, wire, id);
        return switch (type) {
            case CONFIG -> new ClientMessage(type, id, r.state(false), 0, 0, 0, 0, 0, null, resume(r), null);
            case SET -> new ClientMessage(type, id, r.state(true), 0, 0, 0, 0, 0, null);
            case STEP -> new ClientMessage(type, id, null, r.integer("epochs", 1, 1, maxStepEpochs), 0, 0, 0, 0, null);
            case SET_WEIGHT -> weight(r, type, id);
            case INSPECT -> new ClientMessage(type, id, null, 0, 0, 0, 0, 0, probe(r));
            case ADD_POINT -> atPoint(type, id, new PointAt(r.number("x"), r.number("y"), r.number("label")));
            case REMOVE_POINT -> atPoint(type, id, new PointAt(r.number("x"), r.number("y"), Double.NaN));
            default -> new ClientMessage(type, id, null, 0, 0, 0, 0, 0, null);
        };
    }

    /** An {@code addPoint} or {@code removePoint}: where, and the new point's label (NaN for a removal). */
    private static ClientMessage atPoint(MessageType type, Object id, PointAt point) {
        return new ClientMessage(type, id, null, 0, 0, 0, 0, 0, null, null, point);
    }

    /** {@code {"layer","to","from","value"}} for a link, {@code {"layer","to","bias":true,"value"}} for a bias. */
    private static ClientMessage weight(Reader r, MessageType type, Object id) {
        int layer = r.integer("layer", null, 0, Integer.MAX_VALUE);
        int to = r.integer("to", null, 0, Integer.MAX_VALUE);
        boolean bias = r.bool("bias");
        JsonNode fromNode = r.root.get("from");
        boolean hasFrom = fromNode != null && !fromNode.isNull();
        if (bias && hasFrom) throw r.invalid("from", Msg.of("socket.biasFrom"));
        if (!bias && !hasFrom) throw r.invalid("from", Msg.of("socket.fromRequired"));
        int from = bias ? -1 : r.integer("from", null, 0, Integer.MAX_VALUE);
        double value = r.number("value");
        return new ClientMessage(type, id, null, 0, layer, to, from, value, null);
    }

    /** {@code "resume": {"epoch", "weights"}} of a {@code config}, or null when absent. */
    private static Resume resume(Reader r) {
        JsonNode n = r.root.get("resume");
        if (n == null || n.isNull()) return null;
        if (!n.isObject()) {
            throw r.invalid("resume", Msg.of("socket.resumeNotObject", "got", describe(n)));
        }
        Reader inner = new Reader(n, r.type, r.id);
        return new Resume(
                inner.integer("epoch", null, 0, Integer.MAX_VALUE), inner.numbers("weights", MAX_RESUME_VALUES));
    }

    /** {@code {"split","index"}} for a point of the data, or {@code {"input":[..],"target":[..]}} for any sample. */
    private static Probe probe(Reader r) {
        JsonNode input = r.root.get("input");
        if (input != null && !input.isNull()) return new Probe(null, -1, r.numbers("input"), r.numbers("target"));
        JsonNode split = r.root.get("split");
        String which = split == null || split.isNull() ? "train" : split.isTextual() ? split.textValue() : null;
        if (!"train".equals(which) && !"test".equals(which)) {
            throw r.invalid("split", Msg.of("socket.badSplit", "got", describe(split)));
        }
        return new Probe(which, r.integer("index", null, 0, Integer.MAX_VALUE), null, null);
    }

    /** Typed reads of one message's fields; every refusal names the field. */
    private record Reader(JsonNode root, String type, Object id) {
        Invalid invalid(String field, Msg detail) {
            return new Invalid(FieldError.BAD_VALUE, field, detail, type, id);
        }

        Map<String, Object> state(boolean required) {
            JsonNode n = root.get("state");
            if (n == null || n.isNull()) {
                if (required) throw invalid("state", Msg.of("socket.stateRequired"));
                return new LinkedHashMap<>();
            }
            if (!n.isObject()) throw invalid("state", Msg.of("socket.stateNotObject", "got", describe(n)));
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) values.put(e.getKey(), plain(e.getValue()));
            return values;
        }

        /** A whole JSON number in [min, max]; {@code absent} when missing (null: required). */
        int integer(String field, Integer absent, int min, int max) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                if (absent != null) return absent;
                throw invalid(
                        field,
                        Msg.of(
                                "socket.integerRequired",
                                "field",
                                field,
                                "range",
                                min + (max == Integer.MAX_VALUE ? "+" : ".." + max)));
            }
            if (!n.isNumber()) throw invalid(field, Msg.of("socket.notNumber", "field", field, "got", describe(n)));
            double v = n.doubleValue();
            if (!Double.isFinite(v) || v != Math.rint(v)) {
                throw invalid(field, Msg.of("socket.notWhole", "field", field, "got", shorten(n.asText())));
            }
            if (v < min || v > max) {
                throw invalid(
                        field,
                        Msg.of(
                                "socket.outOfRange",
                                "field",
                                field,
                                "range",
                                min + (max == Integer.MAX_VALUE ? "+" : ".." + max),
                                "got",
                                shorten(n.asText())));
            }
            return (int) v;
        }

        /** A finite JSON number (a 1e400 literal reads as infinity and is refused). */
        double number(String field) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) throw invalid(field, Msg.of("socket.numberRequired", "field", field));
            if (!n.isNumber()) throw invalid(field, Msg.of("socket.notNumber", "field", field, "got", describe(n)));
            double v = n.doubleValue();
            if (!Double.isFinite(v))
                throw invalid(field, Msg.of("socket.notFinite", "field", field, "got", shorten(n.asText())));
            return v;
        }

        /** A required array of finite numbers (at most MAX_SAMPLE_VALUES). */
        double[] numbers(String field) {
            return numbers(field, MAX_SAMPLE_VALUES);
        }

        /** A required array of at most {@code max} finite numbers. */
        double[] numbers(String field, int max) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) throw invalid(field, Msg.of("socket.arrayRequired", "field", field));
            if (!n.isArray()) throw invalid(field, Msg.of("socket.notArray", "field", field, "got", describe(n)));
            if (n.size() > max) throw invalid(field, Msg.of("socket.arrayTooLong", "field", field, "count", n.size()));
            double[] out = new double[n.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode v = n.get(i);
                if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                    throw invalid(field, Msg.of("socket.arrayItem", "field", field, "index", i, "got", describe(v)));
                }
                out[i] = v.doubleValue();
            }
            return out;
        }

        /** true or false; false when absent. */
        boolean bool(String field) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) return false;
            if (!n.isBoolean()) throw invalid(field, Msg.of("socket.notBoolean", "field", field, "got", describe(n)));
            return n.booleanValue();
        }
    }

    /** The client's tag: a short string or an integer; anything else is refused. */
    private static Object id(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isTextual() && n.textValue().length() <= MAX_ID_CHARS) return n.textValue();
        if (n.isIntegralNumber() && n.canConvertToLong()) return n.longValue();
        throw new Invalid(
                FieldError.BAD_VALUE,
                "id",
                Msg.of("socket.badId", "max", MAX_ID_CHARS, "got", describe(n)),
                null,
                null);
    }

    /** A JSON value as the state codec takes it: String, Boolean, Long/BigInteger, Double, List, Map or null. */
    private static Object plain(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isTextual()) return n.textValue();
        if (n.isBoolean()) return n.booleanValue();
        if (n.isIntegralNumber()) return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        if (n.isNumber()) return n.doubleValue();
        if (n.isArray()) {
            List<Object> items = new ArrayList<>(n.size());
            for (JsonNode item : n) items.add(plain(item));
            return items;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) map.put(e.getKey(), plain(e.getValue()));
        return map;
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        if (n.isNull()) return "null";
        if (n.isObject()) return "an object";
        if (n.isArray()) return "an array";
        if (n.isTextual()) return "the string \"" + shorten(n.textValue()) + "\"";
        if (n.isBoolean()) return n.asText();
        return "the number " + shorten(n.asText());
    }

    private static String typeList() {
        StringBuilder b = new StringBuilder();
        for (MessageType t : MessageType.values())
            b.append(b.length() == 0 ? "" : ", ").append(t.wire);
        return b.toString();
    }

    /** Echoed client text is cut short: it is data, and a reply should not grow with the request. */
    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }
}
