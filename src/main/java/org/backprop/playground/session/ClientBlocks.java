package org.backprop.playground.session;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The grids one client has, one per place in a frame's order, and how each new grid goes to it
 * (docs/protocol.md §6): {@code same} when no value moved by more than {@link Block#unseenChange}
 * since the bytes the client has; a {@code delta}, each byte's change mod 256, when the grid still
 * fits the range of those bytes; else its own bytes over its own range, a little widened. A slowly moving grid's
 * delta is nine tenths zeros, which deflate takes at a third of the time and size of the bytes.
 * The bytes kept are this object's own and change in place when a delta goes out.
 */
final class ClientBlocks {
    /**
     * A grid sent with its bytes goes over its range widened by this much of its span at each
     * end, so that the next frames, whose values creep outward as the network learns, still fit it
     * and go as deltas (without it, 1,004 of the default network's 2,100 blocks in 300 frames went
     * with their bytes, against 154 deltas).
     */
    static final float MARGIN = 1f / 16;

    private final List<Block> has = new ArrayList<>();
    /** The place of the next block of the frame being coded. */
    private int next;
    /** Blocks that went with bytes (their own or a delta), ever: it grows when a frame shows a changed grid. */
    private int changed;

    /** A frame's blocks come next, in order; what the client had at places past them is dropped at {@link #endFrame()}. */
    void beginFrame() {
        next = 0;
    }

    void endFrame() {
        while (has.size() > next) has.remove(has.size() - 1);
    }

    /** The client has nothing worth a delta any more (new inputs, domain or network): every block goes with its bytes. */
    void forget() {
        has.clear();
    }

    /** Every block the client has, in order, as {@code same}. */
    List<Block> unchanged() {
        List<Block> same = new ArrayList<>(has.size());
        for (Block b : has) same.add(b.asSame());
        return same;
    }

    boolean hasAny() {
        return !has.isEmpty();
    }

    int changed() {
        return changed;
    }

    /** values[off, off + width·height) for the next place, coded against what the client has there. */
    Block grid(String name, int layer, int neuron, float[] values, int off, int width, int height) {
        Block before = before(name, layer, neuron, width, height);
        if (before != null && fitsRange(before, values, off, width * height)) return delta(before, values, off);
        Block own = Block.quantize(name, layer, neuron, values, off, width, height, MARGIN);
        return before != null && own.looksLike(before) ? before.asSame() : keep(own);
    }

    /** Class indices (one byte a point) for the next place: the same only when no byte changed. */
    Block classes(String name, int layer, byte[] indices, int width, int height) {
        Block before = before(name, layer, -1, width, height);
        if (before == null) return keep(new Block(name, layer, -1, width, height, Block.UINT8, 0, 255, indices));
        if (Arrays.equals(before.data(), indices)) return before.asSame();
        byte[] has = before.data(), change = new byte[indices.length];
        for (int i = 0; i < has.length; i++) {
            change[i] = (byte) (indices[i] - has[i]);
            has[i] = indices[i];
        }
        changed++;
        return new Block(name, layer, -1, width, height, Block.UINT8, 0, 255, change, Block.Coding.DELTA);
    }

    /** The block the client has at the next place, if it is of this name and size and holds bytes a delta can apply to. */
    private Block before(String name, int layer, int neuron, int width, int height) {
        int place = next++;
        Block b = place < has.size() ? has.get(place) : null;
        return b != null
                        && b.isAt(name, layer, neuron, width, height)
                        && b.dtype().equals(Block.UINT8)
                ? b
                : null;
    }

    private Block keep(Block b) {
        int place = next - 1;
        if (place < has.size()) has.set(place, b);
        else has.add(b);
        changed++;
        return b;
    }

    /**
     * Whether the values, all finite, lie within the client's range and span at least half of it:
     * quantized on that range they lose at most one bit against their own.
     */
    private static boolean fitsRange(Block before, float[] values, int off, int n) {
        float lo = before.min(), hi = before.max(), min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (int i = off; i < off + n; i++) { // two reductions with no exit, so the loop is vectorized
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        return hi > lo && min >= lo && max <= hi && 2 * (max - min) >= hi - lo; // false for a NaN too
    }

    /** Adding 1.5·2²³ to x in [−½, 256) leaves round(x) (to even) in the float's low mantissa bits, so a byte cast takes it without a float-to-int conversion. */
    private static final float ROUNDING = 12582912f;

    /** The values quantized on the client's range (to the nearest byte): same, or the delta. */
    private Block delta(Block before, float[] values, int off) {
        byte[] has = before.data(), change = new byte[has.length];
        float lo = before.min(), span = before.max() - lo, scale = 255f / span;
        // values lie in [lo, hi], so (v − lo)·scale is in [0, 255] up to two roundings
        for (int i = 0; i < change.length; i++)
            change[i] = (byte) Float.floatToRawIntBits((values[off + i] - lo) * scale + ROUNDING);
        for (int i = 0; i < change.length; i++) change[i] -= has[i];
        int unseenSteps = (int) (Block.unseenChange(lo, before.max()) / (span / 255) * (1 + 1e-6f));
        if (withinSteps(change, unseenSteps)) return before.asSame();
        for (int i = 0; i < has.length; i++) has[i] += change[i];
        changed++;
        return new Block(
                before.name(),
                before.layer(),
                before.neuron(),
                before.width(),
                before.height(),
                Block.UINT8,
                lo,
                before.max(),
                change,
                Block.Coding.DELTA);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Whether every byte, read as a signed change, is within ±steps; one step (the common case) eight bytes at a time. */
    static boolean withinSteps(byte[] change, int steps) {
        int i = 0;
        if (steps == 1) {
            for (; i + 8 <= change.length; i += 8) {
                long x = (long) LONGS.get(change, i);
                // each byte plus one, without carries between bytes: −1, 0, 1 become 0, 1, 2
                long y = ((x & 0x7F7F7F7F7F7F7F7FL) + 0x0101010101010101L) ^ (x & 0x8080808080808080L);
                // a byte above 3, or a 3 (both low bits set)
                if ((y & 0xFCFCFCFCFCFCFCFCL) != 0 || (y & (y >>> 1) & 0x0101010101010101L) != 0) return false;
            }
        }
        for (; i < change.length; i++) if (Math.abs(change[i]) > steps) return false;
        return true;
    }
}
