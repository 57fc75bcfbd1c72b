package org.backprop.playground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.backprop.playground.session.SessionStatus;
import org.backprop.playground.state.FieldError;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.state.Warning;

/**
 * Writes the server's JSON text messages on {@code /ws}: {@code hello}, {@code state} and
 * {@code error} (docs/protocol.md §5). The binary {@code frame} and {@code data} messages come
 * from the session layer's FrameEncoder.
 */
final class ServerMessages {
    /** Bumped when a change would break a page written against the previous one. */
    static final int PROTOCOL_VERSION = 1;
    static final String SERVER = "backprop-playground";

    private final ObjectMapper mapper;
    private final String hello;

    ServerMessages(ObjectMapper mapper, SocketLimits socket, int framesPerSecond, PlaygroundLimits limits) {
        this.mapper = mapper;
        this.hello = write(helloNode(socket, framesPerSecond, limits));
    }

    /** The same for every connection, so written once. */
    String hello() {
        return hello;
    }

    private ObjectNode helloNode(SocketLimits socket, int framesPerSecond, PlaygroundLimits limits) {
        ObjectNode n = mapper.createObjectNode();
        n.put("type", ServerMessageType.HELLO.wire);
        n.put("protocol", PROTOCOL_VERSION);
        n.put("server", SERVER);
        n.put("version", AppConfig.VERSION);
        ObjectNode l = n.putObject("limits");
        l.put("maxMessageBytes", socket.maxMessageBytes());
        l.put("messagesPerSecond", socket.messagesPerSecond());
        l.put("messageBurst", socket.messageBurst());
        l.put("framesPerSecond", framesPerSecond);
        l.put("maxSessions", socket.maxSessions());
        l.put("maxHiddenLayers", limits.maxHiddenLayers());
        l.put("maxNeurons", limits.maxNeurons());
        l.put("maxBatchSize", limits.maxBatchSize());
        l.put("maxStepEpochs", limits.maxStepEpochs());
        l.put("idleTimeoutSeconds", socket.idleTimeout().toSeconds());
        ArrayNode types = n.putArray("messageTypes");
        ArrayNode unsupported = n.putArray("notSupported");
        for (MessageType t : MessageType.values()) (t.supported() ? types : unsupported).add(t.wire);
        return n;
    }

    /**
     * The session's state after a change: the normalized state (every key, typed), its canonical
     * query string, the keys that changed, the warnings of a lenient read, and the session's status;
     * {@code notice} is why the session paused itself (cause {@code paused}), else null.
     */
    String state(Object id, String cause, String notice, PlaygroundState state, StateCodec codec, SessionStatus status,
                 List<Warning> warnings, List<String> changed) {
        ObjectNode n = mapper.createObjectNode();
        n.put("type", ServerMessageType.STATE.wire);
        putId(n, id);
        n.put("cause", cause);
        n.put("notice", notice);
        n.set("state", mapper.valueToTree(codec.toMap(state)));
        n.put("query", codec.write(state));
        ArrayNode c = n.putArray("changed");
        changed.forEach(c::add);
        ArrayNode w = n.putArray("warnings");
        for (Warning warning : warnings) {
            ObjectNode o = w.addObject();
            o.put("key", warning.key());
            o.put("value", warning.value());
            o.put("message", warning.message());
        }
        ObjectNode s = n.putObject("status");
        s.put("playing", status.playing());
        s.put("epoch", status.epoch());
        s.put("pendingEpochs", status.pendingEpochs());
        s.put("diverged", status.diverged());
        s.put("dataVersion", status.dataVersion());
        return write(n);
    }

    /** One refusal. {@code cause} is the refused message's type when it could be read. */
    String error(Object id, String cause, FieldError e) {
        return error(id, cause, List.of(e));
    }

    /** A refusal with several parts (a {@code set} with several bad keys): the first at the top, all in {@code errors}. */
    String error(Object id, String cause, List<FieldError> errors) {
        FieldError first = errors.get(0);
        ObjectNode n = mapper.createObjectNode();
        n.put("type", ServerMessageType.ERROR.wire);
        putId(n, id);
        n.put("cause", cause);
        n.put("code", first.code());
        n.put("message", first.message());
        n.put("field", first.field());
        if (errors.size() > 1) {
            ArrayNode all = n.putArray("errors");
            for (FieldError e : errors) {
                ObjectNode o = all.addObject();
                o.put("code", e.code());
                o.put("message", e.message());
                o.put("field", e.field());
            }
        }
        return write(n);
    }

    private static void putId(ObjectNode n, Object id) {
        if (id instanceof Long l) n.put("id", l);
        else if (id instanceof String s) n.put("id", s);
        else n.putNull("id");
    }

    private String write(ObjectNode n) {
        try {
            return mapper.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
