package org.backprop.playground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.backprop.playground.engine.GradientCheck;
import org.backprop.playground.protocol.MessageType;
import org.backprop.playground.protocol.ServerMessageType;
import org.backprop.playground.session.Derived;
import org.backprop.playground.session.GoalJson;
import org.backprop.playground.session.GoalView;
import org.backprop.playground.session.Inspection;
import org.backprop.playground.session.PauseNotice;
import org.backprop.playground.session.SessionStatus;
import org.backprop.playground.state.CustomPoints;
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
        l.put("maxNeuronsWithoutMap", limits.maxNeuronsWithoutMap());
        l.put("maxBatchSize", limits.maxBatchSize());
        l.put("maxStepEpochs", limits.maxStepEpochs());
        l.put("idleTimeoutSeconds", socket.idleTimeout().toSeconds());
        l.put("maxPoints", CustomPoints.MAX_POINTS);
        l.put("linkPoints", CustomPoints.LINK_POINTS);
        ArrayNode types = n.putArray("messageTypes");
        for (MessageType t : MessageType.values()) types.add(t.wire);
        n.putArray("notSupported"); // every type is supported now; kept for pages that read it
        return n;
    }

    /**
     * The session's state after a change: the normalized state (every key, typed), its canonical
     * query string, the keys that changed, the warnings of a lenient read or of dependent changes,
     * the session's status, and what the session derived from the state (the batch in effect, the
     * training points, the output layer's activation); {@code notice} is why the session paused
     * itself (cause {@code paused}), else null; {@code goal} the goal's progress (GoalJson, as in
     * frames), null without a goal.
     */
    String state(
            Object id,
            String cause,
            PauseNotice notice,
            PlaygroundState state,
            StateCodec codec,
            SessionStatus status,
            GoalView goal,
            Derived derived,
            List<Warning> warnings,
            List<String> changed) {
        ObjectNode n = mapper.createObjectNode();
        n.put("type", ServerMessageType.STATE.wire);
        putId(n, id);
        n.put("cause", cause);
        n.put("notice", notice == null ? null : notice.message());
        n.set("noticeDetail", notice == null ? null : mapper.valueToTree(notice.detail()));
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
            o.set("detail", mapper.valueToTree(warning.detail()));
        }
        ObjectNode s = n.putObject("status");
        s.put("playing", status.playing());
        s.put("epoch", status.epoch());
        s.put("pendingEpochs", status.pendingEpochs());
        s.put("diverged", status.diverged());
        s.put("dataVersion", status.dataVersion());
        n.set("goal", json(GoalJson.text(goal)));
        ObjectNode d = n.putObject("derived");
        d.put("batchSize", derived.batchSize());
        d.put("trainPoints", derived.trainPoints());
        d.put("testPoints", derived.testPoints());
        d.put("ownPoints", derived.ownPoints());
        d.put("outputActivation", derived.outputActivation().key);
        d.put("autoOutputActivation", derived.autoOutputActivation().key);
        ArrayNode losses = d.putArray("losses");
        derived.losses().forEach(l -> losses.add(l.key));
        ArrayNode outputs = d.putArray("outputActivations");
        derived.outputActivations().forEach(a -> outputs.add(a.key));
        d.put("maxNeurons", derived.maxNeurons());
        d.put("maxHiddenLayers", derived.maxHiddenLayers());
        ObjectNode na = d.putObject("notApplying");
        derived.notApplying().forEach(na::put);
        ArrayNode locked = d.putArray("locked");
        derived.locked().forEach(locked::add);
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
        n.set("detail", mapper.valueToTree(first.detail()));
        if (errors.size() > 1) {
            ArrayNode all = n.putArray("errors");
            for (FieldError e : errors) {
                ObjectNode o = all.addObject();
                o.put("code", e.code());
                o.put("message", e.message());
                o.put("field", e.field());
                o.set("detail", mapper.valueToTree(e.detail()));
            }
        }
        return write(n);
    }

    /**
     * The answer to {@code inspect}: one sample forward and backward with the session's weights, and
     * its loss after one plain SGD step on it alone (on a copy). Full precision: these are the
     * numbers a learner checks against their own.
     */
    String inspection(Object id, Inspection i) {
        ObjectNode n = mapper.createObjectNode();
        n.put("type", ServerMessageType.INSPECTION.wire);
        putId(n, id);
        n.put("epoch", i.epoch());
        n.put("split", i.split());
        n.put("index", i.index() < 0 ? null : i.index());
        n.set("input", array(i.input()));
        if (i.coords() == null) n.set("coords", array(i.input()));
        else n.set("coords", array(i.coords()));
        n.set("target", array(i.target()));
        n.put("loss", finite(i.loss()));
        ArrayNode layers = n.putArray("layers");
        for (Inspection.LayerValues l : i.layers()) {
            ObjectNode o = layers.addObject();
            o.put("activation", l.activation());
            o.set("z", array(l.z()));
            o.set("a", array(l.a()));
            if (l.dadz() == null) o.putNull("dadz");
            else o.set("dadz", array(l.dadz()));
            o.set("delta", array(l.delta()));
            o.set("dW", matrix(l.dW()));
            o.set("db", array(l.db()));
            o.set("weights", matrix(l.weights()));
            o.set("biases", array(l.biases()));
        }
        n.put("lossFormula", i.lossFormula());
        n.put("learningRate", i.learningRate());
        ObjectNode after = n.putObject("after");
        after.put("loss", finite(i.afterLoss()));
        ArrayNode afterLayers = after.putArray("layers");
        for (int l = 0; l < i.after().layout.layers(); l++) {
            ObjectNode o = afterLayers.addObject();
            o.set("weights", matrix(i.after().weights(l)));
            o.set("biases", array(i.after().biases(l)));
        }
        return write(n);
    }

    /** The answer to {@code gradcheck}: per weight layer, backprop against central differences. */
    String gradcheck(Object id, int samples, GradientCheck.Result r) {
        ObjectNode n = mapper.createObjectNode();
        n.put("type", ServerMessageType.GRADCHECK.wire);
        putId(n, id);
        n.put("samples", samples);
        n.put("epsilon", GradientCheck.DEFAULT_EPSILON);
        ArrayNode layers = n.putArray("layers");
        for (GradientCheck.LayerResult l : r.layers()) {
            ObjectNode o = layers.addObject();
            o.put("layer", l.layer());
            o.put("relativeError", finite(l.relativeError()));
            o.put("maxElementError", finite(l.maxElementError()));
            o.put("verdict", l.verdict());
        }
        return write(n);
    }

    private com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("GoalJson wrote what is not JSON: " + text, e);
        }
    }

    private ArrayNode array(double[] v) {
        ArrayNode a = mapper.createArrayNode();
        for (double x : v) {
            if (Double.isFinite(x)) a.add(x);
            else a.addNull();
        }
        return a;
    }

    private ArrayNode matrix(double[][] rows) {
        ArrayNode a = mapper.createArrayNode();
        for (double[] row : rows) a.add(array(row));
        return a;
    }

    /** JSON has no NaN or ∞: those are null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
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
