package org.backprop.playground.state;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
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
        if (s.length() > MAX_NUMBER_CHARS || !DECIMAL.matcher(s).matches())
            return Reading.refused(Msg.of("state.notANumber", "value", raw));
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) return Reading.refused(Msg.of("state.tooLarge", "value", raw));
        return Reading.ok(v);
    }

    /** A number in [min, max]; outside it is clamped with a message naming the bound. */
    static Reading<Double> decimal(String raw, double min, double max) {
        Reading<Double> n = number(raw);
        if (n.refused()) return n;
        double v = n.value();
        if (v < min) return Reading.clamped(min, Msg.of("state.belowMin", "value", plain(v), "min", plain(min)));
        if (v > max) return Reading.clamped(max, Msg.of("state.aboveMax", "value", plain(v), "max", plain(max)));
        return Reading.ok(v == 0 ? 0.0 : v); // -0 writes as "-0": keep the canonical form
    }

    /** A whole number in [min, max]; "limit" names what raises max (a server flag) when there is one. */
    static Reading<Integer> integer(String raw, int min, int max, String limit) {
        Reading<Double> n = number(raw);
        if (n.refused()) return Reading.refused(n.msg());
        double v = n.value();
        if (v != Math.rint(v)) return Reading.refused(Msg.of("state.notWhole", "value", plain(v)));
        if (v < min) return Reading.clamped(min, Msg.of("state.belowMin", "value", plain(v), "min", min));
        if (v > max) {
            Msg msg = limit == null
                    ? Msg.of("state.aboveMax", "value", plain(v), "max", max)
                    : Msg.of("state.aboveLimit", "value", plain(v), "max", max);
            return Reading.clamped(max, msg);
        }
        return Reading.ok((int) v);
    }

    /** true/false, as TF writes them; 1/0 too. */
    static Reading<Boolean> bool(String raw) {
        return switch (raw.trim().toLowerCase()) {
            case "true", "1" -> Reading.ok(true);
            case "false", "0" -> Reading.ok(false);
            default -> Reading.refused(Msg.of("state.notBoolean", "value", raw));
        };
    }

    /** One of a fixed set of names, through the enum's own parser (its message lists the choices). */
    static <T> Reading<T> choice(String raw, Function<String, T> parse) {
        try {
            return Reading.ok(parse.apply(raw.trim()));
        } catch (IllegalArgumentException e) {
            return Reading.refused(failure(e, raw));
        }
    }

    /** The tail of a parser's "unknown x 'y'; use one of a, b" message: the choices. */
    private static final Pattern CHOICES = Pattern.compile("(?:; use one of|expected one of|; use) (.+)$");

    /** A parser's refusal as words: its own when it has them, else "unknown value, use one of …". */
    static Msg failure(IllegalArgumentException e, String raw) {
        if (e instanceof Msg.Failure f) return f.msg();
        Matcher m = CHOICES.matcher(String.valueOf(e.getMessage()));
        return Msg.of("state.unknownChoice", "value", raw.trim(), "choices", m.find() ? m.group(1) : "");
    }

    /** TF's seeds are "0.12345"; any short word of letters, digits, '.', '_' or '-' works the same. */
    static Reading<String> seed(String raw) {
        String s = raw.trim();
        if (!SEED.matcher(s).matches()) {
            return Reading.refused(Msg.of("state.badSeed"));
        }
        return Reading.ok(s);
    }

    /**
     * Hidden layer sizes, "4,2", before the data set is known (a {@code set} reads its keys in any
     * order): a layer may be as wide as a set without a 2-D map allows
     * ({@link PlaygroundLimits#maxNeuronsWithoutMap()}); the narrower limit of a 2-D set is then
     * {@link Compatibility}'s to enforce. A URL or config reads the shape last, with its set's limit.
     */
    static Reading<List<Integer>> shape(String raw, PlaygroundLimits limits) {
        return shape(raw, limits, limits.maxNeuronsWithoutMap());
    }

    /**
     * Hidden layer sizes, "4,2", at most {@code maxNeurons} per layer; empty means no hidden layer.
     * Too many or too wide is clamped. Below the map-less limit, the message says the limit is that
     * of a set drawn as a 2-D map.
     */
    static Reading<List<Integer>> shape(String raw, PlaygroundLimits limits, int maxNeurons) {
        String s = raw.trim();
        List<Integer> sizes = new ArrayList<>();
        List<Msg> clampMsgs = new ArrayList<>();
        if (!s.isEmpty()) {
            String[] parts = s.split(",", -1);
            if (parts.length > limits.maxHiddenLayers()) {
                clampMsgs.add(Msg.of("state.tooManyLayers", "count", parts.length, "max", limits.maxHiddenLayers()));
            }
            for (int i = 0; i < parts.length; i++) {
                Reading<Integer> n = integer(parts[i], 1, maxNeurons, "limit of");
                if (n.refused()) {
                    return Reading.refused(Msg.of("state.badLayer", "layer", i + 1, "reason", n.msg()));
                }
                if (!n.clean()
                        && maxNeurons < limits.maxNeuronsWithoutMap()
                        && number(parts[i]).value() > maxNeurons) {
                    String asked = plain(number(parts[i]).value());
                    n = Reading.clamped(
                            maxNeurons,
                            Msg.of(
                                    "state.aboveMapLimit",
                                    "value",
                                    asked,
                                    "max",
                                    maxNeurons,
                                    "mapless",
                                    limits.maxNeuronsWithoutMap()));
                }
                if (i >= limits.maxHiddenLayers()) continue;
                if (!n.clean()) {
                    clampMsgs.add(Msg.of("state.layer", "layer", i + 1, "reason", n.msg()));
                }
                sizes.add(n.value());
            }
        }
        return clampMsgs.isEmpty() ? Reading.ok(sizes) : Reading.clamped(sizes, join(clampMsgs));
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
            if (n.refused()) {
                return Reading.refused(Msg.of("state.badWeight", "index", i + 1, "reason", n.msg()));
            }
            if (Math.abs(n.value()) > MAX_WEIGHT) {
                return Reading.refused(Msg.of("state.weightTooLarge", "index", i + 1, "value", plain(n.value())));
            }
            values.add(n.value() == 0 ? 0.0 : n.value());
        }
        return Reading.ok(values);
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{0,64}");

    /** An exercise's or a board's id: URL-safe base64 (blank is none). */
    static Reading<String> token(String raw) {
        String s = raw.trim();
        return TOKEN.matcher(s).matches() ? Reading.ok(s) : Reading.refused(Msg.of("state.badId", "value", raw));
    }

    /** Free text shown to people (a title): at most {@code max} characters, no control characters. */
    static Reading<String> text(String raw, int max) {
        return text(raw, max, "\\p{Cntrl}");
    }

    private static Reading<String> text(String raw, int max, String removed) {
        String cleaned = raw.replaceAll(removed, "");
        List<Msg> whyMsgs = new ArrayList<>();
        if (cleaned.length() != raw.length()) {
            whyMsgs.add(Msg.of("state.controlRemoved"));
        }
        if (cleaned.codePointCount(0, cleaned.length()) > max) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, max));
            whyMsgs.add(Msg.of("state.shortened", "max", max));
        }
        return whyMsgs.isEmpty() ? Reading.ok(cleaned) : Reading.clamped(cleaned, join(whyMsgs));
    }

    /**
     * Text of several lines (a task): {@code \r\n} and {@code \r} become {@code \n}, a tab a space,
     * then as {@link #text} but keeping the line breaks.
     */
    static Reading<String> lines(String raw, int max) {
        return text(raw.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' '), max, "[\\p{Cntrl}&&[^\\n]]");
    }

    static Reading<Goal> goal(String raw) {
        if (raw.trim().isEmpty()) return Reading.ok(null);
        try {
            return Reading.ok(Goal.parse(raw));
        } catch (IllegalArgumentException e) {
            return Reading.refused(failure(e, raw));
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
        Msg msg = unknown.size() > 3
                ? Msg.of("state.notLockableMore", "keys", shown, "more", unknown.size() - 3)
                : Msg.of("state.notLockable", "keys", shown);
        return Reading.clamped(names, msg);
    }

    /** Several messages as one, "a; b", in the order given. */
    static Msg join(List<Msg> msgs) {
        Msg joined = msgs.get(0);
        for (Msg next : msgs.subList(1, msgs.size())) joined = Msg.of("join", "first", joined, "second", next);
        return joined;
    }

    /** The shortest plain decimal for v: 0.03, 10, 0.00001 (never 1.0E-5, which JS reads but people do not). */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
