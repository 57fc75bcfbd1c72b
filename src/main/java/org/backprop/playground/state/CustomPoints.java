package org.backprop.playground.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.data.Domain;
import org.backprop.playground.data.Point;
import org.backprop.playground.data.ProblemKind;

/**
 * A person's own 2-D points: the {@code points} key (docs/protocol.md §1 "Your own data"). Each
 * point is its x and y on a 16-bit grid over the data set's domain, its split (train or test) and
 * its label: a class (0…3) or a value in [{@value #MIN_VALUE}, {@value #MAX_VALUE}] on a 16-bit grid.
 * Written as URL-safe base64 (no padding) of one kind byte ({@code 1} classes, {@code 2} values) and
 * then 5 bytes a point for classes (x u16, y u16, flags u8: bit 7 test, bits 0–6 the class) or 7 for
 * values (x, y, flags, value u16), big-endian: 200 two-class points take 1,336 characters.
 * Immutable, with value semantics (a state's equality, a data cache's key).
 */
public final class CustomPoints {
    /** Points a set may hold: the cap of {@code addPoint} and of an import. */
    public static final int MAX_POINTS = 2000;
    /** Above this many points a state's link names a stored data set ({@code data=<id>}) instead of the points. */
    public static final int LINK_POINTS = 200;
    /** The regression values a point may have (TF's sets lie in ±1.8 with full noise). */
    public static final double MIN_VALUE = -2, MAX_VALUE = 2;
    /** The 16-bit grid: 65,536 positions, ends included. */
    static final int STEPS = 65535;

    private static final int CLASS_BYTES = 5, VALUE_BYTES = 7, TEST = 0x80;

    /** Classes (a label 0…K−1; two classes are −1 and +1 on the wire) or values (regression). */
    public enum Kind {
        CLASSES(1, CLASS_BYTES),
        VALUES(2, VALUE_BYTES);
        final int tag, bytes;

        Kind(int tag, int bytes) {
            this.tag = tag;
            this.bytes = bytes;
        }

        /** The kind a task's points are. */
        public static Kind of(ProblemKind task) {
            return task == ProblemKind.REGRESSION ? VALUES : CLASSES;
        }
    }

    private final Kind kind;
    // per point: grid x, grid y, the class or the grid value, and whether it tests
    private final int[] gx, gy, code;
    private final boolean[] test;

    private CustomPoints(Kind kind, int[] gx, int[] gy, int[] code, boolean[] test) {
        this.kind = kind;
        this.gx = gx;
        this.gy = gy;
        this.code = code;
        this.test = test;
    }

    /** A set of no points yet (what "clear" leaves: an empty map to draw on). */
    public static CustomPoints empty(Kind kind) {
        return new CustomPoints(kind, new int[0], new int[0], new int[0], new boolean[0]);
    }

    /**
     * A generated set's points as a custom set, to edit (the first point added to a generated set
     * starts from the points shown): train and test kept; a fixed set's points (train and test at
     * once) train. At most {@link #MAX_POINTS}: the rest go.
     */
    public static CustomPoints of(Dataset set, List<Point> train, List<Point> test) {
        Kind kind = Kind.of(set.problem());
        List<Point> tests = set.isFixed() ? List.of() : test;
        int n = Math.min(MAX_POINTS, train.size() + tests.size());
        int[] gx = new int[n], gy = new int[n], code = new int[n];
        boolean[] t = new boolean[n];
        Domain d = set.domain();
        for (int i = 0; i < n; i++) {
            Point p = i < train.size() ? train.get(i) : tests.get(i - train.size());
            gx[i] = grid(p.x(), d.min(), d.max());
            gy[i] = grid(p.y(), d.min(), d.max());
            code[i] = codeOf(kind, set.problem(), p.label());
            t[i] = i >= train.size();
        }
        return new CustomPoints(kind, gx, gy, code, t);
    }

    /** The text of the {@code points} key, or a refusal saying what is wrong with it. */
    static Reading<CustomPoints> read(String raw) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(raw.trim());
        } catch (IllegalArgumentException e) {
            return Reading.refused(Msg.of("state.pointsNotBase64"));
        }
        if (bytes.length == 0 || (bytes[0] != Kind.CLASSES.tag && bytes[0] != Kind.VALUES.tag)) {
            return Reading.refused(Msg.of("state.pointsKind"));
        }
        Kind kind = bytes[0] == Kind.CLASSES.tag ? Kind.CLASSES : Kind.VALUES;
        int body = bytes.length - 1;
        if (body % kind.bytes != 0) return Reading.refused(Msg.of("state.pointsLength", "bytes", kind.bytes));
        int n = body / kind.bytes;
        if (n > MAX_POINTS) return Reading.refused(Msg.of("state.tooManyPoints", "count", n, "max", MAX_POINTS));
        int[] gx = new int[n], gy = new int[n], code = new int[n];
        boolean[] test = new boolean[n];
        for (int i = 0, at = 1; i < n; i++, at += kind.bytes) {
            gx[i] = u16(bytes, at);
            gy[i] = u16(bytes, at + 2);
            int flags = bytes[at + 4] & 0xff;
            test[i] = (flags & TEST) != 0;
            if (kind == Kind.CLASSES) {
                code[i] = flags & ~TEST;
                if (code[i] >= Dataset.MAX_CLASSES) {
                    return Reading.refused(Msg.of("state.pointsClass", "index", i, "value", code[i]));
                }
            } else {
                if ((flags & ~TEST) != 0) return Reading.refused(Msg.of("state.pointsFlags", "index", i));
                code[i] = u16(bytes, at + 5);
            }
        }
        return Reading.ok(new CustomPoints(kind, gx, gy, code, test));
    }

    /** The {@code points} key's text. */
    public String text() {
        byte[] bytes = new byte[1 + size() * kind.bytes];
        bytes[0] = (byte) kind.tag;
        for (int i = 0, at = 1; i < size(); i++, at += kind.bytes) {
            put16(bytes, at, gx[i]);
            put16(bytes, at + 2, gy[i]);
            int flags = test[i] ? TEST : 0;
            if (kind == Kind.CLASSES) {
                bytes[at + 4] = (byte) (flags | code[i]);
            } else {
                bytes[at + 4] = (byte) flags;
                put16(bytes, at + 5, code[i]);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Kind kind() {
        return kind;
    }

    public int size() {
        return gx.length;
    }

    public int testCount() {
        int n = 0;
        for (boolean t : test) if (t) n++;
        return n;
    }

    /** The highest class a point has, or −1 (no points, or values). */
    public int highestClass() {
        if (kind != Kind.CLASSES) return -1;
        int max = -1;
        for (int c : code) max = Math.max(max, c);
        return max;
    }

    /** The training points over {@code domain}, labelled as {@code task}'s points are (two classes ±1). */
    public List<Point> train(Domain domain, ProblemKind task) {
        return points(false, domain, task);
    }

    public List<Point> test(Domain domain, ProblemKind task) {
        return points(true, domain, task);
    }

    private List<Point> points(boolean tests, Domain d, ProblemKind task) {
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (test[i] != tests) continue;
            double label = kind == Kind.VALUES
                    ? value(code[i], MIN_VALUE, MAX_VALUE)
                    : task == ProblemKind.BINARY ? (code[i] == 0 ? -1 : 1) : code[i];
            out.add(Point.of(value(gx[i], d.min(), d.max()), value(gy[i], d.min(), d.max()), label));
        }
        return List.copyOf(out);
    }

    /**
     * This set and one more training point at (x, y) with {@code label} as the wire has it (−1/+1
     * for two classes, 0…K−1 for K, a value for regression); the caller has checked the ranges.
     */
    public CustomPoints with(double x, double y, double label, Domain d, ProblemKind task) {
        int n = size();
        int[] nx = Arrays.copyOf(gx, n + 1), ny = Arrays.copyOf(gy, n + 1), nc = Arrays.copyOf(code, n + 1);
        boolean[] nt = Arrays.copyOf(test, n + 1);
        nx[n] = grid(x, d.min(), d.max());
        ny[n] = grid(y, d.min(), d.max());
        nc[n] = codeOf(kind, task, label);
        return new CustomPoints(kind, nx, ny, nc, nt);
    }

    /** This set without point {@code index} (as {@link #nearest} numbers them). */
    public CustomPoints without(int index) {
        int n = size();
        int[] nx = new int[n - 1], ny = new int[n - 1], nc = new int[n - 1];
        boolean[] nt = new boolean[n - 1];
        for (int i = 0, j = 0; i < n; i++) {
            if (i == index) continue;
            nx[j] = gx[i];
            ny[j] = gy[i];
            nc[j] = code[i];
            nt[j++] = test[i];
        }
        return new CustomPoints(kind, nx, ny, nc, nt);
    }

    /** The point nearest (x, y) within {@code radius} (domain units), train or test, or −1 when none is. */
    public int nearest(double x, double y, double radius, Domain d) {
        int best = -1;
        double bestD = radius * radius;
        for (int i = 0; i < size(); i++) {
            double dx = value(gx[i], d.min(), d.max()) - x, dy = value(gy[i], d.min(), d.max()) - y;
            double dd = dx * dx + dy * dy;
            if (dd <= bestD) {
                bestD = dd;
                best = i;
            }
        }
        return best;
    }

    /** The grid step nearest {@code v} in [min, max] (clamped). */
    static int grid(double v, double min, double max) {
        long q = Math.round((v - min) / (max - min) * STEPS);
        return (int) Math.max(0, Math.min(STEPS, q));
    }

    /** What grid step {@code q} stands for in [min, max]. */
    static double value(int q, double min, double max) {
        return min + q * (max - min) / STEPS;
    }

    private static int codeOf(Kind kind, ProblemKind task, double label) {
        if (kind == Kind.VALUES) return grid(label, MIN_VALUE, MAX_VALUE);
        if (task == ProblemKind.BINARY) return label > 0 ? 1 : 0;
        return (int) label;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomPoints p
                && kind == p.kind
                && Arrays.equals(gx, p.gx)
                && Arrays.equals(gy, p.gy)
                && Arrays.equals(code, p.code)
                && Arrays.equals(test, p.test);
    }

    @Override
    public int hashCode() {
        return ((kind.hashCode() * 31 + Arrays.hashCode(gx)) * 31 + Arrays.hashCode(gy)) * 31
                + Arrays.hashCode(code) * 7
                + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "CustomPoints[" + kind + ", " + size() + " points, " + testCount() + " test]";
    }
}
