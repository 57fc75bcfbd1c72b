package org.backprop.playground.state;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that reads and writes the playground state. Text comes from a URL (query string or
 * TF-style hash fragment) or a JSON {@code config}/{@code set} message; it goes back out as a
 * canonical query string or as a map for JSON. Reading a whole state is forgiving, as a shared link
 * must open: unknown keys are ignored, a bad value falls back to its default and a value beyond a
 * limit is clamped, each with a {@link Warning}. Applying a partial {@code set} is strict: any bad,
 * over-limit, locked or conflicting value refuses the whole change with {@link FieldError}s.
 */
public final class StateCodec {
    /** Pairs read from one text; a link has ~30. */
    static final int MAX_PAIRS = 512;
    /** Characters of one value; the longest sane one (a title) is 200. */
    static final int MAX_VALUE_CHARS = 4096;
    /** The weights' value: the largest network's numbers (6 × 32 neurons on 16 inputs, ~120,000 characters) and room. */
    static final int MAX_WEIGHTS_CHARS = 1 << 20;
    /** The points' value: {@link CustomPoints#MAX_POINTS} regression points (7 bytes each) in base64, and a little room. */
    static final int MAX_POINTS_CHARS = 20_000;
    /** Keys whose change means other data: a person's own points go with them (they were drawn on that set). */
    static final List<String> DATA_SET_KEYS = List.of("dataset", "regDataset", "problem", "numClasses");

    static final int MAX_WARNINGS = 32;
    static final int MAX_HIDDEN_CONTROLS = 64;
    private static final Pattern CONTROL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");

    private final PlaygroundLimits limits;

    public StateCodec(PlaygroundLimits limits) {
        this.limits = limits;
    }

    public PlaygroundLimits limits() {
        return limits;
    }

    private static final String SHAPE = "networkShape";

    /** A lenient read's warning for one value: a refusal falls back to the default, a clamp says what it kept. */
    private static void warn(Warnings warnings, Key<?> key, String raw, Reading<?> r) {
        if (r.refused()) {
            warnings.add(key.name(), raw, Msg.of("state.usingDefault", "reason", r.msg(), "default", defaultText(key)));
        } else if (!r.clean()) {
            warnings.add(key.name(), raw, r.msg());
        }
    }

    /** Reads a query string, a hash fragment ({@code #activation=tanh&...}) or a URL holding either. */
    public Parsed parse(String text) {
        Warnings warnings = new Warnings();
        List<String> undecodable = new ArrayList<>();
        List<UrlText.Pair> pairs = UrlText.pairs(text == null ? "" : text, undecodable);
        for (String raw : undecodable) warnings.add(null, raw, Msg.of("state.badEncoding"));
        if (pairs.size() > MAX_PAIRS) {
            warnings.add(null, null, Msg.of("state.tooManyKeys", "count", pairs.size(), "max", MAX_PAIRS));
            pairs = pairs.subList(0, MAX_PAIRS);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> repeated = new HashSet<>();
        for (UrlText.Pair p : pairs) {
            if (values.containsKey(p.name()) && repeated.add(p.name())) {
                warnings.add(p.name(), p.value(), Msg.of("state.repeated"));
            }
            values.remove(p.name()); // re-insert so iteration order is the order the values won
            values.put(p.name(), p.value());
        }
        return read(values, warnings);
    }

    /**
     * A query's (or hash's) values by key as {@link #parse(String)} reads them, the last given
     * winning; pairs that do not decode are left out (parsing the text warns of them).
     */
    public static Map<String, String> values(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (UrlText.Pair p : UrlText.pairs(text == null ? "" : text, new ArrayList<>())) {
            if (p.value() != null) values.put(p.name(), p.value());
        }
        return values;
    }

    /** {@code &name=value} as a link writes it, for a value filled into a query. */
    public static String queryPair(String name, Object value) {
        return "&" + UrlText.encode(name) + "=" + UrlText.encode(toText(value));
    }

    /** Reads a {@code config} message's state: the same keys, values as JSON scalars or lists. */
    public Parsed parse(Map<String, ?> values) {
        Warnings warnings = new Warnings();
        Map<String, String> text = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (e.getValue() == null) continue;
            String raw = toText(e.getValue());
            if (raw == null) warnings.add(e.getKey(), null, Msg.of("state.notScalarDefault"));
            else text.put(e.getKey(), raw);
        }
        return read(text, warnings);
    }

    private Parsed read(Map<String, String> values, Warnings warnings) {
        StateBuilder b = PlaygroundState.defaults().toBuilder();
        String shape = null; // read last: how wide a layer may be depends on the data set
        for (Map.Entry<String, String> e : values.entrySet()) {
            String name = e.getKey(), raw = e.getValue();
            if (name.endsWith(StateKeys.HIDE_SUFFIX)) {
                Reading<Boolean> problem = hide(b, name, raw);
                if (problem != null) warnings.add(name, raw, problem.msg());
                continue;
            }
            if (StateKeys.UNOFFERED_FEATURES.contains(name)) {
                if (raw != null && ValueReaders.bool(raw).value() == Boolean.TRUE) {
                    warnings.add(name, raw, Msg.of("state.notOffered", "key", name));
                }
                continue;
            }
            Key<?> key = StateKeys.BY_NAME.get(name);
            if (key == null || raw == null || (raw.isBlank() && !key.blankIsValue())) continue; // TF: absent
            if (raw.length() > maxChars(name)) {
                warnings.add(
                        name,
                        raw,
                        Msg.of(
                                "state.usingDefault",
                                "reason",
                                Msg.of("state.tooLong", "length", raw.length()),
                                "default",
                                defaultText(key)));
                continue;
            }
            if (name.equals(SHAPE)) {
                shape = raw;
                continue;
            }
            warn(warnings, key, raw, readInto(key, raw, b));
        }
        if (shape != null) {
            Reading<List<Integer>> r = ValueReaders.shape(shape, limits, limits.maxNeuronsFor(b.build()));
            if (!r.refused()) b.networkShape = new ArrayList<>(r.value());
            warn(warnings, StateKeys.BY_NAME.get(SHAPE), shape, r);
        }
        PlaygroundState state = b.build();
        // a fix may expose another conflict (a loss fixed, then a goal); there are only a few kinds
        for (int round = 0; round < 4; round++) {
            List<Compatibility.Conflict> conflicts = Compatibility.find(state, limits);
            if (conflicts.isEmpty()) break;
            StateBuilder fixed = state.toBuilder();
            for (Compatibility.Conflict c : conflicts) {
                c.fix().accept(fixed);
                warnings.add(DependentChanges.changedTo(c.key(), c.msg(), valueText(c.key(), fixed.build())));
            }
            state = fixed.build();
        }
        return new Parsed(state, warnings.list());
    }

    /**
     * Applies a partial state, as the {@code set} message sends it. Every key is validated as a URL
     * value is; anything a URL would only warn about is refused here, and so is a key the
     * exercise locked. One refusal refuses the whole change. What the change forces on keys it
     * does not name is applied too, with a warning each ({@link DependentChanges}).
     */
    public Update apply(PlaygroundState current, Map<String, ?> changes) {
        List<FieldError> errors = new ArrayList<>();
        StateBuilder b = current.toBuilder();
        List<String> touched = new ArrayList<>();
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            String name = e.getKey();
            String raw = e.getValue() == null ? null : toText(e.getValue());
            if (raw == null) {
                errors.add(new FieldError(FieldError.BAD_VALUE, name, Msg.of("state.notScalar", "key", name)));
                continue;
            }
            if (name.endsWith(StateKeys.HIDE_SUFFIX)) {
                if (!ValueReaders.bool(raw).clean()) {
                    errors.add(new FieldError(FieldError.BAD_VALUE, name, Msg.of("state.hideBoolean", "key", name)));
                    continue;
                }
                Reading<Boolean> problem = hide(b, name, raw);
                if (problem != null) {
                    errors.add(new FieldError(
                            FieldError.BAD_VALUE,
                            name,
                            Msg.of("state.keyReason", "key", name, "reason", problem.msg())));
                }
                continue;
            }
            Key<?> key = StateKeys.BY_NAME.get(name);
            if (key == null) {
                errors.add(new FieldError(
                        FieldError.UNKNOWN_KEY,
                        name,
                        Msg.of(
                                "state.unknownKey",
                                "key",
                                name,
                                "keys",
                                String.join(
                                        ", ",
                                        StateKeys.BY_NAME.keySet().stream()
                                                .sorted()
                                                .toList()))));
                continue;
            }
            if (current.lock().contains(name)
                    || (name.equals("lock") && !current.lock().isEmpty())) {
                errors.add(new FieldError(FieldError.LOCKED, name, Msg.of("state.locked", "key", name)));
                continue;
            }
            if (raw.isBlank() && !key.blankIsValue()) {
                errors.add(new FieldError(
                        FieldError.BAD_VALUE,
                        name,
                        Msg.of("state.emptyValue", "key", name, "default", defaultText(key))));
                continue;
            }
            if (raw.length() > maxChars(name)) {
                errors.add(new FieldError(
                        FieldError.BAD_VALUE,
                        name,
                        Msg.of(
                                "state.keyReason",
                                "key",
                                name,
                                "reason",
                                Msg.of("state.tooLong", "length", raw.length()))));
                continue;
            }
            Reading<?> r = readInto(key, raw, b);
            if (!r.clean()) {
                errors.add(new FieldError(
                        FieldError.BAD_VALUE, name, Msg.of("state.keyReason", "key", name, "reason", r.msg())));
            } else {
                touched.add(name);
            }
        }
        if (!errors.isEmpty()) return new Update(current, List.of(), errors);
        // a live change of shape, features or data set leaves initial weights that no longer fit: drop them
        if (!touched.contains("weights") && !b.weights.isEmpty()) {
            PlaygroundState probe = b.build();
            if (probe.weights().size() != probe.parameterCount()) {
                b.weights = List.of();
                b.run = ""; // the run named those weights
            }
        }
        // weights set by number are no stored run's
        if (touched.contains("weights") && !touched.contains("run")) b.run = "";
        // points set as points are no stored data set's
        if (touched.contains("points") && !touched.contains("data")) b.data = "";
        // picking a data set (the one shown too) means its own points: a person's points go, unless locked
        if (!touched.contains("points") && b.points != null) {
            String picked =
                    touched.stream().filter(DATA_SET_KEYS::contains).findFirst().orElse(null);
            if (picked != null) {
                if (current.lock().contains("points")) {
                    return new Update(
                            current,
                            List.of(),
                            List.of(new FieldError(
                                    FieldError.LOCKED, picked, Msg.of("state.pointsLocked", "key", picked))));
                }
                b.points = null;
                b.data = "";
            }
        }
        // a set that clears the goal clears its budget with it (a dependent change, reported in changed)
        if (touched.contains("goal") && b.goal == null && !touched.contains("goalEpochs")) b.goalEpochs = 0;
        DependentChanges.Result fixed = DependentChanges.resolve(b.build(), touched, current.lock(), limits);
        if (!fixed.errors().isEmpty()) return new Update(current, List.of(), fixed.errors());
        PlaygroundState next = fixed.state();
        return new Update(next, changedKeys(current, next), List.of(), fixed.warnings());
    }

    /** The keys whose value differs between two states, hide keys included, in writing order. */
    public static List<String> changedKeys(PlaygroundState a, PlaygroundState b) {
        List<String> changed = new ArrayList<>();
        for (Key<?> key : StateKeys.ALL) if (key.differs(a, b)) changed.add(key.name());
        Set<String> hides = new HashSet<>(a.hiddenControls());
        hides.addAll(b.hiddenControls());
        for (String control : hides) {
            if (a.hiddenControls().contains(control) != b.hiddenControls().contains(control)) {
                changed.add(control + StateKeys.HIDE_SUFFIX);
            }
        }
        return changed;
    }

    private static int maxChars(String key) {
        return switch (key) {
            case "weights" -> MAX_WEIGHTS_CHARS;
            case "points" -> MAX_POINTS_CHARS;
            default -> MAX_VALUE_CHARS;
        };
    }

    /** Whether a key is left out when written: weights a stored run names ({@code run}) go as its id, points a stored data set names ({@code data}) as its. */
    private static boolean unwritten(Key<?> key, PlaygroundState state) {
        return key.name().equals("weights") && !state.run().isEmpty()
                || key.name().equals("points") && !state.data().isEmpty();
    }

    /** The canonical query string (no leading '?'): TF's keys in TF's order, hidden controls, then ours. */
    public String write(PlaygroundState state) {
        StringBuilder out = new StringBuilder();
        for (Key<?> key : StateKeys.ALL) {
            if (unwritten(key, state)) continue;
            String text = key.write(state);
            if (text != null) append(out, key.name(), text);
            if (key.name().equals("hideText")) {
                for (String control : state.hiddenControls()) append(out, control + StateKeys.HIDE_SUFFIX, "true");
            }
        }
        return out.toString();
    }

    /** The state as JSON-ready values (strings, numbers, booleans, lists), every key present, in writing order. */
    public Map<String, Object> toMap(PlaygroundState state) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Key<?> key : StateKeys.ALL) {
            // a stored run's weights are left out (a large network's are ~120,000 characters); points never are
            boolean left = unwritten(key, state) && key.name().equals("weights");
            map.put(key.name(), left ? List.of() : key.json(state));
            if (key.name().equals("hideText")) {
                for (String control : state.hiddenControls()) map.put(control + StateKeys.HIDE_SUFFIX, true);
            }
        }
        return map;
    }

    /** Every key's name, in writing order (hide keys aside): what {@code lock} and {@code set} accept. */
    public static List<String> keyNames() {
        return StateKeys.ALL.stream().map(Key::name).toList();
    }

    private static void append(StringBuilder out, String name, String value) {
        if (out.length() > 0) out.append('&');
        out.append(UrlText.encode(name)).append('=').append(UrlText.encode(value));
    }

    private <T> Reading<T> readInto(Key<T> key, String raw, StateBuilder b) {
        Reading<T> r = key.read(raw, limits);
        if (!r.refused()) key.set(b, r.value());
        return r;
    }

    /** TF's {@code <control>_hide=true}: "true" hides, "false" shows; returns what is wrong, or null. */
    private static Reading<Boolean> hide(StateBuilder b, String name, String raw) {
        String control = name.substring(0, name.length() - StateKeys.HIDE_SUFFIX.length());
        if (!CONTROL_NAME.matcher(control).matches()) {
            return Reading.refused(Msg.of("state.notControl", "control", control));
        }
        Reading<Boolean> on = ValueReaders.bool(raw == null ? "" : raw);
        if (on.refused()) return Reading.refused(Msg.of("state.hideHow", "key", name));
        if (!on.value()) {
            b.hiddenControls.remove(control);
        } else if (b.hiddenControls.size() >= MAX_HIDDEN_CONTROLS && !b.hiddenControls.contains(control)) {
            return Reading.refused(Msg.of("state.tooManyHidden", "max", MAX_HIDDEN_CONTROLS));
        } else {
            b.hiddenControls.add(control);
        }
        return null; // done: no message
    }

    /** A JSON value as URL text: lists join with ',' (networkShape [4,2] is "4,2"); null when not a scalar or list. */
    static String toText(Object value) {
        if (value instanceof String s) return s;
        if (value instanceof Boolean bool) return bool.toString();
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof BigInteger
                || value instanceof BigDecimal
                || value instanceof Double
                || value instanceof Float) {
            double d = ((Number) value).doubleValue(); // a 1e999 literal becomes Infinity and is refused below
            return Double.isFinite(d) ? ValueReaders.plain(d) : "Infinity";
        }
        Collection<?> items =
                value instanceof Collection<?> c ? c : value instanceof Object[] array ? List.of(array) : null;
        if (items == null) return null;
        List<String> parts = new ArrayList<>();
        for (Object item : items) {
            if (item == null || item instanceof Collection<?> || item instanceof Map<?, ?>) return null;
            String t = toText(item);
            if (t == null) return null;
            parts.add(t);
        }
        return String.join(",", parts);
    }

    private static String defaultText(Key<?> key) {
        String text = key.write(PlaygroundState.defaults());
        return text == null || text.isEmpty() ? "(none)" : text;
    }

    /** A key's value as a warning quotes it: its URL text, else its JSON word (outputActivation's "auto"), else "none". */
    /** The {@code weights} value as a link writes it (whether or not a run names them), or "" for none. */
    public static String weightsValue(PlaygroundState state) {
        String text = StateKeys.BY_NAME.get("weights").write(state);
        return text == null ? "" : text;
    }

    static String valueText(String name, PlaygroundState state) {
        Key<?> key = StateKeys.BY_NAME.get(name);
        String text = key == null ? null : key.write(state);
        if ((text == null || text.isEmpty()) && key != null && key.json(state) instanceof String word) text = word;
        return text == null || text.isEmpty() ? "none" : text;
    }

    /** Warnings in order, capped so a hostile URL cannot make the reply large. */
    private static final class Warnings {
        private final List<Warning> list = new ArrayList<>();
        private int dropped;

        void add(String key, String value, Msg detail) {
            add(new Warning(key, value, detail));
        }

        void add(Warning w) {
            if (list.size() < MAX_WARNINGS) list.add(w);
            else dropped++;
        }

        List<Warning> list() {
            if (dropped == 0) return list;
            List<Warning> all = new ArrayList<>(list);
            all.add(new Warning(null, null, Msg.of("state.moreWarnings", "count", dropped)));
            return all;
        }
    }
}
