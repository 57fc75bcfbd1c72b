package org.backprop.playground.web;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads from a parsed JSON body, each naming the JSON path it reads, so that every refusal
 * says which field was wrong. Numbers must be JSON numbers and finite; null counts as absent.
 */
final class Fields {
    private Fields() {}

    /** "model" + "layers" -> "model.layers"; the root path is "". */
    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** The member {@code name} of the object at {@code path}, or null when absent or JSON null. */
    static JsonNode optional(JsonNode object, String name) {
        JsonNode n = object.get(name);
        return n == null || n.isNull() ? null : n;
    }

    static JsonNode required(JsonNode object, String path, String name) {
        JsonNode n = optional(object, name);
        if (n == null) throw ApiException.missing(child(path, name));
        return n;
    }

    static JsonNode object(JsonNode node, String path) {
        if (node == null) throw ApiException.missing(path);
        if (!node.isObject()) throw ApiException.wrongType(path, "an object", describe(node));
        return node;
    }

    static JsonNode array(JsonNode node, String path) {
        if (!node.isArray()) throw ApiException.wrongType(path, "an array", describe(node));
        return node;
    }

    static String string(JsonNode node, String path) {
        if (!node.isTextual()) throw ApiException.wrongType(path, "a string", describe(node));
        return node.textValue();
    }

    static boolean bool(JsonNode node, String path) {
        if (!node.isBoolean()) throw ApiException.wrongType(path, "true or false", describe(node));
        return node.booleanValue();
    }

    /** A finite JSON number (1e400 parses to infinity and is refused here). */
    static double number(JsonNode node, String path) {
        if (!node.isNumber()) {
            String hint = node.isTextual() ? " (NaN and Infinity are not JSON numbers)" : "";
            throw ApiException.wrongType(path, "a number" + hint, describe(node));
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw new ApiException(
                    400,
                    "not_finite",
                    path,
                    ApiException.quote(path) + " must be a finite number, got " + node.asText());
        }
        return v;
    }

    /** An integral number (3 or 3.0) in [min, max]; the range error is 413 when {@code sizeLimit}. */
    static int integer(JsonNode node, String path, int min, int max, boolean sizeLimit) {
        double v = number(node, path);
        if (v != Math.rint(v)) throw ApiException.wrongType(path, "an integer", node.asText());
        if (v < min || v > max) {
            String message =
                    ApiException.quote(path) + " must be between " + min + " and " + max + ", got " + node.asText();
            throw v > max && sizeLimit ? ApiException.tooLarge(path, message) : ApiException.invalid(path, message);
        }
        return (int) v;
    }

    /** A number ≥ 0. */
    static double nonNegative(JsonNode node, String path) {
        double v = number(node, path);
        if (v < 0) throw ApiException.invalid(path, ApiException.quote(path) + " must be ≥ 0, got " + node.asText());
        return v;
    }

    /** An array of exactly {@code length} finite numbers. */
    static double[] vector(JsonNode node, String path, int length) {
        array(node, path);
        if (node.size() != length) {
            throw ApiException.shape(
                    path, ApiException.quote(path) + " must have " + length + " values, got " + node.size());
        }
        double[] v = new double[length];
        for (int i = 0; i < length; i++) v[i] = number(node.get(i), index(path, i));
        return v;
    }

    /** An array of {@code rows} rows (any count when rows < 0) of {@code cols} numbers each. */
    static double[][] matrix(JsonNode node, String path, int rows, int cols) {
        array(node, path);
        if (rows >= 0 && node.size() != rows) {
            throw ApiException.shape(
                    path, ApiException.quote(path) + " must have " + rows + " rows, got " + node.size());
        }
        double[][] m = new double[node.size()][];
        for (int r = 0; r < m.length; r++) m[r] = vector(node.get(r), index(path, r), cols);
        return m;
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL, MISSING -> "null";
            default -> node.getNodeType().toString().toLowerCase();
        };
    }
}
