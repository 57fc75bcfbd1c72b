package org.backprop.playground.state;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Turns raw URL text into typed values, each with the one message a user needs when it is wrong. */
final class ValueReaders {
    private ValueReaders() {}

    /** A plain decimal as JavaScript's Number() reads one; no hex, no "Infinity", no trailing 'd'. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final int MAX_NUMBER_CHARS = 400;
    private static final Pattern SEED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static Reading<Double> number(String raw) {
        String s = raw.trim();
        if (s.length() > MAX_NUMBER_CHARS || !DECIMAL.matcher(s).matches()) return Reading.refused("'" + raw + "' is not a number");
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) return Reading.refused("'" + raw + "' is too large to be a number");
        return Reading.ok(v);
    }

    /** A number in [min, max]; outside it is clamped with a message naming the bound. */
    static Reading<Double> decimal(String raw, double min, double max) {
        Reading<Double> n = number(raw);
        if (n.refused()) return n;
        double v = n.value();
        if (v < min) return Reading.clamped(min, plain(v) + " is below the minimum " + plain(min) + "; using " + plain(min));
        if (v > max) return Reading.clamped(max, plain(v) + " is above the maximum " + plain(max) + "; using " + plain(max));
        return Reading.ok(v == 0 ? 0.0 : v); // -0 writes as "-0": keep the canonical form
    }

    /** A whole number in [min, max]; "limit" names what raises max (a server flag) when there is one. */
    static Reading<Integer> integer(String raw, int min, int max, String limit) {
        Reading<Double> n = number(raw);
        if (n.refused()) return Reading.refused(n.message());
        double v = n.value();
        if (v != Math.rint(v)) return Reading.refused(plain(v) + " is not a whole number");
        if (v < min) return Reading.clamped(min, plain(v) + " is below the minimum " + min + "; using " + min);
        if (v > max) {
            return Reading.clamped(max, plain(v) + " is above the " + (limit == null ? "maximum " : limit + " ") + max + "; using " + max);
        }
        return Reading.ok((int) v);
    }

    /** true/false, as TF writes them; 1/0 too. */
    static Reading<Boolean> bool(String raw) {
        return switch (raw.trim().toLowerCase()) {
            case "true", "1" -> Reading.ok(true);
            case "false", "0" -> Reading.ok(false);
            default -> Reading.refused("'" + raw + "' is not true or false");
        };
    }

    /** One of a fixed set of names, through the enum's own parser (its message lists the choices). */
    static <T> Reading<T> choice(String raw, Function<String, T> parse) {
        try {
            return Reading.ok(parse.apply(raw.trim()));
        } catch (IllegalArgumentException e) {
            return Reading.refused(e.getMessage());
        }
    }

    /** TF's seeds are "0.12345"; any short word of letters, digits, '.', '_' or '-' works the same. */
    static Reading<String> seed(String raw) {
        String s = raw.trim();
        if (!SEED.matcher(s).matches()) {
            return Reading.refused("a seed is 1 to 64 letters, digits, '.', '_' or '-', e.g. 0.75361");
        }
        return Reading.ok(s);
    }

    /** Hidden layer sizes, "4,2"; empty means no hidden layer. Too many or too wide is clamped. */
    static Reading<List<Integer>> shape(String raw, PlaygroundLimits limits) {
        String s = raw.trim();
        List<Integer> sizes = new ArrayList<>();
        List<String> clamps = new ArrayList<>();
        if (!s.isEmpty()) {
            String[] parts = s.split(",", -1);
            if (parts.length > limits.maxHiddenLayers()) {
                clamps.add(parts.length + " hidden layers is above the limit of " + limits.maxHiddenLayers()
                        + " (a server flag may raise it); keeping the first " + limits.maxHiddenLayers());
            }
            for (int i = 0; i < parts.length; i++) {
                Reading<Integer> n = integer(parts[i], 1, limits.maxNeurons(), "limit of");
                if (n.refused()) return Reading.refused("layer " + (i + 1) + ": " + n.message() + "; write sizes like 4,2");
                if (i >= limits.maxHiddenLayers()) continue;
                if (!n.clean()) clamps.add("layer " + (i + 1) + ": " + n.message());
                sizes.add(n.value());
            }
        }
        return clamps.isEmpty() ? Reading.ok(sizes) : Reading.clamped(sizes, String.join("; ", clamps));
    }

    /** Largest |value| of an initial parameter (as setWeight's bound). */
    static final double MAX_WEIGHT = 1e6;

    /** Initial parameters: comma-separated finite numbers within ±1e6; empty means none. */
    static Reading<List<Double>> weights(String raw) {
        String s = raw.trim();
        List<Double> values = new ArrayList<>();
        if (s.isEmpty()) return Reading.ok(values);
        String[] parts = s.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            Reading<Double> n = number(parts[i]);
            if (n.refused()) return Reading.refused("value " + (i + 1) + ": " + n.message() + "; write weights like 0.5,-0.3,0.1");
            if (Math.abs(n.value()) > MAX_WEIGHT) {
                return Reading.refused("value " + (i + 1) + ": " + plain(n.value()) + " is beyond ±1000000");
            }
            values.add(n.value() == 0 ? 0.0 : n.value());
        }
        return Reading.ok(values);
    }

    /** Free text shown to people (a title): at most {@code max} characters, no control characters. */
    static Reading<String> text(String raw, int max) {
        String cleaned = raw.replaceAll("\\p{Cntrl}", "");
        List<String> why = new ArrayList<>();
        if (cleaned.length() != raw.length()) why.add("control characters removed");
        if (cleaned.codePointCount(0, cleaned.length()) > max) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, max));
            why.add("shortened to " + max + " characters");
        }
        return why.isEmpty() ? Reading.ok(cleaned) : Reading.clamped(cleaned, String.join("; ", why));
    }

    static Reading<Goal> goal(String raw) {
        if (raw.trim().isEmpty()) return Reading.ok(null);
        try {
            return Reading.ok(Goal.parse(raw));
        } catch (IllegalArgumentException e) {
            return Reading.refused(e.getMessage());
        }
    }

    /** Comma-separated state keys; unknown names are dropped with a message, duplicates collapse. */
    static Reading<List<String>> lock(String raw, List<String> lockable) {
        List<String> names = new ArrayList<>(), unknown = new ArrayList<>();
        for (String part : raw.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) continue;
            if (!lockable.contains(name)) unknown.add(name);
            else if (!names.contains(name)) names.add(name);
        }
        names.sort((a, b) -> lockable.indexOf(a) - lockable.indexOf(b));
        if (unknown.isEmpty()) return Reading.ok(names);
        String shown = String.join(", ", unknown.subList(0, Math.min(3, unknown.size())));
        return Reading.clamped(names, "not state keys, so they cannot be locked: " + shown
                + (unknown.size() > 3 ? " and " + (unknown.size() - 3) + " more" : ""));
    }

    /** The shortest plain decimal for v: 0.03, 10, 0.00001 (never 1.0E-5, which JS reads but people do not). */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
