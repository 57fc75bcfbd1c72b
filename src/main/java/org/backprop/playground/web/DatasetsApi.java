package org.backprop.playground.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import org.backprop.playground.data.DataSplit;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.data.DatasetRequest;
import org.backprop.playground.data.Datasets;
import org.backprop.playground.data.Point;

/**
 * {@code GET /api/datasets/{name}}: the very points the playground trains on for a seed, noise
 * and train ratio, as JSON or CSV, so a NumPy user can load them. Each row is the point's
 * coordinates then its label; the same query always gives the same points.
 */
final class DatasetsApi implements Handler {
    /** The seed when the query has none: a URL without a seed is reproducible too. */
    static final String DEFAULT_SEED = "0";

    static final int DEFAULT_PERC_TRAIN = 50;
    static final int MAX_SEED_LENGTH = 256;

    private final JsonBody json;

    DatasetsApi(JsonBody json) {
        this.json = json;
    }

    @Override
    public void handle(Context ctx) {
        String name = ctx.pathParam("name");
        if (!Dataset.names().contains(name)) {
            throw new ApiException(
                    404,
                    "unknown_dataset",
                    "name",
                    "no dataset called '" + name + "'; use one of " + String.join(", ", Dataset.names()));
        }
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiException.invalid("format", "format must be json or csv, got '" + format + "'");
        }
        DatasetRequest request = readRequest(ctx, name);
        DataSplit split = Datasets.generate(request);
        List<String> columns = columns(split.dataset().inputDim());
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8").result(csv(split, columns));
        } else {
            json.respond(ctx, 200, json(request, split, columns));
        }
    }

    private static DatasetRequest readRequest(Context ctx, String name) {
        String seed = ctx.queryParam("seed") == null ? DEFAULT_SEED : ctx.queryParam("seed");
        if (seed.length() > MAX_SEED_LENGTH) {
            throw ApiException.invalid("seed", "a seed has at most " + MAX_SEED_LENGTH + " characters");
        }
        double noise = ctx.queryParam("noise") == null ? 0 : parseNumber(ctx.queryParam("noise"), "noise");
        int perc = ctx.queryParam("percTrainData") == null
                ? DEFAULT_PERC_TRAIN
                : parseInt(ctx.queryParam("percTrainData"), "percTrainData");
        Integer numClasses =
                ctx.queryParam("numClasses") == null ? null : parseInt(ctx.queryParam("numClasses"), "numClasses");
        Integer numSamples =
                ctx.queryParam("numSamples") == null ? null : parseInt(ctx.queryParam("numSamples"), "numSamples");
        try {
            return new DatasetRequest(name, seed, noise, perc, numClasses, numSamples);
        } catch (IllegalArgumentException e) {
            // the data package's messages start with the field: "noise: must be in 0..50, got 70.0"
            String message = e.getMessage();
            int colon = message.indexOf(':');
            String field = colon > 0 ? message.substring(0, colon) : "";
            throw ApiException.invalid(field, message);
        }
    }

    private static double parseNumber(String text, String field) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw ApiException.wrongType(field, "a finite number", "'" + text + "'");
    }

    private static int parseInt(String text, String field) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.wrongType(field, "an integer", "'" + text + "'");
        }
    }

    /** x, y for 2-D sets; x1..xn otherwise; then the label. */
    static List<String> columns(int dim) {
        List<String> c = new ArrayList<>();
        if (dim == 2) {
            c.add("x");
            c.add("y");
        } else {
            for (int i = 1; i <= dim; i++) c.add("x" + i);
        }
        c.add("label");
        return c;
    }

    private ObjectNode json(DatasetRequest request, DataSplit split, List<String> columns) {
        ObjectNode root = json.mapper().createObjectNode();
        root.put("name", request.name());
        root.put("seed", request.seed());
        if (request.noise() == Math.rint(request.noise())) root.put("noise", (long) request.noise());
        else root.put("noise", request.noise());
        root.put("percTrainData", request.percTrainData());
        root.put("numClasses", split.numClasses());
        root.put("problem", split.dataset().problem().toString().toLowerCase());
        ArrayNode cols = root.putArray("columns");
        columns.forEach(cols::add);
        root.set("train", rows(split.train()));
        root.set("test", rows(split.test()));
        return root;
    }

    private ArrayNode rows(List<Point> points) {
        ArrayNode rows = json.mapper().createArrayNode();
        for (Point p : points) {
            ArrayNode row = rows.addArray();
            for (int i = 0; i < p.dim(); i++) row.add(p.coord(i));
            if (isIntegral(p.label())) row.add((long) p.label());
            else row.add(p.label());
        }
        return rows;
    }

    private static String csv(DataSplit split, List<String> columns) {
        StringBuilder out =
                new StringBuilder("split,").append(String.join(",", columns)).append('\n');
        appendCsv(out, "train", split.train());
        appendCsv(out, "test", split.test());
        return out.toString();
    }

    /** Numbers as Java and Jackson print them, so the CSV and JSON parse to the same doubles. */
    private static void appendCsv(StringBuilder out, String split, List<Point> points) {
        for (Point p : points) {
            out.append(split);
            for (int i = 0; i < p.dim(); i++) out.append(',').append(p.coord(i));
            double label = p.label();
            out.append(',');
            if (isIntegral(label)) out.append((long) label);
            else out.append(label);
            out.append('\n');
        }
    }

    /** Class labels print as 1 and -1, not 1.0. */
    private static boolean isIntegral(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15;
    }
}
