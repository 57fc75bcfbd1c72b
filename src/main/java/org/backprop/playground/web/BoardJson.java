package org.backprop.playground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.backprop.playground.store.Board;
import org.backprop.playground.store.Progress;
import org.backprop.playground.store.Reached;
import org.backprop.playground.store.StudentRow;

/**
 * A board and its rows as the API, the CSV and the teacher's socket give them (docs/api.md
 * "Class boards"): one writer, so the three never differ. Nothing here is markup: the pages set
 * these strings as text.
 */
final class BoardJson {
    static final String CSV_HEADER = "name,joined,left,epoch,metric,best,reachedEpoch,reachedSeconds,state,runUrl";

    private final ObjectMapper mapper;

    BoardJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code /?<state>&exercise=<exercise>&board=<id>}: what students open; never the key. */
    static String studentUrl(Board b) {
        String state = b.exercise().state();
        return "/?" + (state.isEmpty() ? "" : state + "&") + "exercise="
                + b.exercise().id() + "&board=" + b.id();
    }

    static String teacherUrl(Board b, String key) {
        return "/board/" + b.id() + "?key=" + key;
    }

    /** The board, its links (but not its key) and every row. */
    ObjectNode board(Board b, List<StudentRow> rows, Instant now) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", b.id());
        n.put("title", b.exercise().title());
        n.put("state", b.exercise().state());
        n.put("task", b.exercise().task());
        n.put("exercise", b.exercise().id());
        n.put("createdAt", b.createdAt().toString());
        n.put("expiresAt", b.expiresAt().toString());
        n.put("studentUrl", studentUrl(b));
        n.put("shortStudentUrl", ShortLinks.boardLink(b));
        n.put("maxStudents", Classroom.MAX_STUDENTS);
        ArrayNode students = n.putArray("students");
        for (StudentRow r : rows) students.add(row(r, now));
        return n;
    }

    ObjectNode row(StudentRow r, Instant now) {
        Progress p = r.progress();
        ObjectNode n = mapper.createObjectNode();
        n.put("name", r.name());
        n.put("joinedAt", r.joinedAt().toString());
        n.put("leftAt", r.leftAt() == null ? null : r.leftAt().toString());
        n.put("online", r.online(now, Classroom.HELD));
        n.put("epoch", p.epoch());
        n.put("metric", p.metric());
        if (p.best() == null) n.putNull("best");
        else n.put("best", p.best());
        Reached reached = p.reached();
        if (reached == null) {
            n.putNull("reached");
        } else {
            ObjectNode m = n.putObject("reached");
            m.put("epoch", reached.epoch());
            m.put("seconds", reached.seconds());
            m.put("state", reached.state());
            ArrayNode w = m.putArray("weights");
            for (double v : reached.weights()) w.add(v);
        }
        n.put("state", p.state());
        n.put("thumbnail", p.thumbnail());
        n.put("runUrl", runUrl(p));
        return n;
    }

    /** The reached run (its state names its weights then), or the student's settings now. */
    static String runUrl(Progress p) {
        return "/?" + (p.reached() != null ? p.reached().state() : p.state());
    }

    /** The rows as CSV (RFC 4180; a cell a spreadsheet would run as a formula is prefixed with '). */
    static String csv(List<StudentRow> rows) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (StudentRow r : rows) {
            Progress p = r.progress();
            Reached m = p.reached();
            out.append(cell(r.name()))
                    .append(',')
                    .append(r.joinedAt())
                    .append(',')
                    .append(r.leftAt() == null ? "" : r.leftAt().toString())
                    .append(',')
                    .append(p.epoch())
                    .append(',')
                    .append(cell(p.metric() == null ? "" : p.metric()))
                    .append(',')
                    .append(p.best() == null ? "" : String.valueOf(p.best()))
                    .append(',')
                    .append(m == null ? "" : String.valueOf(m.epoch()))
                    .append(',')
                    .append(m == null ? "" : String.valueOf(m.seconds()))
                    .append(',')
                    .append(cell(p.state()))
                    .append(',')
                    .append(cell(runUrl(p)))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String s) {
        // =, +, -, @ first make a spreadsheet evaluate the cell (CSV injection); a nickname may start with '-'
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return safe.matches("[^\",\r\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
