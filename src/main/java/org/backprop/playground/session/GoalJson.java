package org.backprop.playground.session;

import java.util.Map;
import org.backprop.playground.state.Msg;

/**
 * The {@code goal} object of frames and {@code state} messages (docs/protocol.md), written once
 * here for both: the goal itself, its progress, and its words and status as messages.
 */
public final class GoalJson {
    private GoalJson() {}

    /** The object, or {@code null} when the session has no goal. */
    public static String text(GoalView v) {
        StringBuilder h = new StringBuilder(400);
        write(h, v);
        return h.toString();
    }

    static void write(StringBuilder h, GoalView v) {
        if (v == null) {
            h.append("null");
            return;
        }
        GoalWords.Status status = GoalWords.status(v);
        h.append("{\"metric\":");
        FrameEncoder.string(h, v.goal().metric().key);
        h.append(",\"comparison\":");
        FrameEncoder.string(h, v.goal().comparison().symbol);
        h.append(",\"value\":");
        FrameEncoder.number(h, v.goal().value());
        h.append(",\"met\":").append(v.met());
        h.append(",\"metAtEpoch\":").append(v.metAtEpoch());
        h.append(",\"metAtSeconds\":");
        optional(h, v.metAtSeconds());
        h.append(",\"best\":");
        optional(h, v.best());
        h.append(",\"now\":");
        optional(h, v.now());
        h.append(",\"budget\":").append(v.budget());
        h.append(",\"budgetEndsAt\":").append(v.budgetEndsAt());
        h.append(",\"budgetSpent\":").append(v.budgetSpent());
        h.append(",\"kind\":");
        FrameEncoder.string(h, status.kind());
        h.append(",\"words\":");
        msg(h, GoalWords.words(v.goal()));
        h.append(",\"status\":");
        msg(h, status.msg());
        h.append('}');
    }

    private static void optional(StringBuilder h, Double v) {
        if (v == null) h.append("null");
        else FrameEncoder.number(h, v);
    }

    /** {"id":…,"params":{name: text or a nested message}}, as Jackson writes a {@link Msg}. */
    private static void msg(StringBuilder h, Msg m) {
        h.append("{\"id\":");
        FrameEncoder.string(h, m.id());
        h.append(",\"params\":{");
        boolean first = true;
        for (Map.Entry<String, Object> e : m.params().entrySet()) {
            if (!first) h.append(',');
            first = false;
            FrameEncoder.string(h, e.getKey());
            h.append(':');
            if (e.getValue() instanceof Msg nested) msg(h, nested);
            else FrameEncoder.string(h, String.valueOf(e.getValue()));
        }
        h.append("}}");
    }
}
